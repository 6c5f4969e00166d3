/**
 * A real Evidence Store for the journeys: a temp folder with a copy of the fixture documents, a
 * fresh index, and `npx evidence-store serve --port 0` started on it. One per worker (workers: 1),
 * so the journeys share it; it is stopped when the worker ends.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import { TOKEN_KEY } from '../../renderer/src/api/launch-token.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/e2e/evidence/', import.meta.url));

export interface RunningApp {
  /** The launch address, with this run's token in the fragment (`/#token=…`). */
  launchUrl: string;
  origin: string;
  port: number;
  token: string;
  /** The copy of the fixture folder the journeys add to the library. */
  evidenceDir: string;
  /** Everything the server printed, for failure messages. */
  output: () => string;
}

/** The environment the app runs in: never a passphrase from the developer's own shell. */
function appEnv(passphrase?: string): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.EVIDENCE_STORE_PASSPHRASE;
  if (passphrase !== undefined) env.EVIDENCE_STORE_PASSPHRASE = passphrase;
  return env;
}

/**
 * `encryptedWith`: the index is first made encrypted with this passphrase, holding the fixture
 * folder, and the app is then started without it (so it starts locked and the page asks for it).
 */
async function startApp(options: { encryptedWith?: string } = {}): Promise<{ app: RunningApp; stop: () => Promise<void> }> {
  const tmp = mkdtempSync(join(tmpdir(), 'evidence-e2e-'));
  const evidenceDir = join(tmp, 'Evidence');
  cpSync(FIXTURES, evidenceDir, { recursive: true });
  const db = join(tmp, 'e2e.db');
  if (options.encryptedWith !== undefined) {
    const made = spawnSync('npx', ['evidence-store', 'index', evidenceDir, '--db', db, '--encrypt', '--json'], {
      cwd: REPO,
      env: appEnv(options.encryptedWith),
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (made.status !== 0) throw new Error(`evidence-store index --encrypt failed (${made.status}):\n${made.stdout}${made.stderr}`);
  }
  const child: ChildProcess = spawn('npx', ['evidence-store', 'serve', '--db', db, '--port', '0'], {
    cwd: REPO,
    env: appEnv(),
    // Its own process group, so stopping it also stops the node process npx started.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const launchUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`evidence-store serve did not start within 60 s. Output:\n${output}`)), 60_000);
    const check = () => {
      const m = /Evidence Store is running at (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/u.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`evidence-store serve exited with ${code}. Output:\n${output}`));
    });
  });
  const url = new URL(launchUrl);

  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }
    rmSync(tmp, { recursive: true, force: true });
  };

  return {
    app: {
      launchUrl,
      origin: url.origin,
      port: Number(url.port),
      token: new URLSearchParams(url.hash.slice(1)).get('token') ?? '',
      evidenceDir,
      output: () => output,
    },
    stop,
  };
}

/** The passphrase `lockedApp`'s index is encrypted with. */
export const LOCKED_APP_PASSPHRASE = 'Kestrel meadow 42';

export const test = base.extend<{ openApp: () => Promise<void>; freshApp: RunningApp; lockedApp: RunningApp }, { app: RunningApp }>({
  /**
   * A server of the test's own on an encrypted index (holding the fixture folder, already scanned),
   * started without its passphrase: the page asks for LOCKED_APP_PASSPHRASE.
   */
  lockedApp: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const { app, stop } = await startApp({ encryptedWith: LOCKED_APP_PASSPHRASE });
      await use(app);
      await stop();
    },
    { timeout: 150_000 },
  ],
  /** A server of the test's own, with an empty library, for journeys that need a first start. */
  freshApp: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const { app, stop } = await startApp();
      await use(app);
      await stop();
    },
    { timeout: 90_000 },
  ],
  app: [
    // Playwright reads fixture dependencies from the destructuring pattern; this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const { app, stop } = await startApp();
      await use(app);
      await stop();
    },
    { scope: 'worker', timeout: 90_000 },
  ],
  /** Opens the launch URL: the page keeps the token in its sessionStorage and takes it out of the address bar. */
  openApp: async ({ page, app }, use) => {
    await use(async () => {
      await page.goto(app.launchUrl);
      await expect(page).toHaveURL(`${app.origin}/`);
      await expect(page.getByRole('searchbox', { name: 'Search evidence' })).toBeVisible();
    });
  },
});

export { expect };

/** Adds the fixture folder through the UI (browser mode: the path dialog) unless it is already in. */
export async function ensureEvidenceAdded(page: Page, app: RunningApp): Promise<void> {
  await page.getByRole('navigation', { name: 'Areas' }).getByText('Library').click();
  const card = page.getByTestId('root-card');
  if ((await card.count()) === 0) {
    await page.getByRole('button', { name: 'Add folder' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add a folder' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Folder path').fill(app.evidenceDir);
    await dialog.getByRole('button', { name: 'Add folder' }).click();
    await expect(dialog).toBeHidden();
  }
  // Scanned: the status bar says so and the card counts the three documents.
  await expect(page.getByTestId('index-status')).toContainText('Index up to date', { timeout: 45_000 });
  await expect(card.getByTestId('root-documents')).toHaveText('3', { timeout: 45_000 });
}

/**
 * A contract call from the app's tab, for checking what the server holds. It sends the tab's token
 * (kept in its sessionStorage, as the app itself does): the server takes no cookie.
 */
export async function callApi<T>(page: Page, method: string, input: object = {}): Promise<T> {
  return page.evaluate(
    async ([m, body, key]) => {
      const res = await fetch(`/api/${m}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${sessionStorage.getItem(key)}`, 'content-type': 'application/json', 'x-evidence-request': '1' },
        body: JSON.stringify(body),
      });
      const json = (await res.json().catch(() => null)) as { ok: boolean; data?: unknown; error?: { message: string } } | null;
      if (!json?.ok) throw new Error(json?.error?.message ?? `HTTP ${res.status}`);
      return json.data;
    },
    [method, input, TOKEN_KEY] as const,
  ) as Promise<T>;
}

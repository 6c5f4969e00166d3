/**
 * Screenshots of every area at 1366x768 (the commonest council laptop) and 1024x640, for the README
 * and docs/screenshots/:
 *
 *   npm run build:renderer && npx node scripts/screenshots.ts [out-folder]
 *
 * It starts browser mode (`evidence-store serve`, as the end-to-end tests do) on a fresh index in a
 * temp folder, adds a copy of the end-to-end fixture documents (test/fixtures/e2e/evidence), makes
 * one an approved evidence item and logs an inspector's request, then drives the system Chromium
 * (CHROMIUM_PATH, /usr/bin/chromium; Playwright never downloads one) through the areas. Nothing
 * outside the temp folder and the output folder is touched; no ../shared needed.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const FIXTURES = join(REPO, 'test/fixtures/e2e/evidence');
const OUT = resolve(process.argv[2] ?? join(REPO, 'docs/screenshots'));

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 640 },
] as const;

/** File name, the area's shortcut, the tab to show, and what to do first. */
const SHOTS: { name: string; key: string; tab?: string; prepare?: (page: Page) => Promise<void> }[] = [
  { name: 'search', key: 'Alt+1', prepare: (page) => search(page, 'supervision') },
  { name: 'document', key: 'Alt+1', prepare: openFirstResult },
  { name: 'library', key: 'Alt+2', tab: 'Folders' },
  { name: 'coverage', key: 'Alt+3', tab: 'Coverage' },
  { name: 'checks', key: 'Alt+3', tab: 'Checks' },
  { name: 'self-evaluation', key: 'Alt+3', tab: 'Self-evaluation' },
  { name: 'annex-a', key: 'Alt+4' },
  { name: 'export', key: 'Alt+5', tab: 'New pack' },
  { name: 'requests', key: 'Alt+6', tab: 'Today' },
  { name: 'evidence', key: 'Alt+7' },
  { name: 'settings', key: 'Alt+9' },
];

function chromiumPath(): string {
  const found = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/google-chrome'].find((p): p is string => Boolean(p && existsSync(p)));
  if (!found) throw new Error('No Chromium: install it (apt-get install chromium) or set CHROMIUM_PATH.');
  return found;
}

/** `evidence-store serve` on a fresh index; resolves with its launch address and a stop function. */
async function serve(db: string): Promise<{ launchUrl: string; stop: () => void }> {
  const child = spawn('npx', ['evidence-store', 'serve', '--db', db, '--port', '0'], { cwd: REPO, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const launchUrl = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`evidence-store serve did not start in 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Evidence Store is running at (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/u.exec(output);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => fail(new Error(`evidence-store serve exited with ${code}:\n${output}`)));
  });
  return {
    launchUrl,
    stop: () => {
      try {
        // Its own process group: the node process npx started goes too.
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // Already gone.
      }
    },
  };
}

/** A call to the app's API from its tab (the token is in the tab's sessionStorage, as the app keeps it). */
async function call<T>(page: Page, method: string, input: object = {}): Promise<T> {
  return page.evaluate(
    async ([m, body]) => {
      const key = Object.keys(sessionStorage).find((k) => k.includes('token'))!;
      const res = await fetch(`/api/${m}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${sessionStorage.getItem(key)}`, 'content-type': 'application/json', 'x-evidence-request': '1' },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as { ok: boolean; data?: unknown; error?: { message: string } };
      if (!json.ok) throw new Error(`${m}: ${json.error?.message}`);
      return json.data;
    },
    [method, input] as const,
  ) as Promise<T>;
}

async function waitFor(check: () => Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function search(page: Page, words: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Search evidence' });
  await box.fill('');
  await box.fill(words);
  await page.waitForTimeout(500);
  await waitFor(async () => (await page.getByTestId('search-summary').textContent())?.includes('found') ?? false, 'the search');
}

async function openFirstResult(page: Page): Promise<void> {
  await search(page, 'placement stability');
  const result = page.getByTestId('search-result').filter({ hasText: /Placement Stability/iu }).first();
  await result.waitFor();
  await result.getByRole('button').first().click();
  await page.getByTestId('doc-title').filter({ hasText: /Placement/iu }).waitFor();
  await page.getByTestId('doc-title').waitFor();
  // The page drawn (pdf.js), not its placeholder.
  await page.waitForTimeout(1500);
}

async function main(): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'evidence-screens-'));
  const evidence = join(tmp, 'Evidence');
  cpSync(FIXTURES, evidence, { recursive: true });
  const server = await serve(join(tmp, 'screens.db'));
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    mkdirSync(OUT, { recursive: true });
    const page = await browser.newPage({ viewport: SIZES[0], colorScheme: 'light', locale: 'en-GB', timezoneId: 'Europe/London' });
    await page.goto(server.launchUrl);
    await page.getByRole('searchbox', { name: 'Search evidence' }).waitFor();
    await call(page, 'roots.add', { path: evidence });
    await waitFor(async () => (await page.getByTestId('index-status').textContent())?.includes('Index up to date') ?? false, 'the scan');
    const { documentId } = await call<{ documentId: number }>(page, 'documents.byPath', { path: join(evidence, 'supervision-notes.txt') });
    await call(page, 'evidence.save', { documentId, fields: { title: 'Supervision notes, North team', team: 'North', evidenceDate: '2024-03-01', status: 'approved' } });
    await call(page, 'requests.add', { text: 'Return home interviews for children missing from care, last six months', inspector: 'HMI Patel' });

    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (const shot of SHOTS) {
        await page.keyboard.press('Escape');
        await page.locator('body').press(shot.key);
        if (shot.tab) await page.getByRole('main').getByRole('tab', { name: new RegExp(`^${shot.tab}`, 'u') }).click();
        await shot.prepare?.(page);
        await waitFor(async () => (await page.getByRole('main').getByRole('progressbar').count()) === 0, `${shot.name} to load`, 15_000).catch(() => undefined);
        // No focus ring or caret left from getting here.
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await page.waitForTimeout(400);
        const file = join(OUT, `${shot.name}-${size.width}x${size.height}.png`);
        await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
        console.log(file);
      }
    }
  } finally {
    await browser.close();
    server.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();

/**
 * The `npm run build:electron` output the packaging tests read (dist/), made afresh when any
 * source it is compiled from is newer than it, and the UI's build when there is none. Test files running at once take turns (a lock
 * folder), so only one of them builds.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const COMPILED_MAIN = join(REPO, 'dist', 'electron', 'main', 'main.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|js|css)$/u.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function isFresh(): boolean {
  if (!existsSync(COMPILED_MAIN) || !existsSync(join(REPO, 'dist', 'electron', 'preload', 'preload.cjs'))) return false;
  const sources = Math.max(...['electron', 'core', 'shared'].map((d) => newestSource(join(REPO, d))));
  return statSync(COMPILED_MAIN).mtimeMs >= sources;
}

export async function ensureElectronBuild(): Promise<void> {
  const lock = join(REPO, 'node_modules', '.cache', 'evidence-store-build.lock');
  mkdirSync(join(lock, '..'), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another test file is building: wait, then use its output. A lock older than the deadline is stale.
      if (Date.now() > deadline || Date.now() - statSync(lock).mtimeMs > 180_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (!isFresh()) execFileSync('npm', ['run', 'build:electron'], { cwd: REPO, stdio: 'pipe', timeout: 170_000 });
    // The UI too, when a fresh clone has never built it: app.asar must hold it (its freshness does
    // not matter to these tests, and the end-to-end run builds it again).
    if (!existsSync(join(REPO, 'dist', 'renderer', 'index.html'))) execFileSync('npm', ['run', 'build:renderer'], { cwd: REPO, stdio: 'pipe', timeout: 170_000 });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

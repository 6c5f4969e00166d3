/**
 * `npm start`: the desktop app where Electron is installed; browser mode where it is not
 * (Electron's binary is downloaded separately from its npm package, and some machines cannot).
 *
 * Flags: --browser (browser mode even where Electron is installed), --no-open (do not open a web
 * browser: remote sessions, tests), --no-build (serve the UI as it is built, without checking it is
 * up to date: tests that must not rebuild the dist/ folder other runs share). Anything else goes to
 * `evidence-store serve`, e.g. `npm start -- --port 8080`. EVIDENCE_REBUILD=1 forces a UI build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { superviseChild } from './child-signals.ts';
import { uiBuiltAt, uiRebuildReason, uiSourceTimes } from './ui-freshness.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const args = process.argv.slice(2);
const OWN_FLAGS = new Set(['--browser', '--no-open', '--no-build']);

// The app gets its own process group (POSIX), so a terminal's Ctrl+C reaches it once, passed on by
// us, rather than twice (the terminal signals the whole foreground group): a second SIGINT would
// cut short the server's orderly stop. On Windows `detached` would open a new console instead.
const ownGroup = process.platform !== 'win32';

function run(script: string): void {
  const result = spawnSync(npm, ['run', '--silent', script], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** The Electron executable, if its binary is really on this machine (asking `electron` itself would try to download it). */
function electronBinary(): string | null {
  try {
    const pkg = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(pkg, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const exe = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(exe) ? exe : null;
  } catch {
    return null;
  }
}

const electron = electronBinary();
if (electron && !args.includes('--browser')) {
  run('build');
  superviseChild(spawn(electron, ['.'], { cwd: root, stdio: 'inherit', detached: ownGroup }));
} else {
  console.log(
    electron
      ? 'Starting in browser mode, as asked.'
      : 'Electron is not installed on this machine (its binary could not be downloaded), so Evidence Store starts in browser mode:\n' +
          'the same app, served only to this computer, in your web browser.',
  );
  if (!args.includes('--no-build')) {
    const reason = process.env.EVIDENCE_REBUILD ? 'EVIDENCE_REBUILD is set' : uiRebuildReason(uiBuiltAt(root), uiSourceTimes(root));
    if (reason) {
      console.log(`Building the app UI (${reason}).`);
      run('build:renderer');
    }
  }
  const serve = [join(root, 'cli', 'bin.js'), 'serve', ...(args.includes('--no-open') ? [] : ['--open']), ...args.filter((a) => !OWN_FLAGS.has(a))];
  superviseChild(spawn(process.execPath, serve, { cwd: root, stdio: 'inherit', detached: ownGroup }));
}

/**
 * `npm start`: the desktop app where Electron is installed; browser mode where it is not
 * (Electron's binary is downloaded separately from its npm package, and some machines cannot).
 */
import { existsSync, readFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

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
if (electron && !process.argv.includes('--browser')) {
  run('build');
  const child = spawn(electron, ['.'], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    electron
      ? 'Starting in browser mode, as asked.'
      : 'Electron is not installed on this machine (its binary could not be downloaded), so Evidence Store starts in browser mode:\n' +
          'the same app, served only to this computer, in your web browser.',
  );
  if (!existsSync(join(root, 'dist', 'renderer', 'index.html')) || process.env.EVIDENCE_REBUILD) run('build:renderer');
  const extra = process.argv.slice(2).filter((a) => a !== '--browser');
  const child = spawn(process.execPath, [join(root, 'cli', 'bin.js'), 'serve', '--open', ...extra], { cwd: root, stdio: 'inherit' });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}

/**
 * Opening a file, or showing it in its folder, with the operating system's own tools, for the
 * shells that have no Electron `shell` module (browser mode, the CLI).
 */
import { spawn } from 'node:child_process';
import { dirname } from 'node:path';
import { ApiFailure } from '../../core/api/errors.ts';

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    // No shell: a file name can never be read as a command.
    const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true });
    child.once('error', () => reject(new ApiFailure('unavailable', `This computer has no “${command}” to open files with.`)));
    child.once('spawn', () => {
      child.unref();
      resolvePromise();
    });
  });
}

export function openPath(path: string): Promise<void> {
  if (process.platform === 'win32') return run('explorer.exe', [path]);
  if (process.platform === 'darwin') return run('open', [path]);
  return run('xdg-open', [path]);
}

export function revealPath(path: string): Promise<void> {
  if (process.platform === 'win32') return run('explorer.exe', [`/select,${path}`]);
  if (process.platform === 'darwin') return run('open', ['-R', path]);
  return run('xdg-open', [dirname(path)]);
}

/**
 * `npm start` for real: the launcher (scripts/start.ts, on the project's Node 24) starts browser
 * mode, and stopping the launcher (or npm around it) stops the server it started, leaving no
 * process behind.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../helpers/temp.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const START = fileURLToPath(new URL('../../scripts/start.ts', import.meta.url));

interface Launched {
  launcher: ChildProcess;
  port: number;
  /** Every process the launcher started, and they in turn (the server, for npm the shell and us). */
  children: number[];
  exited: Promise<number | null>;
  output: () => string;
}

const started: ChildProcess[] = [];
const orphans: number[] = [];

afterEach(() => {
  // Whatever a failing test left running is stopped here, by its own id.
  for (const p of started.splice(0)) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
  for (const pid of orphans.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
});

/** Flags for a test: its own port, no browser, and no UI build (dist/ is shared with other runs). */
const FLAGS = ['--browser', '--no-open', '--no-build', '--port', '0'];

/** `node scripts/start.ts --browser` (or another command) with its own data folder. */
async function launch(command = process.execPath, args = [START, ...FLAGS]): Promise<Launched> {
  const launcher = spawn(command, args, {
    cwd: REPO,
    env: { ...process.env, EVIDENCE_STORE_DATA: tempDir() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(launcher);
  let output = '';
  launcher.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  launcher.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => launcher.once('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    launcher.stdout!.on('data', () => {
      const m = /Evidence Store is running at http:\/\/127\.0\.0\.1:(\d+)\/#token=\S+/u.exec(output);
      if (m) resolve(Number(m[1]));
    });
    void exited.then((code) => reject(new Error(`npm start ended (${code}) before printing the address:\n${output}`)));
  });
  const children = descendantsOf(launcher.pid!);
  orphans.push(...children);
  return { launcher, port, children, exited, output: () => output };
}

/** The ids of a process's children, grandchildren and so on (ps works on Linux and macOS). */
function descendantsOf(pid: number): number[] {
  const pairs = execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().split(/\s+/u).map(Number));
  const found: number[] = [];
  for (let i = 0, parents = [pid]; i < parents.length; i++) {
    for (const [child, ppid] of pairs) {
      if (ppid === parents[i]) {
        found.push(child);
        parents.push(child);
      }
    }
  }
  return found;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether anything accepts a connection on the port. */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('npm start (browser mode)', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('%s to the launcher stops the server, which ends in order, and the launcher exits with its code', async (signal) => {
    const app = await launch();
    expect(app.children).toHaveLength(1);
    expect(await answers(app.port)).toBe(true);

    app.launcher.kill(signal);
    // The server stops itself on SIGINT/SIGTERM and exits 0; the launcher reports that code.
    expect(await app.exited).toBe(0);
    expect(app.children.filter(alive)).toEqual([]);
    expect(await answers(app.port)).toBe(false);
  });

  it('SIGHUP (the terminal closed) stops the server too', async () => {
    const app = await launch();
    app.launcher.kill('SIGHUP');
    const code = await app.exited;
    expect(app.children.filter(alive)).toEqual([]);
    expect(await answers(app.port)).toBe(false);
    // 0 if the server stops itself on SIGHUP, 129 (128 + SIGHUP) if it was ended by it: either way, its code.
    expect([0, 129]).toContain(code);
  });

  it('SIGTERM to `npm start` stops the server too, although the shell npm runs us in does not pass it on', async () => {
    const app = await launch('npm', ['start', '--silent', '--', ...FLAGS]);
    // npm, its shell, the launcher and the server
    expect(app.children.length).toBeGreaterThanOrEqual(2);
    app.launcher.kill('SIGTERM');
    await app.exited;
    await waitUntil(() => app.children.filter(alive).length === 0);
    expect(await answers(app.port)).toBe(false);
  });
});

/** Waits for a condition that other processes make true (the launcher notices its orphaning within a second). */
async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 100));
}

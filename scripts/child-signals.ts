/**
 * `npm start` runs the app as a child process (Electron, or `evidence-store serve`). Whoever stops
 * `npm start` (Ctrl+C, a closed terminal, a service manager's SIGTERM) must stop the app too, and
 * learn how it ended: so signals are passed on, and the launcher exits with the child's code.
 */
import { constants } from 'node:os';

export const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** The parts of `process` this needs, so a test can hand in its own. */
export interface Launcher {
  on(event: NodeJS.Signals | 'exit', listener: (signal: NodeJS.Signals) => void): unknown;
  off(event: NodeJS.Signals | 'exit', listener: (signal: NodeJS.Signals) => void): unknown;
  exit(code: number): void;
  /** The launcher's parent process id, read afresh each time (Node's process.ppid is). */
  readonly ppid: number;
}

/** What this needs of a ChildProcess. */
export interface SupervisedChild {
  readonly exitCode: number | null;
  readonly signalCode: NodeJS.Signals | null;
  kill(signal: NodeJS.Signals): boolean;
  on(event: 'exit', listener: (code: number | null, signal: NodeJS.Signals | null) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface SuperviseOptions {
  /** Calls `check` now and then until the returned function is called; every second by default. */
  every?: (check: () => void) => () => void;
}

const everySecond = (check: () => void) => {
  const timer = setInterval(check, 1000);
  return () => clearInterval(timer);
};

/** The shell's convention for a process ended by a signal: 128 + its number. */
export function exitCodeFor(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  return signal ? 128 + (constants.signals[signal] ?? 0) : 1;
}

export function superviseChild(
  child: SupervisedChild,
  launcher: Launcher = process,
  options: SuperviseOptions = {},
): void {
  const running = () => child.exitCode === null && child.signalCode === null;
  // Our own handlers replace Node's default (die at once), so we stay to report the child's code.
  const forward = (signal: NodeJS.Signals) => {
    if (running()) child.kill(signal);
  };
  // If the launcher itself ends first (an error in it), do not leave the app running unseen.
  const orphanGuard = () => {
    if (running()) child.kill('SIGTERM');
  };
  for (const signal of FORWARDED_SIGNALS) launcher.on(signal, forward);
  launcher.on('exit', orphanGuard);
  // `npm start` runs us under `sh -c`; stopping npm ends that shell, which does not pass the signal
  // on, and leaves us orphaned with the server still running. A new parent means: stop.
  const parent = launcher.ppid;
  const stopWatching = (options.every ?? everySecond)(() => {
    if (launcher.ppid === parent) return;
    stopWatching();
    forward('SIGTERM');
  });
  child.on('error', (error: Error) => {
    stopWatching();
    console.error(`Could not start Evidence Store: ${error.message}`);
    launcher.exit(1);
  });
  child.on('exit', (code: number | null, signal: NodeJS.Signals | null) => {
    stopWatching();
    for (const s of FORWARDED_SIGNALS) launcher.off(s, forward);
    launcher.off('exit', orphanGuard);
    launcher.exit(exitCodeFor(code, signal));
  });
}

import { describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import { constants } from 'node:os';
import { FORWARDED_SIGNALS, exitCodeFor, superviseChild, type Launcher } from '../../scripts/child-signals.ts';

/** A child process and a launcher made of event emitters, so signals can be sent without sending any. */
function setUp() {
  const child = Object.assign(new EventEmitter(), {
    exitCode: null as number | null,
    signalCode: null as NodeJS.Signals | null,
    kill: vi.fn<(signal?: NodeJS.Signals | number) => boolean>(() => true),
  });
  const launcherEvents = new EventEmitter();
  const launcher: Launcher & { ppid: number; emit: (event: string, ...args: unknown[]) => boolean; listenerCount: (event: string) => number } = {
    on: (event, listener) => launcherEvents.on(event, listener),
    off: (event, listener) => launcherEvents.off(event, listener),
    exit: vi.fn<(code: number) => void>(),
    ppid: 100,
    emit: (event, ...args) => launcherEvents.emit(event, ...args),
    listenerCount: (event) => launcherEvents.listenerCount(event),
  };
  // The parent check runs when the test says, not on a timer.
  const watch = { check: null as (() => void) | null, stopped: false };
  superviseChild(child, launcher, {
    every: (check) => {
      watch.check = check;
      return () => void (watch.stopped = true);
    },
  });
  const end = (code: number | null, signal: NodeJS.Signals | null) => {
    child.exitCode = code;
    child.signalCode = signal;
    child.emit('exit', code, signal);
  };
  return { child, launcher, end, watch };
}

describe('npm start passes signals on to the app', () => {
  it.each(FORWARDED_SIGNALS)('%s goes to the child, and the launcher waits for it to end', (signal) => {
    const { child, launcher } = setUp();
    launcher.emit(signal, signal);
    expect(child.kill).toHaveBeenCalledWith(signal);
    expect(launcher.exit).not.toHaveBeenCalled();
  });

  it('exits with the child’s code once it has ended, and stops listening', () => {
    const { launcher, end, watch } = setUp();
    launcher.emit('SIGTERM', 'SIGTERM');
    end(0, null);
    expect(launcher.exit).toHaveBeenCalledWith(0);
    for (const signal of FORWARDED_SIGNALS) expect(launcher.listenerCount(signal)).toBe(0);
    expect(launcher.listenerCount('exit')).toBe(0);
    expect(watch.stopped).toBe(true);
  });

  it('stops the child when the launcher is orphaned (npm ended the shell it runs in), and only once', () => {
    const { child, launcher, watch } = setUp();
    watch.check!();
    expect(child.kill).not.toHaveBeenCalled();
    launcher.ppid = 1;
    watch.check!();
    expect(child.kill).toHaveBeenCalledWith('SIGTERM');
    expect(watch.stopped).toBe(true);
  });

  it('passes on a failure code, and reports a child ended by a signal as 128 + its number', () => {
    const failed = setUp();
    failed.end(3, null);
    expect(failed.launcher.exit).toHaveBeenCalledWith(3);
    const killed = setUp();
    killed.end(null, 'SIGHUP');
    expect(killed.launcher.exit).toHaveBeenCalledWith(128 + constants.signals.SIGHUP);
    expect(exitCodeFor(null, 'SIGKILL')).toBe(137);
  });

  it('sends nothing to a child that has already ended', () => {
    const { child, launcher } = setUp();
    child.exitCode = 0;
    launcher.emit('SIGINT', 'SIGINT');
    expect(child.kill).not.toHaveBeenCalled();
  });

  it('stops the child if the launcher itself ends first', () => {
    const { child, launcher } = setUp();
    launcher.emit('exit');
    expect(child.kill).toHaveBeenCalledWith('SIGTERM');
  });

  it('exits with 1 when the child cannot start', () => {
    const { child, launcher } = setUp();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    child.emit('error', new Error('spawn ENOENT'));
    expect(launcher.exit).toHaveBeenCalledWith(1);
    vi.restoreAllMocks();
  });
});

/**
 * Stopping a search that a newer one replaced. A search runs as steps (a generator): between two
 * steps it gives the event loop a turn, so the newer request can arrive and mark it cancelled,
 * and it stops there instead of ranking, counting and snippeting for an answer nobody will read.
 */
import { ApiFailure } from '../api/errors.ts';

export class SearchCancelled extends ApiFailure {
  constructor() {
    super('cancelled', 'A newer search replaced this one.');
  }
}

/** Runs a search's steps to the end at once (tests, scripts: nothing to cancel). */
export function runNow<T>(steps: Generator<string, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Runs the steps with a turn of the event loop between them, stopping when `signal` aborts. */
export async function runCancellable<T>(steps: Generator<string, T>, signal: AbortSignal): Promise<T> {
  for (;;) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (signal.aborted) {
      steps.return(undefined as T);
      throw new SearchCancelled();
    }
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * One search at a time per channel (the search box is one channel): starting a search cancels the
 * one it replaces on the same channel. Searches without a channel are never cancelled.
 */
export class LatestPerChannel {
  private readonly running = new Map<string, AbortController>();

  async run<T>(channel: string | undefined, steps: Generator<string, T>): Promise<T> {
    if (channel === undefined) return runCancellable(steps, new AbortController().signal);
    this.running.get(channel)?.abort();
    const controller = new AbortController();
    this.running.set(channel, controller);
    try {
      return await runCancellable(steps, controller.signal);
    } finally {
      if (this.running.get(channel) === controller) this.running.delete(channel);
    }
  }
}

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

/**
 * What a step yields: its name, or work running elsewhere (a worker thread) whose answer the runner
 * waits for and hands back to the steps.
 */
export type Step = string | Promise<unknown>;
export type Steps<T> = Generator<Step, T, unknown>;

/** Runs a search's steps to the end at once (tests, scripts: nothing to cancel, no workers). */
export function runNow<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (typeof next.value !== 'string') throw new Error('runNow cannot wait for a worker: use runCancellable.');
  }
}

/** Runs the steps with a turn of the event loop between them, stopping when `signal` aborts. */
export async function runCancellable<T>(steps: Steps<T>, signal: AbortSignal): Promise<T> {
  let answer: unknown = undefined;
  for (;;) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (signal.aborted) {
      steps.return(undefined as T);
      throw new SearchCancelled();
    }
    const next = steps.next(answer);
    if (next.done) return next.value;
    answer = typeof next.value === 'string' ? undefined : await next.value;
  }
}

/**
 * One search at a time per channel (the search box is one channel): starting a search cancels the
 * one it replaces on the same channel. Searches without a channel are never cancelled.
 */
export class LatestPerChannel {
  private readonly running = new Map<string, AbortController>();

  async run<T>(channel: string | undefined, steps: Steps<T>): Promise<T> {
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

import { describe, expect, it } from 'vitest';
import { addSample, estimateScan, MIN_SPAN_MS, RATE_WINDOW_MS, type ProgressSample } from '../../../core/scan/time-left.ts';

/** Samples every second from `from` for `seconds`, at `perSecond` files a second, starting at `done`. */
function run(samples: ProgressSample[], from: number, seconds: number, perSecond: number, done: number): { samples: ProgressSample[]; now: number; done: number } {
  let s = samples;
  let d = done;
  let now = from;
  for (let i = 0; i < seconds; i++) {
    now += 1000;
    d += perSecond;
    s = addSample(s, { at: now, done: d });
  }
  return { samples: s, now, done: d };
}

const scanning = { total: 5000, walking: false, paused: false };

describe('the time left in a scan', () => {
  it('at a steady rate, is what is left divided by the rate', () => {
    const r = run([{ at: 0, done: 0 }], 0, 30, 10, 0);
    expect(estimateScan({ ...scanning, ...r })).toEqual({ filesPerSecond: 10, secondsLeft: (5000 - 300) / 10 });
  });

  it('follows a change of rate within the window, not the average since the start', () => {
    // A minute of fast small files, then big PDFs at 2 a second for 25 s.
    const fast = run([{ at: 0, done: 0 }], 0, 60, 50, 0);
    const slow = run(fast.samples, fast.now, 25, 2, fast.done);
    const estimate = estimateScan({ ...scanning, ...slow });
    expect(estimate.filesPerSecond).toBe(2);
    expect(estimate.secondsLeft).toBe((5000 - slow.done) / 2);
    // Since the start it would have been about 35 a second, a promise of under two minutes.
    expect(slow.samples[0].at).toBeGreaterThanOrEqual(slow.now - RATE_WINDOW_MS - 1000);
  });

  it('gives no estimate while paused', () => {
    const r = run([{ at: 0, done: 0 }], 0, 30, 10, 0);
    expect(estimateScan({ ...scanning, ...r, paused: true })).toEqual({ filesPerSecond: 0, secondsLeft: null });
  });

  it('gives no estimate when nothing has moved in the window (never "infinite" or negative)', () => {
    const stuck = run([{ at: 0, done: 0 }], 0, 30, 0, 0);
    expect(estimateScan({ ...scanning, ...stuck })).toEqual({ filesPerSecond: 0, secondsLeft: null });
    // A file stuck for longer than the window, after progress earlier.
    const moved = run([{ at: 0, done: 0 }], 0, 10, 10, 0);
    const thenStuck = run(moved.samples, moved.now, 30, 0, moved.done);
    expect(estimateScan({ ...scanning, ...thenStuck }).secondsLeft).toBeNull();
  });

  it('waits for enough samples before saying anything', () => {
    const early = run([{ at: 0, done: 0 }], 0, MIN_SPAN_MS / 1000 - 1, 100, 0);
    expect(estimateScan({ ...scanning, ...early }).secondsLeft).toBeNull();
    const enough = run(early.samples, early.now, 1, 100, early.done);
    expect(estimateScan({ ...scanning, ...enough }).secondsLeft).not.toBeNull();
  });

  it('gives a rate but no time left while the files are still being counted', () => {
    const r = run([{ at: 0, done: 0 }], 0, 30, 10, 0);
    expect(estimateScan({ ...scanning, ...r, walking: true })).toEqual({ filesPerSecond: 10, secondsLeft: null });
  });

  it('keeps at most one sample per half second and only the last ~20 s', () => {
    let s: ProgressSample[] = [];
    for (let at = 0; at <= 60_000; at += 100) s = addSample(s, { at, done: at });
    expect(s.length).toBeLessThanOrEqual(RATE_WINDOW_MS / 500 + 2);
    expect(s[0].at).toBeGreaterThanOrEqual(60_000 - RATE_WINDOW_MS - 500);
  });
});

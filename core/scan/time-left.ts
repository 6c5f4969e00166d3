/**
 * How fast a scan is going and how long it has left, from the files finished over the last
 * ~20 seconds rather than since the start: a scan that reaches a folder of big PDFs, or a share
 * that slows down, should move the estimate within seconds, and the quick unchanged files at the
 * start of a rescan should not promise an end that never comes.
 *
 * Pure: the indexer keeps the samples (addSample) and asks for the estimate (estimateScan).
 */

/** Files finished by a moment (milliseconds, any clock that only goes forward). */
export interface ProgressSample {
  at: number;
  done: number;
}

/** The moving window the rate is measured over. */
export const RATE_WINDOW_MS = 20_000;
/** At most one sample per this long, so a fast rescan does not keep thousands. */
export const SAMPLE_EVERY_MS = 500;
/** No estimate until the window spans this long and holds this many samples: the first seconds mislead. */
export const MIN_SPAN_MS = 5_000;
export const MIN_SAMPLES = 5;

/** The samples with this one added (when due), and those older than the window dropped. */
export function addSample(samples: readonly ProgressSample[], sample: ProgressSample): ProgressSample[] {
  const last = samples.at(-1);
  const next = !last || sample.at - last.at >= SAMPLE_EVERY_MS ? [...samples, sample] : [...samples];
  // Keep the newest sample older than the window too, so the window is always fully covered.
  let first = 0;
  while (first < next.length - 2 && sample.at - next[first + 1].at >= RATE_WINDOW_MS) first++;
  return next.slice(first);
}

export interface ScanEstimate {
  /** Files per second over the window; 0 until there are enough samples. */
  filesPerSecond: number;
  /** Seconds left, or null: not enough samples yet, paused, still counting the files, or nothing moving. */
  secondsLeft: number | null;
}

export interface ScanState {
  samples: readonly ProgressSample[];
  now: number;
  done: number;
  total: number;
  /** Still walking the folders: the total is not known, so neither is the time left. */
  walking: boolean;
  paused: boolean;
}

const NONE: ScanEstimate = { filesPerSecond: 0, secondsLeft: null };

export function estimateScan({ samples, now, done, total, walking, paused }: ScanState): ScanEstimate {
  if (paused) return NONE;
  const recent = samples.filter((s, i) => i === samples.length - 1 || now - samples[i + 1].at < RATE_WINDOW_MS);
  const first = recent[0];
  if (!first || recent.length < MIN_SAMPLES || now - first.at < MIN_SPAN_MS) return NONE;
  const rate = (done - first.done) / ((now - first.at) / 1000);
  if (!(rate > 0)) return NONE;
  return {
    filesPerSecond: Math.round(rate * 10) / 10,
    secondsLeft: walking ? null : Math.ceil(Math.max(0, total - done) / rate),
  };
}

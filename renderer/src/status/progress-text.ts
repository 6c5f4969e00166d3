import type { ScanProgress } from '../../../shared/contract.ts';
import { documentsText } from '../../../shared/counts.ts';
import { formatCount, plural } from '../shared/format.ts';

/**
 * "about 4 min left", "less than a minute left": rough on purpose, the rate wobbles, and an exact
 * "17 min" that becomes "23 min" reads as a broken promise. Nearest minute under ten minutes,
 * nearest five under an hour and a half, then hours.
 */
export function timeLeftText(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return null;
  if (seconds < 60) return 'less than a minute left';
  const minutes = seconds / 60;
  if (minutes < 9.5) return `about ${Math.round(minutes)} min left`;
  if (minutes < 87.5) return `about ${Math.round(minutes / 5) * 5} min left`;
  return `about ${Math.round(minutes / 60)} h left`;
}

/** What the library holds, as the core counts it: folders in it, documents a search can find. */
export interface LibraryTotals {
  folders: number;
  documents: number;
}

/**
 * The status bar's sentence for the indexer's state. An empty library is not "up to date": there
 * is nothing to index yet, and it says so.
 */
export function progressText(progress: ScanProgress | null, library: LibraryTotals | null): string {
  if (!progress) return 'Connecting to the index…';
  if (progress.state === 'idle') {
    if (!library) return 'Counting the library…';
    if (library.folders === 0) return 'No folders in the library yet: add one to index it';
    return `Index up to date · ${documentsText(library.documents)}`;
  }
  const files = `${formatCount(progress.done)} of ${formatCount(progress.total)} ${progress.total === 1 ? 'file' : 'files'}`;
  const counts = progress.walking ? `${files} found so far` : files;
  if (progress.paused) return `Paused at ${counts}`;
  // The estimate comes from the core, only once it has seen enough of the scan (core/scan/time-left.ts).
  const parts = [`Reading ${counts}`];
  const left = timeLeftText(progress.secondsLeft ?? null);
  if (left) parts.push(left);
  if (progress.queued > 0) parts.push(`${plural(progress.queued, 'more folder')} waiting`);
  return parts.join(' · ');
}

/** 0..1 for the progress bar, or undefined while the total is unknown (still walking the folders). */
export function progressValue(progress: ScanProgress): number | undefined {
  if (progress.walking || progress.total === 0) return undefined;
  return Math.min(1, progress.done / progress.total);
}

import type { ScanProgress } from '../../../shared/contract.ts';
import { documentsText } from '../../../shared/counts.ts';
import { baseName, formatCount, plural } from '../shared/format.ts';

/** "about 4 min left", "less than a minute left": rough on purpose, the rate wobbles. */
export function timeLeftText(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds)) return null;
  if (seconds < 60) return 'less than a minute left';
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `about ${minutes} min left`;
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
  const counts = `${formatCount(progress.done)} of ${formatCount(progress.total)}${progress.walking ? ' found so far' : ''}`;
  if (progress.paused) return `Indexing paused at ${counts}`;
  const parts = [`Indexing ${counts}`];
  // Older servers may not send the rate fields; show them only when present.
  if (progress.filesPerSecond > 0) parts.push(`${formatCount(progress.filesPerSecond)} files/s`);
  const left = timeLeftText(progress.secondsLeft ?? null);
  if (left) parts.push(left);
  if (progress.queued > 0) parts.push(`${plural(progress.queued, 'more folder')} waiting`);
  const text = parts.join(' · ');
  return progress.currentPath ? `${text} — ${baseName(progress.currentPath)}` : text;
}

/** 0..1 for the progress bar, or undefined while the total is unknown (still walking the folders). */
export function progressValue(progress: ScanProgress): number | undefined {
  if (progress.walking || progress.total === 0) return undefined;
  return Math.min(1, progress.done / progress.total);
}

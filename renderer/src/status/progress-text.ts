import type { ScanProgress } from '../../../shared/contract.ts';
import { baseName, formatCount, plural } from '../shared/format.ts';

/** "about 4 min left", "less than a minute left": rough on purpose, the rate wobbles. */
export function timeLeftText(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds)) return null;
  if (seconds < 60) return 'less than a minute left';
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `about ${minutes} min left`;
  return `about ${Math.round(minutes / 60)} h left`;
}

/** The status bar's sentence for the indexer's state. */
export function progressText(progress: ScanProgress | null, documents: number): string {
  if (!progress) return 'Connecting to the index…';
  if (progress.state === 'idle') return `Index up to date · ${plural(documents, 'document')}`;
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

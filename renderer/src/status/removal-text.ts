import type { RemovalProgress } from '../../../shared/contract.ts';
import { documentsText } from '../../../shared/counts.ts';
import { baseName } from '../shared/format.ts';
import { timeLeftText } from './progress-text.ts';

/** Whether the removal is still going (the status bar shows it until it ends, then until dismissed). */
export function removalRunning(p: RemovalProgress | null): boolean {
  return p !== null && (p.phase === 'forgetting' || p.phase === 'compacting');
}

/**
 * The status bar's sentence for a folder removal that forgets its text. Forgetting has a count, so
 * a percentage and, once the rate is known, the time left; compacting has neither (SQLite reports
 * nothing while it works), so it says it is working and how long that can be, never a made-up %.
 */
export function removalText(p: RemovalProgress): string {
  const folder = `“${baseName(p.rootPath)}”`;
  switch (p.phase) {
    case 'forgetting': {
      const percent = p.total > 0 ? ` ${Math.floor((p.done / p.total) * 100)}%` : '';
      const parts = [`Removing ${folder}: forgetting the text of ${documentsText(p.total)}…${percent}`];
      const left = timeLeftText(p.secondsLeft);
      if (left) parts.push(left);
      return parts.join(' · ');
    }
    case 'compacting':
      return `Removing ${folder}: compacting the index (this can take a few minutes)… Search works meanwhile.`;
    case 'done':
      return `${folder} removed: the text of ${documentsText(p.done)} forgotten and the index compacted.`;
    case 'failed':
      return `Removing ${folder} did not finish. ${p.message ?? ''}`.trim();
  }
}

/** 0..1 for the progress bar while forgetting; undefined (a bar that says "working") while compacting. */
export function removalValue(p: RemovalProgress): number | undefined {
  if (p.phase !== 'forgetting' || p.total === 0) return undefined;
  return Math.min(1, p.done / p.total);
}

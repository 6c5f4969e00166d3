/** The export log's cells in words, apart from React. */
import type { FrameworkSummary } from '../../../shared/contract.ts';
import type { PackLogEntry } from '../../../shared/pack.ts';
import { plural } from '../shared/format.ts';

/** "ILACS 2026 · 3 judgements · approved, draft · Annex A (pseudonymised), self-evaluation". */
export function scopeWords(entry: PackLogEntry, frameworks: readonly FrameworkSummary[] | null): string {
  const framework = frameworks?.find((f) => f.id === entry.frameworkId);
  const parts = [
    framework?.shortTitle ?? entry.frameworkId,
    // The log lists the judgements an export covered; every one of the framework's reads as "all".
    entry.judgementIds.length === 0 || entry.judgementIds.length === framework?.judgements ? 'all judgements' : plural(entry.judgementIds.length, 'judgement'),
    entry.statuses.join(', '),
  ];
  const extras = entry.include.map((x) =>
    x === 'annexa' ? `Annex A (${entry.audience === 'inspection-team' ? 'child-level' : 'pseudonymised'})` : x === 'self-evaluation' ? 'self-evaluation' : x,
  );
  if (extras.length) parts.push(extras.join(', '));
  return parts.join(' · ');
}

export const OUTCOME_WORDS: Record<PackLogEntry['outcome'], string> = { done: 'Written and verified', failed: 'Failed', cancelled: 'Cancelled' };

/** Newest first whatever order they arrive in (ISO times sort as text). */
export function newestFirst(entries: readonly PackLogEntry[]): PackLogEntry[] {
  return [...entries].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id));
}

/** The preview's sentences, apart from React: the empty scope's advice depends on the statuses chosen. */
import type { EvidenceStatusName } from '../../../shared/evidence.ts';
import type { PackPreview } from '../../../shared/pack.ts';
import { formatSize, plural } from '../shared/format.ts';

/** "42 evidence items, 40 files, 120 MB": the one line a screen reader hears after each change. */
export function previewSummary(p: PackPreview): string {
  return `${plural(p.evidence, 'evidence item')}, ${plural(p.files, 'file')}, ${formatSize(p.bytes)}`;
}

/** What to do when nothing is in scope: the advice names the statuses so the way out is clear. */
export function emptyScopeAdvice(statuses: readonly EvidenceStatusName[]): string {
  if (statuses.length === 1 && statuses[0] === 'approved') {
    return 'No approved evidence for these judgements yet — tag documents in Search or Library and mark them approved, or include drafts.';
  }
  const words = statuses.join(' or ');
  return `No ${words} evidence for these judgements yet — tag documents in Search or Library against this framework’s criteria, or choose other judgements.`;
}

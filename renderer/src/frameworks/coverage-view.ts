/**
 * How the coverage table reads: a level per criterion (gap, in progress, covered, strong), an
 * intensity per cell, and the list view's sorting and "only gaps" filter. Pure functions, no DOM,
 * so the rules the colours follow are tested and written down once.
 */
import type { Coverage } from '../../../shared/contract.ts';

export type JudgementCoverage = Coverage['judgements'][number];
export type CriterionCoverage = JudgementCoverage['criteria'][number];
export type CountColumn = 'approved' | 'draft' | 'stale' | 'key' | 'supporting';

export const COLUMNS: readonly { key: CountColumn; label: string; help: string }[] = [
  { key: 'approved', label: 'Approved', help: 'Approved evidence within its review date' },
  { key: 'draft', label: 'Draft', help: 'Draft evidence, not yet approved' },
  { key: 'stale', label: 'Stale', help: 'Evidence past its review-by date' },
  { key: 'key', label: 'Key', help: 'Evidence tagged as key to this criterion' },
  { key: 'supporting', label: 'Supporting', help: 'Evidence tagged as supporting this criterion' },
];

/**
 * - gap: no approved, in-date evidence and nothing under way;
 * - in-progress: still a gap, but draft or stale evidence is tagged (approve or review it);
 * - covered: at least one approved, in-date item;
 * - strong: two or more approved items, at least one of them key.
 */
export type CoverageLevel = 'gap' | 'in-progress' | 'covered' | 'strong';

export const LEVEL_LABELS: Record<CoverageLevel, string> = {
  gap: 'Gap',
  'in-progress': 'Gap: draft or stale only',
  covered: 'Covered',
  strong: 'Strong',
};

export function coverageLevel(c: Pick<CriterionCoverage, 'gap' | 'approved' | 'draft' | 'stale' | 'key'>): CoverageLevel {
  if (c.gap || c.approved === 0) return c.draft + c.stale > 0 ? 'in-progress' : 'gap';
  return c.approved >= 2 && c.key >= 1 ? 'strong' : 'covered';
}

export function isGap(level: CoverageLevel): boolean {
  return level === 'gap' || level === 'in-progress';
}

/** 0 for an empty cell, then 1 (one item), 2 (two or three), 3 (four or more): the shade of the cell. */
export function cellIntensity(count: number): 0 | 1 | 2 | 3 {
  if (count <= 0) return 0;
  if (count === 1) return 1;
  return count <= 3 ? 2 : 3;
}

export type SortKey = 'framework' | 'gaps' | 'approved' | 'draft' | 'stale' | 'title';

export const SORT_LABELS: Record<SortKey, string> = {
  framework: 'Framework order',
  gaps: 'Gaps first',
  approved: 'Most approved',
  draft: 'Most draft',
  stale: 'Most stale',
  title: 'Title (A to Z)',
};

export interface CoverageRow extends CriterionCoverage {
  judgementId: string;
  judgementTitle: string;
  level: CoverageLevel;
  /** Position in the framework, to keep ties stable. */
  order: number;
}

/** Every criterion as a row of the list view, with its judgement and level. */
export function coverageRows(coverage: Coverage): CoverageRow[] {
  let order = 0;
  return coverage.judgements.flatMap((j) =>
    j.criteria.map((c) => ({ ...c, judgementId: j.id, judgementTitle: j.title, level: coverageLevel(c), order: order++ })),
  );
}

const LEVEL_RANK: Record<CoverageLevel, number> = { gap: 0, 'in-progress': 1, covered: 2, strong: 3 };

/** The list view: optionally only gaps, sorted; ties keep framework order. */
export function sortAndFilter(rows: readonly CoverageRow[], sort: SortKey, onlyGaps: boolean): CoverageRow[] {
  const kept = onlyGaps ? rows.filter((r) => isGap(r.level)) : [...rows];
  const by: Record<SortKey, (a: CoverageRow, b: CoverageRow) => number> = {
    framework: () => 0,
    gaps: (a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || a.approved - b.approved,
    approved: (a, b) => b.approved - a.approved,
    draft: (a, b) => b.draft - a.draft,
    stale: (a, b) => b.stale - a.stale,
    title: (a, b) => a.title.localeCompare(b.title, 'en-GB'),
  };
  return kept.sort((a, b) => by[sort](a, b) || a.order - b.order);
}

/** "3 gaps", "No gaps". */
export function gapsText(n: number): string {
  return n === 0 ? 'No gaps' : n === 1 ? '1 gap' : `${n} gaps`;
}

/** The evidence behind one cell: the criterion's items that the column counts. */
export function evidenceInCell<T extends { status: string; stale: boolean; tags: readonly { frameworkId: string; criterionId: string; strength: string }[] }>(
  items: readonly T[],
  frameworkId: string,
  criterionId: string,
  column: CountColumn | null,
): T[] {
  const strengthOf = (e: T) => e.tags.find((t) => t.frameworkId === frameworkId && t.criterionId === criterionId)?.strength;
  return items.filter((e) => {
    if (e.status === 'retired') return column === null;
    switch (column) {
      case null:
        return true;
      case 'approved':
        return e.status === 'approved' && !e.stale;
      case 'draft':
        return e.status === 'draft' && !e.stale;
      case 'stale':
        return e.stale;
      case 'key':
      case 'supporting':
        return strengthOf(e) === column;
    }
  });
}

/**
 * The matching the criterion picker does as the user types, over a framework's criteria as one flat
 * list (flattened once, in shared/frameworks/criteria.ts). Pure functions, no DOM.
 */
import type { FlatCriterion } from '../../../shared/frameworks/criteria.ts';

export { flattenCriteria, type FlatCriterion } from '../../../shared/frameworks/criteria.ts';

/** How a criterion reads in a list or a chosen value: "CIC05 · Stable, well-matched homes". */
export function criterionLabel(c: Pick<FlatCriterion, 'id' | 'title'>): string {
  return `${c.id} · ${c.title}`;
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The criteria matching what was typed: every typed word must start a word of the id, title,
 * judgement or keywords (so "stab hom" finds "Stable, well-matched homes", "cic05" its id).
 * Ids that start with the text come first; otherwise framework order is kept.
 */
export function filterCriteria(list: readonly FlatCriterion[], text: string): FlatCriterion[] {
  const words = fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (!words.length) return [...list];
  const scored: { c: FlatCriterion; rank: number; index: number }[] = [];
  list.forEach((c, index) => {
    const haystack = fold([c.id, c.title, c.judgementShort, c.judgementTitle, ...c.keywords].join(' '))
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    if (!words.every((w) => haystack.some((h) => h.startsWith(w)))) return;
    const rank = fold(c.id).startsWith(words.join('')) ? 0 : 1;
    scored.push({ c, rank, index });
  });
  return scored.sort((a, b) => a.rank - b.rank || a.index - b.index).map((s) => s.c);
}

/** Criteria grouped under their judgements, in order, skipping judgements with none left. */
export function groupByJudgement(list: readonly FlatCriterion[]): { judgementId: string; title: string; criteria: FlatCriterion[] }[] {
  const groups = new Map<string, { judgementId: string; title: string; criteria: FlatCriterion[] }>();
  for (const c of list) {
    let g = groups.get(c.judgementId);
    if (!g) groups.set(c.judgementId, (g = { judgementId: c.judgementId, title: c.judgementShort, criteria: [] }));
    g.criteria.push(c);
  }
  return [...groups.values()];
}

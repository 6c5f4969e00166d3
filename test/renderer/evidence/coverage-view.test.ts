import { describe, expect, it } from 'vitest';
import type { Coverage } from '../../../shared/contract.ts';
import { cellIntensity, coverageLevel, coverageRows, evidenceInCell, gapsText, isGap, sortAndFilter } from '../../../renderer/src/frameworks/coverage-view.ts';

const zero = { approved: 0, draft: 0, stale: 0, key: 0, supporting: 0 };

function criterion(id: string, counts: Partial<typeof zero>, gap?: boolean) {
  const c = { ...zero, ...counts };
  return { id, title: `Criterion ${id}`, parentId: null, depth: 0, gap: gap ?? c.approved === 0, ...c };
}

const coverage: Coverage = {
  frameworkId: 'f',
  evidenceCount: 6,
  judgements: [
    { id: 'a', title: 'Judgement A', gaps: 2, ...zero, criteria: [criterion('A1', {}), criterion('A2', { approved: 3, key: 1, supporting: 2 }), criterion('A3', { draft: 2, supporting: 2 })] },
    { id: 'b', title: 'Judgement B', gaps: 1, ...zero, criteria: [criterion('B1', { approved: 1, supporting: 1 }), criterion('B2', { stale: 1, key: 1 })] },
  ],
};

describe('heatmap cells and levels', () => {
  it('classifies a criterion: gap, gap with only drafts or stale, covered, strong', () => {
    expect(coverageLevel(criterion('x', {}))).toBe('gap');
    expect(coverageLevel(criterion('x', { draft: 1 }))).toBe('in-progress');
    expect(coverageLevel(criterion('x', { stale: 2 }))).toBe('in-progress');
    expect(coverageLevel(criterion('x', { approved: 1 }))).toBe('covered');
    expect(coverageLevel(criterion('x', { approved: 2, key: 0 }))).toBe('covered');
    expect(coverageLevel(criterion('x', { approved: 2, key: 1 }))).toBe('strong');
    // The server's gap flag wins: approved but not in date still counts as a gap.
    expect(coverageLevel(criterion('x', { approved: 1 }, true))).toBe('gap');
    expect(isGap('in-progress')).toBe(true);
    expect(isGap('covered')).toBe(false);
  });

  it('shades cells by count: none, one, a few, many', () => {
    expect([0, 1, 2, 3, 4, 20].map(cellIntensity)).toEqual([0, 1, 2, 2, 3, 3]);
  });

  it('says how many gaps in words', () => {
    expect(gapsText(0)).toBe('No gaps');
    expect(gapsText(1)).toBe('1 gap');
    expect(gapsText(12)).toBe('12 gaps');
  });
});

describe('the list view', () => {
  const rows = coverageRows(coverage);

  it('lists every criterion with its judgement, in framework order', () => {
    expect(rows.map((r) => r.id)).toEqual(['A1', 'A2', 'A3', 'B1', 'B2']);
    expect(rows[3].judgementTitle).toBe('Judgement B');
  });

  it('sorts gaps first (empty before in progress), then by most approved', () => {
    expect(sortAndFilter(rows, 'gaps', false).map((r) => r.id)).toEqual(['A1', 'A3', 'B2', 'B1', 'A2']);
    expect(sortAndFilter(rows, 'approved', false).map((r) => r.id)).toEqual(['A2', 'B1', 'A1', 'A3', 'B2']);
    expect(sortAndFilter(rows, 'stale', false)[0].id).toBe('B2');
  });

  it('filters to only the gaps, keeping the sort', () => {
    expect(sortAndFilter(rows, 'framework', true).map((r) => r.id)).toEqual(['A1', 'A3', 'B2']);
    expect(sortAndFilter(rows, 'draft', true).map((r) => r.id)).toEqual(['A3', 'A1', 'B2']);
  });
});

describe('the evidence behind a cell', () => {
  const tag = (criterionId: string, strength: 'key' | 'supporting') => ({ frameworkId: 'f', criterionId, strength });
  const items = [
    { id: 1, status: 'approved', stale: false, tags: [tag('A2', 'key')] },
    { id: 2, status: 'approved', stale: true, tags: [tag('A2', 'supporting')] },
    { id: 3, status: 'draft', stale: false, tags: [tag('A2', 'supporting')] },
    { id: 4, status: 'retired', stale: false, tags: [tag('A2', 'key')] },
  ];
  const ids = (column: Parameters<typeof evidenceInCell>[3]) => evidenceInCell(items, 'f', 'A2', column).map((e) => e.id);

  it('counts what the column counts', () => {
    expect(ids('approved')).toEqual([1]);
    expect(ids('stale')).toEqual([2]);
    expect(ids('draft')).toEqual([3]);
    expect(ids('key')).toEqual([1]);
    expect(ids('supporting')).toEqual([2, 3]);
    expect(ids(null)).toEqual([1, 2, 3, 4]);
  });
});

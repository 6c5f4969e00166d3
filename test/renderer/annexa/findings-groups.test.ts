import { describe, expect, it } from 'vitest';
import { groupFindingCounts, pageLabel, rulesPresent, totals, type FindingCount } from '../../../renderer/src/annexa/findings-groups.ts';

const counts: FindingCount[] = [
  { list: 'list10', rule: 'date-order', severity: 'error', count: 2 },
  { list: 'list1', rule: 'outside-window', severity: 'warning', count: 40 },
  { list: 'list1', rule: 'code-unknown', severity: 'error', count: 1 },
  { list: 'list1', rule: 'mandatory-blank', severity: 'error', count: 4 },
  { list: 'list3', rule: 'outside-window', severity: 'warning', count: 3 },
];
const title = (list: string) => `List ${list.slice(4)}`;

describe('findings grouped by list and rule', () => {
  it('lists in the template’s order (List 10 after List 3), errors before warnings, most first', () => {
    const groups = groupFindingCounts(counts, title);
    expect(groups.map((g) => g.list)).toEqual(['list1', 'list3', 'list10']);
    expect(groups[0]).toMatchObject({ title: 'List 1', errors: 5, warnings: 40 });
    expect(groups[0].rules.map((r) => r.rule)).toEqual(['mandatory-blank', 'code-unknown', 'outside-window']);
    expect(groups[0].rules[0]).toMatchObject({ level: 'cell', description: expect.stringContaining('blank') });
  });

  it('counts all findings, and offers each rule once for the filter', () => {
    expect(totals(counts)).toEqual({ errors: 7, warnings: 43 });
    expect(rulesPresent(counts)).toEqual([
      { rule: 'mandatory-blank', severity: 'error', count: 4 },
      { rule: 'date-order', severity: 'error', count: 2 },
      { rule: 'code-unknown', severity: 'error', count: 1 },
      { rule: 'outside-window', severity: 'warning', count: 43 },
    ]);
  });

  it('keeps a rule this version of the app does not know, by its id', () => {
    expect(groupFindingCounts([{ list: 'list2', rule: 'new-rule', severity: 'warning', count: 1 }], title)[0].rules[0]).toMatchObject({ description: 'new-rule', level: null });
  });

  it('says which page is shown', () => {
    expect(pageLabel(50, 50, 1234)).toBe('Findings 51–100 of 1,234');
    expect(pageLabel(0, 0, 0)).toBe('No findings');
  });
});

// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { filtersIn, hasFilter, toggleFilter } from '../../../renderer/src/search/query-edit.ts';

describe('evidence facets write their filters into the query', () => {
  it('judgement, status and tagged as plain values; team always quoted', () => {
    expect(toggleFilter('audit', 'judgement', 'cic')).toBe('audit judgement:cic');
    expect(toggleFilter('', 'status', 'approved')).toBe('status:approved');
    expect(toggleFilter('', 'tagged', 'no')).toBe('tagged:no');
    expect(toggleFilter('', 'team', 'Children in care')).toBe('team:"Children in care"');
    expect(toggleFilter('', 'team', 'MASH')).toBe('team:"MASH"');
  });

  it('recognises them in any case and takes them out on a second click', () => {
    expect(hasFilter('Judgement:CIC', 'judgement', 'cic')).toBe(true);
    expect(toggleFilter('care team:"children in care" status:approved', 'team', 'Children in care')).toBe('care status:approved');
    expect(filtersIn('x status:draft tagged:yes').map((f) => f.text)).toEqual(['status:draft', 'tagged:yes']);
  });
});

describe('Alt+3 goes to Frameworks', () => {
  it('is an area shortcut, listed in the shortcuts dialog', async () => {
    const { shortcutFor, SHORTCUTS } = await import('../../../renderer/src/app/shortcuts.ts');
    const key = { key: '3', code: 'Digit3', ctrlKey: false, metaKey: false, altKey: true, shiftKey: false, target: null };
    expect(shortcutFor(key)).toBe('area-3');
    expect(SHORTCUTS.some((s) => s.keys === 'Alt+3' && s.action === 'Frameworks')).toBe(true);
  });
});

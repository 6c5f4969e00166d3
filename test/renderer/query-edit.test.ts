import { describe, expect, it } from 'vitest';
import { addFilter, filtersIn, hasFilter, removeFilter, splitQuery, toggleFilter } from '../../renderer/src/search/query-edit.ts';

describe('facet clicks edit the query text', () => {
  it('adds a filter at the end, and a second click takes it out again', () => {
    const once = toggleFilter('care plan', 'type', 'pdf');
    expect(once).toBe('care plan type:pdf');
    expect(toggleFilter(once, 'type', 'pdf')).toBe('care plan');
  });

  it('quotes folder names, and recognises them quoted or not, in any case', () => {
    expect(toggleFilter('', 'folder', 'Children in care')).toBe('folder:"Children in care"');
    expect(toggleFilter('audit folder:"Children in care" 2024', 'folder', 'children in care')).toBe('audit 2024');
    expect(hasFilter('folder:Placements review', 'folder', 'placements')).toBe(true);
    expect(toggleFilter('folder:Placements review', 'folder', 'Placements')).toBe('review');
  });

  it('toggles a year as modified:YYYY', () => {
    expect(toggleFilter('supervision', 'modified', '2024')).toBe('supervision modified:2024');
    expect(toggleFilter('modified:2024 supervision', 'modified', '2024')).toBe('supervision');
    // A different bound on the same field is another filter; it stays.
    expect(toggleFilter('modified:>2024-01-01', 'modified', '2024')).toBe('modified:>2024-01-01 modified:2024');
  });

  it('leaves negated filters, phrases that look like filters, and other words alone', () => {
    expect(hasFilter('-type:pdf', 'type', 'pdf')).toBe(false);
    expect(toggleFilter('-type:pdf', 'type', 'pdf')).toBe('-type:pdf type:pdf');
    expect(hasFilter('"type:pdf"', 'type', 'pdf')).toBe(false);
    expect(removeFilter('care type:pdf "type:pdf" -type:pdf', 'type', 'pdf')).toBe('care "type:pdf" -type:pdf');
  });

  it('removes every copy of the filter and tidies the spaces', () => {
    expect(removeFilter('type:pdf  care   type:PDF plan', 'type', 'pdf')).toBe('care plan');
  });

  it('never throws on malformed input', () => {
    for (const q of ['"unbalanced NEAR( -', 'folder:"open', '-', '- -', '"', 'type:', ':::']) {
      expect(() => toggleFilter(q, 'type', 'pdf')).not.toThrow();
      expect(hasFilter(toggleFilter(q, 'type', 'pdf'), 'type', 'pdf') || q.includes('"')).toBe(true);
    }
    expect(splitQuery('folder:"open').at(-1)).toMatchObject({ field: 'folder', value: 'open' });
  });

  it('lists the filters in a query, for "remove a filter" suggestions', () => {
    expect(filtersIn('care type:pdf folder:"Team A" -type:docx modified:2024').map((f) => f.text)).toEqual(['type:pdf', 'folder:"Team A"', 'modified:2024']);
    expect(addFilter('  care  ', 'type', 'word')).toBe('  care type:word');
  });
});

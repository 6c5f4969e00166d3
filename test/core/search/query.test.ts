import { describe, expect, it } from 'vitest';
import { parseQuery, toFtsMatch, parseDateRange } from '../../../core/search/query.ts';

const fts = (q: string) => toFtsMatch(parseQuery(q));

describe('parseQuery', () => {
  it('ANDs plain words, quoting each so nothing becomes FTS5 syntax', () => {
    expect(fts('care plan')).toBe('"care" AND "plan"');
  });

  it('keeps a quoted phrase together', () => {
    expect(fts('"care plan" review')).toBe('"care plan" AND "review"');
  });

  it('excludes words and phrases marked with a minus', () => {
    expect(fts('audit -draft -"old version"')).toBe('"audit" NOT "draft" NOT "old version"');
  });

  it('ORs neighbouring terms joined by OR', () => {
    expect(fts('audit OR review plan')).toBe('("audit" OR "review") AND "plan"');
  });

  it('searches a prefix with a trailing star', () => {
    expect(fts('safeguard*')).toBe('"safeguard"*');
  });

  it('treats a one-letter prefix as a word and says so', () => {
    const q = parseQuery('c*');
    expect(toFtsMatch(q)).toBe('"c"');
    expect(q.notes[0]).toMatch(/prefix needs at least/);
  });

  it('splits a case reference the way the index does, so A-1312 is a phrase', () => {
    expect(fts('A-1312')).toBe('"a 1312"');
  });

  it('reads filters out of the query', () => {
    const q = parseQuery('ofsted type:pdf folder:"Children in care" modified:2024');
    expect(toFtsMatch(q)).toBe('"ofsted"');
    expect(q.filters.types).toEqual(['pdf']);
    expect(q.filters.folders).toEqual(['Children in care']);
    expect(q.filters.modifiedFrom).toBe(Date.UTC(2024, 0, 1));
    expect(q.filters.modifiedTo).toBe(Date.UTC(2025, 0, 1));
  });

  it('explains a modified: value it cannot read instead of failing', () => {
    const q = parseQuery('modified:lastweek plan');
    expect(toFtsMatch(q)).toBe('"plan"');
    expect(q.notes.join(' ')).toMatch(/modified:lastweek/);
  });

  it('has no text to match when the query is only filters or exclusions', () => {
    expect(fts('type:pdf')).toBeNull();
    expect(fts('-draft')).toBeNull();
  });

  it.each([
    '"unbalanced',
    '-',
    '*',
    'NEAR(',
    'a NEAR(b c)',
    "'; DROP TABLE pages; --",
    'OR OR AND NOT',
    '"" "" ""',
    '^title',
    'col:val',
    '((((',
    'type:',
    '-"',
    '\u0000\u0002',
    'a'.repeat(3000),
  ])('turns malformed input %j into a safe expression or none', (input) => {
    const match = fts(input);
    if (match !== null) expect(match).toMatch(/^(\(?"[^"]*"\*?( (AND|OR|NOT) \(?"[^"]*"\*?\)?)*\)?)( NOT "[^"]*"\*?)*$/u);
  });
});

describe('parseDateRange', () => {
  it('reads years, months, days and bounds', () => {
    expect(parseDateRange('2024-03')).toEqual({ from: Date.UTC(2024, 2, 1), to: Date.UTC(2024, 3, 1) });
    expect(parseDateRange('>2024-01-01')).toEqual({ from: Date.UTC(2024, 0, 2), to: null });
    expect(parseDateRange('>=2024-01-01')).toEqual({ from: Date.UTC(2024, 0, 1), to: null });
    expect(parseDateRange('<2024')).toEqual({ from: null, to: Date.UTC(2024, 0, 1) });
    expect(parseDateRange('2023..2024')).toEqual({ from: Date.UTC(2023, 0, 1), to: Date.UTC(2025, 0, 1) });
  });

  it('refuses impossible dates', () => {
    expect(parseDateRange('2024-02-30')).toBeNull();
    expect(parseDateRange('2024-13')).toBeNull();
    expect(parseDateRange('soon')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { cellReader, shown } from '../../../../core/annexa/normalise/cells.ts';
import type { CodeMatcher } from '../../../../core/annexa/normalise/codes.ts';
import { isBlankToken } from '../../../../core/annexa/normalise/blanks.ts';
import { formatPostcode } from '../../../../core/annexa/normalise/postcodes.ts';
import type { ColumnSpec } from '../../../../shared/annexa/spec-schema.ts';
import type { RawCell } from '../../../../core/annexa/model.ts';
import { testSpec } from '../../../helpers/annexa-test-spec.ts';

const spec = testSpec();
const column = (key: string): ColumnSpec => spec.lists.flatMap((l) => l.columns).find((c) => c.key === key)!;
const reader = (key: string) => cellReader(spec, column(key), { latestYear: 2025 }, new Map<string, CodeMatcher>());
const read = (key: string, raw: Exclude<RawCell, null>) => reader(key)(raw);

describe('blank tokens', () => {
  it('reads the tokens extracts write for nothing as blank, in any case', () => {
    for (const t of ['NULL', 'null', 'N/A', 'n/a', '#N/A', '-', '.', '..', '<blank>', 'Not recorded', 'No data', 'NOT  RECORDED']) expect(isBlankToken(t), t).toBe(true);
  });
  it('keeps values that only look empty-ish', () => {
    for (const t of ['-1', '0', 'None', 'Not known', 'Unknown', 'N']) expect(isBlankToken(t), t).toBe(false);
  });
  it('lists the token as a change, naming it', () => {
    expect(read('allocatedWorker', 'NULL')).toEqual({ value: null, why: '"NULL" means no value: read as blank' });
    expect(read('dateOfContact', '#N/A')).toEqual({ value: null, why: '"#N/A" means no value: read as blank' });
    expect(read('age', 'n/a')).toMatchObject({ value: null });
  });
  it('reads -1 as an age, not a blank', () => {
    expect(read('age', '-1')).toEqual({ value: -1, why: null });
  });
});

describe('ids', () => {
  it('reads a spreadsheet’s whole number as the id, removing a written .0 as a listed change', () => {
    expect(read('childId', 123456)).toEqual({ value: '123456', why: null });
    expect(read('childId', '123456.0')).toEqual({ value: '123456', why: 'a whole-number id written with ".0" by a spreadsheet: the ".0" was removed' });
    expect(read('childId', '  A1234 ')).toEqual({ value: 'A1234', why: null });
    expect(read('childId', '00123')).toEqual({ value: '00123', why: null });
  });
});

describe('integers', () => {
  it('reads whole numbers written as text, listing any that read differently', () => {
    expect(read('previousPlans', 3)).toEqual({ value: 3, why: null });
    expect(read('previousPlans', '3')).toEqual({ value: 3, why: null });
    expect(read('previousPlans', '3.0')).toEqual({ value: 3, why: '"3.0" written as the whole number 3' });
    expect(read('previousPlans', '1,234')).toEqual({ value: 1234, why: '"1,234" written as the whole number 1234' });
    expect(read('previousPlans', 2.9999999999999996)).toMatchObject({ value: 3 });
  });
  it('keeps what is not a whole number as written, for validation to report', () => {
    expect(read('previousPlans', '3.5')).toEqual({ value: '3.5', why: null });
    expect(read('previousPlans', 2.5)).toEqual({ value: 2.5, why: null });
    expect(read('previousPlans', 'two')).toEqual({ value: 'two', why: null });
    expect(read('previousPlans', '-2')).toEqual({ value: -2, why: null });
  });
  it('reads a count a spreadsheet formatted as a date back as the count', () => {
    expect(read('placements', new Date(Date.UTC(1900, 0, 3)))).toEqual({ value: 3, why: 'the spreadsheet formats this number as a date (03/01/1900): read as the number 3' });
  });
});

describe('dates', () => {
  it('writes dates as ISO, listing only readings that assumed something', () => {
    expect(read('dateOfContact', '01/03/2024')).toEqual({ value: '2024-03-01', why: null });
    expect(read('dateOfContact', new Date(Date.UTC(2024, 2, 1)))).toEqual({ value: '2024-03-01', why: null });
    expect(read('dateOfContact', '1/3/24')).toEqual({ value: '2024-03-01', why: '1/3/24 read as 01/03/2024: the two-digit year 24 was read as 2024' });
    expect(read('dateOfContact', 45352)).toEqual({ value: '2024-03-01', why: '45352 read as 01/03/2024: 45352 was read as an Excel date number' });
  });
  it('keeps an impossible date as written, never guessing', () => {
    expect(read('dateOfContact', '31/02/2024')).toEqual({ value: '31/02/2024', why: null });
    expect(read('dateOfContact', '13/13/2024')).toEqual({ value: '13/13/2024', why: null });
    expect(read('dateOfContact', 2024)).toEqual({ value: 2024, why: null });
  });
});

describe('codes', () => {
  it('lists every change of a code, and reports a corrected prefix', () => {
    expect(read('sex', 'M')).toEqual({ value: 'a) Male', why: '"M" is another way systems write this Gender value' });
    expect(read('missingOffered', true)).toMatchObject({ value: 'a) Yes' });
    expect(read('ethnicity', 'b) WBRI')).toEqual({
      value: 'a) WBRI',
      why: 'the letter b) was changed to a), the letter the template gives this value',
      finding: { rule: 'code-prefix', severity: 'warning', message: expect.stringContaining('Ethnicity: "b) WBRI" has the wrong letter') },
    });
  });
  it('keeps an unknown code as written (validation reports it), and reads a code before a blank token', () => {
    expect(read('ethnicity', 'Martian')).toEqual({ value: 'Martian', why: null });
    expect(read('sex', 'Not recorded')).toMatchObject({ value: 'c) Not stated/recorded' });
    expect(read('ethnicity', 'Not recorded')).toEqual({ value: null, why: '"Not recorded" means no value: read as blank' });
  });
  it('keeps a free value of an open set as written', () => {
    expect(read('laOfPlacement', 'Birmingham')).toEqual({ value: 'Birmingham', why: null });
    expect(read('laOfPlacement', 'WAL')).toMatchObject({ value: 'WAL - Child placed in Wales' });
  });
});

describe('postcodes', () => {
  it('writes a postcode in capitals with one space, listing the change', () => {
    expect(formatPostcode('b11aa')).toBe('B1 1AA');
    expect(formatPostcode('sw1a2aa')).toBe('SW1A 2AA');
    expect(formatPostcode('M60  1QD')).toBe('M60 1QD');
    expect(read('placementPostcode', 'b11aa')).toEqual({ value: 'B1 1AA', why: 'postcode written in capitals with one space before the last three characters' });
    expect(read('placementPostcode', 'B1 1AA')).toEqual({ value: 'B1 1AA', why: null });
  });
  it('keeps a postcode of the wrong shape as written', () => {
    expect(formatPostcode('B1')).toBeNull();
    expect(formatPostcode('B1 1A')).toBeNull();
    expect(read('placementPostcode', 'Birmingham')).toEqual({ value: 'Birmingham', why: null });
  });
});

describe('shown', () => {
  it('shows a cell as the extract shows it', () => {
    expect(shown(new Date(Date.UTC(2024, 2, 1)))).toBe('01/03/2024');
    expect(shown(new Date(Date.UTC(2024, 2, 1, 14, 30)))).toBe('01/03/2024 14:30');
    expect(shown(false)).toBe('FALSE');
    expect(shown(' x ')).toBe('x');
  });
});

describe('blank tokens of every first character', () => {
  it('knows dashes of every length, and words in any case', () => {
    for (const t of ['—', '–', '--', '<NULL>', '(Blank)', 'DATA NOT CAPTURED', '#n/a']) expect(isBlankToken(t), t).toBe(true);
    expect(isBlankToken('')).toBe(false);
  });
});

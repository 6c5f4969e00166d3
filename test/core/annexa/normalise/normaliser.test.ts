import { describe, expect, it } from 'vitest';
import { createNormaliser } from '../../../../core/annexa/normalise/normaliser.ts';
import { inOrderMapping, testSpec, TEST_INSPECTION_DATE } from '../../../helpers/annexa-test-spec.ts';

const spec = testSpec();
const options = { inspectionDate: TEST_INSPECTION_DATE };

describe('createNormaliser', () => {
  it('turns a source row into a list row in the spec’s columns, keeping the source and its Excel row number', () => {
    const normalise = createNormaliser(spec, 'list1', inOrderMapping(spec, 'list1'), options);
    const out = normalise('contacts.csv', { row: 7, cells: ['123456', 'a) Male', 'a) WBRI', '01/03/2014', '10', '2024-03-01', 'q) 6: Police'] });
    expect(out).toEqual({
      row: {
        list: 'list1',
        source: 'contacts.csv',
        row: 7,
        values: { childId: '123456', sex: 'a) Male', ethnicity: 'a) WBRI', dateOfBirth: '2014-03-01', age: 10, dateOfContact: '2024-03-01', contactSource: 'q) 6: Police' },
      },
      changes: [],
      findings: [],
    });
  });

  it('lists every change with the row, column, what was written, what it became and why', () => {
    const normalise = createNormaliser(spec, 'list1', inOrderMapping(spec, 'list1'), options);
    const out = normalise('contacts.csv', { row: 3, cells: ['123456.0', 'M', 'b) WBRI', 'NULL', null, '1/3/24', '6'] });
    expect(out.row.values).toEqual({ childId: '123456', sex: 'a) Male', ethnicity: 'a) WBRI', dateOfBirth: null, age: null, dateOfContact: '2024-03-01', contactSource: 'q) 6: Police' });
    expect(out.changes.map((c) => [c.column, c.from, c.to])).toEqual([
      ['childId', '123456.0', '123456'],
      ['sex', 'M', 'a) Male'],
      ['ethnicity', 'b) WBRI', 'a) WBRI'],
      ['dateOfBirth', 'NULL', ''],
      ['dateOfContact', '1/3/24', '2024-03-01'],
      ['contactSource', '6', 'q) 6: Police'],
    ]);
    expect(out.changes.every((c) => c.list === 'list1' && c.source === 'contacts.csv' && c.row === 3 && c.why.length > 10)).toBe(true);
    expect(out.findings).toEqual([
      { list: 'list1', source: 'contacts.csv', row: 3, column: 'ethnicity', rule: 'code-prefix', severity: 'warning', message: expect.stringContaining('"b) WBRI"') },
    ]);
  });

  it('works out a missing age from the date of birth at the inspection date, and lists it', () => {
    const normalise = createNormaliser(spec, 'list1', inOrderMapping(spec, 'list1'), options);
    const born = normalise('c.csv', { row: 2, cells: ['1', 'F', 'WBRI', '16/03/2010', '', '01/03/2024', '6'] });
    expect(born.row.values.age).toBe(13);
    expect(born.changes.at(-1)).toMatchObject({ column: 'age', from: '', to: '13', why: 'no age was given: worked out from the date of birth at the inspection date (15/03/2024)' });
    const unborn = normalise('c.csv', { row: 3, cells: ['2', 'U', 'WBRI', '01/06/2024', null, '01/03/2024', '6'] });
    expect(unborn.row.values.age).toBe(-1);
    expect(unborn.changes.at(-1)?.why).toContain('-1, because the date of birth is after the inspection date');
  });

  it('leaves a given age alone, and leaves the age blank when there is no date of birth to work from', () => {
    const normalise = createNormaliser(spec, 'list1', inOrderMapping(spec, 'list1'), options);
    expect(normalise('c.csv', { row: 2, cells: ['1', 'F', 'WBRI', '16/03/2010', '9', '01/03/2024', '6'] }).row.values.age).toBe(9);
    expect(normalise('c.csv', { row: 2, cells: ['1', 'F', 'WBRI', '', '', '01/03/2024', '6'] }).row.values.age).toBeNull();
  });

  it('feeds columns through the mapping, and gives columns the extract lacks a blank', () => {
    const mapping = { list: 'list1', columns: { childId: 2, dateOfContact: 0, contactSource: null }, unmapped: ['Notes'] };
    const out = createNormaliser(spec, 'list1', mapping, options)('c.csv', { row: 2, cells: ['2024-03-01', 'ignored', 'C9'] });
    expect(out.row.values).toEqual({ childId: 'C9', sex: null, ethnicity: null, dateOfBirth: null, age: null, dateOfContact: '2024-03-01', contactSource: null });
  });

  it('reads a short row’s missing cells as blank', () => {
    const out = createNormaliser(spec, 'list1', inOrderMapping(spec, 'list1'), options)('c.csv', { row: 2, cells: ['C9'] });
    expect(out.row.values.childId).toBe('C9');
    expect(out.row.values.contactSource).toBeNull();
  });

  it('refuses an unknown list or an inspection date that is not a date, saying what to do', () => {
    expect(() => createNormaliser(spec, 'list99', inOrderMapping(spec, 'list1'), options)).toThrow(/has no list "list99"; its lists are list1, list3/);
    expect(() => createNormaliser(spec, 'list1', inOrderMapping(spec, 'list1'), { inspectionDate: '15/03/2024' })).toThrow(/written YYYY-MM-DD/);
  });
});

import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAnnexAWorkbook } from '../../../../core/annexa/build/workbook.ts';
import type { Finding, ListRow } from '../../../../core/annexa/model.ts';
import type { AnnexASummaries } from '../../../../shared/annexa/summaries.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { byList, emptySummaries, row, testSpec } from './fixture.ts';
import { readBack } from './read-back.ts';

const rows: ListRow[] = [
  row('list1', { childId: '012345', gender: 'a) Male', dateOfBirth: '2012-03-17', age: 12, dateOfContact: '2024-05-31', allocatedWorker: 'Sam Smith' }),
  row('list1', { childId: '012345', gender: 'a) Male', dateOfBirth: '2012-03-17', age: 12, dateOfContact: '2024-02-29', allocatedWorker: null }),
  row('list1', { childId: 'A-77', gender: 'b) Female', dateOfBirth: '2024-09-01', age: -1, dateOfContact: '2024-04-02', allocatedWorker: 'Jo <Bloggs> & Co' }),
  row('list8', { childId: '000001', gender: 'c) Not stated/recorded', dateOfBirth: '2009-12-31', age: 14, legalStatus: 'C1: ICO', dateCeasedLookedAfter: null, placementPostcode: 'SW1A 1AA', missingEpisodes: 0, allocatedWorker: '  Leading and trailing  ' }),
  row('list9', { childId: '55', gender: 'd) Neither', dateOfBirth: '2004-01-15', age: 20, inTouch: 'a) Yes', personalAdviser: 'Pat' }),
  row('list10', { childId: '012345', familyId: 'F001', gender: 'a) Male', dateOfBirth: '2012-03-17', age: 12 }),
  row('list11', { adopterId: '9001', familyId: 'F001', enquiryDate: '2023-07-01' }),
];

const findings: Finding[] = [
  { list: 'list1', source: 'contacts.csv', row: 7, column: 'dateOfContact', rule: 'window', severity: 'warning', message: 'The contact on 01/01/2023 is before the six months the list covers.' },
  { list: 'list8', source: 'cla.csv', row: null, column: null, rule: 'one-per-child', severity: 'error', message: 'Child 000001 appears twice.' },
];

const summaries: AnnexASummaries = {
  ...emptySummaries,
  lists: [
    {
      list: 'list1',
      title: 'List 1: Contacts',
      rows: 3,
      figures: [
        { id: 'rows', label: 'Contacts', value: 3, unit: 'count' },
        { id: 'children', label: 'Children with a contact', value: 2, unit: 'count' },
        { id: 'alsoReferred', label: 'Children also on List 3', value: 50, unit: 'percent', count: 1, of: 2 },
        { id: 'none', label: 'Nothing to measure', value: null, unit: 'working days' },
      ],
      tables: [
        { id: 'sources', label: 'Contact source', chart: 'bars', rowHeading: 'Source', series: ['Contacts'], rows: [{ label: 'Police', values: [2] }, { label: 'Schools', values: [1] }], counted: 'contacts' },
      ],
    },
  ],
};

async function build(dir: string, extra: Partial<Parameters<typeof writeAnnexAWorkbook>[1]> = {}) {
  const path = join(dir, 'annex-a.xlsx');
  const result = await writeAnnexAWorkbook(path, { spec: testSpec, rows: byList(rows), findings, summaries, ...extra });
  return { path, result, sheets: await readBack(path) };
}

describe('the Annex A workbook', () => {
  it('has a sheet per list in Ofsted’s names, then Data quality and Summary', async () => {
    const { sheets, result } = await build(tempDir());
    expect([...sheets.keys()]).toEqual([...testSpec.lists.map((l) => l.sheet), 'Data quality', 'Summary']);
    expect(result.lists.map((l) => l.rows)).toEqual([3, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1]);
    expect(result.findings).toBe(2);
  });

  it('writes the title in row 1, the headers exactly as the template spells them in row 2', async () => {
    const { sheets } = await build(tempDir());
    for (const list of testSpec.lists) {
      const sheet = sheets.get(list.sheet)!;
      expect(sheet.rows[0][0]).toBe(list.title);
      expect(sheet.rows[1]).toEqual(list.columns.map((c) => c.header));
      expect(sheet.merges).toEqual([`A1:${String.fromCharCode(64 + list.columns.length)}1`]);
    }
    expect(sheets.get('List_9')!.rows[1]).toContain('LA In Touch ');
    expect(sheets.get('List_8')!.rows[1]).toContain('Date Ceased to be Looked After ');
    expect(sheets.get('List_8')!.rows[1]).toContain('Number of Episodes the Child has been ‘Missing’ from their Placement in the last 12 months');
  });

  it('gives back the same values: ids as text, real dates, numbers, codes exactly', async () => {
    const { sheets } = await build(tempDir());
    for (const list of testSpec.lists) {
      const expected = rows.filter((r) => r.list === list.key).map((r) => {
        const values = list.columns.map((c) => r.values[c.key] ?? null);
        while (values.length && values[values.length - 1] === null) values.pop();
        return values;
      });
      expect(sheets.get(list.sheet)!.rows.slice(2), list.sheet).toEqual(expected);
    }
    const contacts = sheets.get('List_1')!;
    expect(contacts.rows[2][0]).toBe('012345');
    expect(contacts.formats.get(1)).toBe('@');
    expect(contacts.formats.get(3)).toBe('dd/mm/yyyy');
    expect(contacts.formats.get(5)).toBe('dd/mm/yyyy');
    expect(typeof contacts.rows[2][3]).toBe('number');
  });

  it('freezes the title and header rows and filters on the header', async () => {
    const { sheets } = await build(tempDir());
    const contacts = sheets.get('List_1')!;
    expect(contacts.frozenRows).toBe(2);
    expect(contacts.autoFilter).toBe('A2:F5');
    expect(sheets.get('List_2')!.autoFilter).toBe('A2:D2');
    for (const width of contacts.widths) {
      expect(width).toBeGreaterThanOrEqual(10);
      expect(width).toBeLessThanOrEqual(42);
    }
  });

  it('lists every finding on the Data quality sheet with the column’s header', async () => {
    const { sheets } = await build(tempDir());
    const dq = sheets.get('Data quality')!;
    expect(dq.rows[1]).toEqual(['List', 'Source', 'Row', 'Column', 'Rule', 'Severity', 'Message']);
    expect(dq.rows.slice(2)).toEqual([
      ['List 1', 'contacts.csv', 7, 'Date of Contact', 'window', 'warning', 'The contact on 01/01/2023 is before the six months the list covers.'],
      ['List 8', 'cla.csv', null, null, 'one-per-child', 'error', 'Child 000001 appears twice.'],
    ]);
  });

  it('counts findings without messages or source rows in a pseudonymised copy', async () => {
    const { sheets } = await build(tempDir(), { pseudonymised: true });
    const dq = sheets.get('Data quality')!;
    expect(dq.rows[1]).toEqual(['List', 'Column', 'Rule', 'Severity', 'Findings']);
    expect(dq.rows.slice(2)).toEqual([
      ['List 1', 'Date of Contact', 'window', 'warning', 1],
      ['List 8', null, 'one-per-child', 'error', 1],
    ]);
    expect(JSON.stringify(dq.rows)).not.toContain('000001');
  });

  it('shows the summaries’ figures and tables on the Summary sheet', async () => {
    const { sheets } = await build(tempDir());
    const summary = sheets.get('Summary')!.rows;
    expect(summary[0][0]).toBe('Summary of the lists at 03/06/2024 (annex-a-test)');
    const text = summary.map((r) => r.join('|'));
    expect(text).toContain('List 1: Contacts|3 rows');
    expect(text).toContain('Contacts|3');
    expect(text).toContain('Children also on List 3|0.5|1 of 2');
    expect(text).toContain('Nothing to measure|none to measure');
    expect(text).toContain('Contact source (contacts)');
    expect(text).toContain('Source|Contacts|% of total');
    expect(text).toContain('Police|2|0.6666666666666666');
    expect(text).toContain('Total|3');
  });

  it('leaves no file behind when writing fails part way', async () => {
    const dir = tempDir();
    const failing = (list: { key: string }) =>
      (function* () {
        if (list.key === 'list8') throw new Error('the store went away');
        yield* rows.filter((r) => r.list === list.key);
      })();
    await expect(writeAnnexAWorkbook(join(dir, 'annex-a.xlsx'), { spec: testSpec, rows: failing, findings, summaries })).rejects.toThrow('the store went away');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a row given for the wrong list rather than write it on another sheet', async () => {
    const dir = tempDir();
    const path = join(dir, 'annex-a.xlsx');
    await expect(writeAnnexAWorkbook(path, { spec: testSpec, rows: () => [rows[3]], findings: [], summaries })).rejects.toThrow(/list8 was given for list1/u);
    expect(existsSync(path)).toBe(false);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { firstOfMonth, postcodeSector, Pseudonymiser } from '../../../../core/annexa/build/pseudonymise.ts';
import { writeAnnexAWorkbook } from '../../../../core/annexa/build/workbook.ts';
import { excelSerial } from '../../../../core/xlsx/xlsx-writer.ts';
import type { Finding, ListRow } from '../../../../core/annexa/model.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { emptySummaries, row, testSpec } from './fixture.ts';
import { readBack } from './read-back.ts';

// Ids and dates chosen so none can turn up by chance elsewhere in the workbook.
const rows: ListRow[] = [
  row('list1', { childId: 'C0001', gender: 'a) Male', dateOfBirth: '2012-03-17', age: 12, dateOfContact: '2024-05-31', allocatedWorker: 'Sam Smith' }),
  row('list1', { childId: 'C0002', gender: 'b) Female', dateOfBirth: '2015-11-23', age: 8, dateOfContact: '2024-04-02', allocatedWorker: 'Jo Bloggs' }),
  row('list1', { childId: 'C0001', gender: 'a) Male', dateOfBirth: '2012-03-17', age: 12, dateOfContact: '2024-02-29', allocatedWorker: 'Sam Smith' }),
  row('list8', { childId: 'C0001', gender: 'a) Male', dateOfBirth: '2012-03-17', age: 12, legalStatus: 'C1: ICO', placementPostcode: 'SW1A 1AA', missingEpisodes: 2, allocatedWorker: 'Sam Smith' }),
  row('list8', { childId: 'C0003', gender: 'b) Female', dateOfBirth: '2010-07-04', age: 13, legalStatus: 'V2: Single period under S20', placementPostcode: 'm11ae', missingEpisodes: 0, allocatedWorker: 'Alex Worker' }),
  row('list9', { childId: 'C0004', gender: 'd) Neither', dateOfBirth: '2004-01-15', age: 20, inTouch: 'a) Yes', personalAdviser: 'Pat Adviser' }),
  row('list10', { childId: 'C0002', familyId: 'FAM77', gender: 'b) Female', dateOfBirth: '2015-11-23', age: 8 }),
  row('list11', { adopterId: 'C0001', familyId: 'FAM77', enquiryDate: '2023-07-01' }),
  row('list11', { adopterId: 'AD0002', familyId: 'FAM77', enquiryDate: '2023-07-01' }),
];

const personal = {
  ids: ['C0001', 'C0002', 'C0003', 'C0004', 'FAM77', 'AD0002'],
  dobs: ['2012-03-17', '2015-11-23', '2010-07-04', '2004-01-15'],
  postcodes: ['SW1A 1AA', 'SW1A1AA', 'M1 1AE', 'M11AE', 'm11ae'],
  names: ['Sam Smith', 'Jo Bloggs', 'Alex Worker', 'Pat Adviser'],
};

function pseudonymiseAll(p: Pseudonymiser): ListRow[] {
  return rows.map((r) => p.row(r));
}

describe('pseudonymising the lists', () => {
  it('gives a child one new id in every list, and a family one id in lists 10 and 11', () => {
    const out = pseudonymiseAll(new Pseudonymiser(testSpec));
    const idOf = (i: number) => out[i].values.childId;
    expect(idOf(0)).toBe(idOf(2));
    expect(idOf(0)).toBe(idOf(3)); // C0001 on lists 1 and 8
    expect(idOf(1)).toBe(idOf(6)); // C0002 on lists 1 and 10
    expect(new Set([idOf(0), idOf(1), out[4].values.childId, idOf(5)]).size).toBe(4);
    expect(out[6].values.familyId).toBe(out[7].values.familyId);
    expect(out[7].values.familyId).toBe(out[8].values.familyId);
    // Adopter ids are a space of their own: adopter C0001 is not child C0001.
    expect(out[7].values.adopterId).not.toBe(idOf(0));
    for (const r of out) for (const id of [r.values.childId, r.values.adopterId, r.values.familyId]) if (id) expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/u);
  });

  it('draws new ids at random for each build, never from the old id', () => {
    const first = pseudonymiseAll(new Pseudonymiser(testSpec));
    const second = pseudonymiseAll(new Pseudonymiser(testSpec));
    expect(first[0].values.childId).not.toBe(second[0].values.childId);
    expect(first[6].values.familyId).not.toBe(second[6].values.familyId);
  });

  it('moves dates of birth to the first of the month, postcodes to the sector, and blanks names', () => {
    const out = pseudonymiseAll(new Pseudonymiser(testSpec));
    expect(out[0].values).toMatchObject({ dateOfBirth: '2012-03-01', age: 12, dateOfContact: '2024-05-31', allocatedWorker: null, gender: 'a) Male' });
    expect(out[3].values.placementPostcode).toBe('SW1A 1');
    expect(out[4].values.placementPostcode).toBe('M1 1');
    expect(out[5].values.personalAdviser).toBeNull();
    expect(rows[0].values.childId).toBe('C0001'); // the originals are untouched
  });

  it('keeps a bare district and blanks what cannot be shown to be no more than a sector', () => {
    expect(postcodeSector('sw1a')).toBe('SW1A');
    expect(postcodeSector('10 Downing Street')).toBeNull();
    expect(postcodeSector('')).toBeNull();
    expect(postcodeSector(null)).toBeNull();
    expect(firstOfMonth('17/03/2012')).toBeNull();
    expect(firstOfMonth(null)).toBeNull();
  });

  it('leaves nothing personal in the pseudonymised workbook', async () => {
    const p = new Pseudonymiser(testSpec);
    const findings: Finding[] = [
      { list: 'list1', source: 'contacts.csv', row: 4, column: 'dateOfBirth', rule: 'dob-differs', severity: 'error', message: 'Child C0001 has date of birth 17/03/2012 here and 18/03/2012 on List 8.' },
    ];
    const path = join(tempDir(), 'shareable.xlsx');
    await writeAnnexAWorkbook(path, {
      spec: testSpec,
      rows: (list) => p.rows(rows.filter((r) => r.list === list.key)),
      findings,
      summaries: emptySummaries,
      pseudonymised: true,
    });
    const parts = unzipSync(new Uint8Array(readFileSync(path)));
    const text = Object.values(parts).map((b) => Buffer.from(b).toString('utf8')).join('\n');
    const ukDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
    const forbidden = [
      ...personal.ids,
      ...personal.dobs.flatMap((d) => [d, ukDate(d), `<v>${excelSerial(d)}</v>`]),
      ...personal.postcodes,
      ...personal.names,
      '18/03/2012',
    ];
    for (const s of forbidden) expect(text, s).not.toContain(s);
    // … while the data is all there, degraded.
    const sheets = await readBack(path);
    expect(sheets.get('List_1')!.rows.slice(2).map((r) => r[2])).toEqual(['2012-03-01', '2015-11-01', '2012-03-01']);
    expect(sheets.get('List_8')!.rows.slice(2).map((r) => r[6])).toEqual(['SW1A 1', 'M1 1']);
    expect(p.replaced()).toEqual({ childId: 4, adopterId: 2, familyId: 1 });
  });
});

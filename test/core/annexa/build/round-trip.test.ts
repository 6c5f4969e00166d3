import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Pseudonymiser } from '../../../../core/annexa/build/pseudonymise.ts';
import { writeAnnexAWorkbook } from '../../../../core/annexa/build/workbook.ts';
import { summariseAnnexA } from '../../../../core/annexa/summaries.ts';
import { annexASpec } from '../../../../shared/annexa/index.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { generateRows } from './generate-rows.ts';
import { readBack } from './read-back.ts';

const INSPECTION = '2024-06-03';
const counts = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`list${i + 1}`, 40]));

describe.each(['annex-a-2019', 'annex-a-2024'])('a workbook of the %s lists', (id) => {
  const spec = annexASpec(id)!;

  it('reads back with the same values in every cell of every list', async () => {
    const data = generateRows(spec, INSPECTION, counts);
    const summaries = await summariseAnnexA(spec, INSPECTION, spec.lists.flatMap((l) => [...data.rows(l)]));
    const path = join(tempDir(), 'annex-a.xlsx');
    const result = await writeAnnexAWorkbook(path, { spec, rows: data.rows, findings: [], summaries });
    expect(result.lists.every((l) => l.rows === 40)).toBe(true);

    const sheets = await readBack(path);
    for (const list of spec.lists) {
      const sheet = sheets.get(list.sheet)!;
      expect(sheet.rows[0][0]).toBe(list.title);
      expect(sheet.rows[1]).toEqual(list.columns.map((c) => c.header));
      const expected = [...data.rows(list)].map((row) => {
        const values = list.columns.map((c) => row.values[c.key] ?? null);
        while (values.length && values[values.length - 1] === null) values.pop();
        return values;
      });
      expect(sheet.rows.slice(2), list.sheet).toEqual(expected);
    }
    const summaryText = sheets.get('Summary')!.rows.map((r) => String(r[0] ?? '')).join('\n');
    for (const list of spec.lists) expect(summaryText).toContain(list.title);
    expect(summaryText).toContain('Completed assessments authorised within 45 working days of the start');
  });

  it('keeps nothing personal in the pseudonymised copy, and the lists still join up', async () => {
    const data = generateRows(spec, INSPECTION, counts, 7);
    const p = new Pseudonymiser(spec);
    const path = join(tempDir(), 'shareable.xlsx');
    await writeAnnexAWorkbook(path, { spec, rows: (l) => p.rows(data.rows(l)), findings: [], summaries: { inspectionDate: INSPECTION, spec: id, lists: [] }, pseudonymised: true });
    const text = Object.values(unzipSync(new Uint8Array(readFileSync(path))))
      .map((b) => Buffer.from(b).toString('utf8'))
      .join('\n');
    expect(data.personal.ids.size).toBeGreaterThan(100);
    for (const value of data.personal.ids) expect(text, value).not.toContain(`>${value}<`);
    for (const postcode of data.personal.postcodes) expect(text, postcode).not.toContain(postcode);
    for (const name of data.personal.names) expect(text, name).not.toContain(name);

    // A date of birth is a number like any other date in the XML, so look at the columns themselves.
    const sheets = await readBack(path);
    for (const list of spec.lists) {
      const at = list.columns.findIndex((c) => c.personal === 'dob');
      if (at < 0) continue;
      const dobs = sheets.get(list.sheet)!.rows.slice(2).map((r) => r[at] ?? null).filter((d) => d !== null);
      expect(dobs.length, list.sheet).toBeGreaterThan(20);
      for (const dob of dobs) expect(String(dob), list.sheet).toMatch(/^\d{4}-\d{2}-01$/u);
    }
    // The same child on lists 6 and 8 (one row per child on each) keeps one new id on both.
    const ids = (sheet: string) => new Set(sheets.get(sheet)!.rows.slice(2).map((r) => r[0]));
    const cin = ids('List_6');
    const cla = ids('List_8');
    expect([...cla].filter((x) => cin.has(x)).length).toBeGreaterThan(0);
  });
});

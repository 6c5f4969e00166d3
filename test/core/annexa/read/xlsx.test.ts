import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceRow, SourceTable } from '../../../../core/annexa/model.ts';
import { SourceReadError } from '../../../../core/annexa/read/errors.ts';
import { readXlsx } from '../../../../core/annexa/read/xlsx.ts';
import { buildXlsx, c, row } from '../../../fixtures/extract/build-ooxml.ts';
import { generate } from '../../../../bench/annexa-generate.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { XlsxWriter } from '../../../../core/xlsx/xlsx-writer.ts';
import { MemorySink } from '../../../../core/xlsx/zip-writer.ts';

const FIXTURE = join(import.meta.dirname, '../../../fixtures/annexa/import/ofsted-layout-sample.xlsx');

function read(bytes: Uint8Array) {
  return readXlsx(bytes, { file: '/tmp/annexa.xlsx', source: 'annexa.xlsx' });
}

async function rowsOf(table: SourceTable | undefined): Promise<SourceRow[]> {
  if (!table) throw new Error('no table');
  const rows: SourceRow[] = [];
  for await (const r of table.rows) rows.push(r);
  return rows;
}

const header = (n: number, ...names: string[]) => row(n, ...names.map((name, i) => c(`${String.fromCharCode(65 + i)}${n}`, name)));
const utc = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min));

describe('XLSX cells', () => {
  it('reads an ISO date cell (t="d") with no zone as the date written, whatever the time zone', async () => {
    const bytes = buildXlsx({
      sheets: [{ name: 'S', data: header(1, 'Child Unique ID', 'Seen', 'Visit') + row(2, c('A2', 1), c('B2', '2024-06-01T00:00:00', { t: 'd' }), c('C2', '2024-06-01T09:30:00+01:00', { t: 'd' })) }],
    });
    // In British Summer Time, where a local-time reading would move the date back a day.
    const zone = process.env.TZ;
    process.env.TZ = 'Europe/London';
    try {
      const [r] = await rowsOf(read(bytes).tables[0]);
      expect(r.cells).toEqual([1, utc(2024, 6, 1), utc(2024, 6, 1, 8, 30)]);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('refuses a sheet whose cells lie past Excel’s last column, quickly, instead of padding rows to millions of cells', async () => {
    const far = Array.from({ length: 40 }, (_, i) => row(i + 2, c(`ZZZZZZ${i + 2}`, 'x'))).join('');
    const bytes = buildXlsx({ sheets: [{ name: 'S', data: header(1, 'Child Unique ID', 'Gender') + far }] });
    expect(() => read(bytes)).toThrow(/past Excel's last column/u);
  });

  it('undoes Excel’s _xHHHH_ escape, so text our own workbook writes comes back as it was', async () => {
    const sink = new MemorySink();
    const book = XlsxWriter.into(sink);
    const sheet = await book.sheet('List_1', { columns: [{ kind: 'text', width: 10 }, { kind: 'text', width: 10 }] });
    await sheet.row(['Child Unique ID', 'Allocated Worker']);
    const awkward = ['bell\u0007in a name', 'a literal _x0041_ in the data', 'tab\tand form\u000Cfeed'];
    for (const text of awkward) await sheet.row(['1001', text]);
    await sheet.close();
    await book.finish();
    const rows = await rowsOf(read(sink.bytes()).tables[0]);
    expect(rows.map((r) => r.cells[1])).toEqual(awkward);
  });

  it('keeps each cell’s type: text, numbers, booleans, errors, and dates by the cell’s number format', async () => {
    const bytes = buildXlsx({
      sharedStrings: ['Child Unique ID', 'Gender', 'a) Male'],
      // Styles: 0 general, 1 built-in date (14), 2 custom dd/mm/yyyy, 3 date and time (22), 4 time only (21), 5 two decimals.
      numFmts: { 164: 'dd/mm/yyyy', 165: '0.00' },
      cellXfs: [0, 14, 164, 22, 21, 165],
      sheets: [
        {
          name: 'List_1',
          data:
            row(1, c('A1', 0, { t: 's' }), c('B1', 1, { t: 's' }), c('C1', 'DOB'), c('D1', 'Contact'), c('E1', 'Seen at'), c('F1', 'Time'), c('G1', 'Flag'), c('H1', 'Check'), c('I1', 'Score')) +
            row(
              2,
              c('A2', 123456),
              c('B2', 2, { t: 's' }),
              c('C2', 45352, { s: 1 }),
              c('D2', 45352.75, { s: 2 }),
              c('E2', 45352.5, { s: 3 }),
              c('F2', 0.5, { s: 4 }),
              c('G2', 1, { t: 'b' }),
              c('H2', '#N/A', { t: 'e' }),
              c('I2', 3.25, { s: 5 }),
            ),
        },
      ],
    });
    const [r] = await rowsOf(read(bytes).tables[0]);
    expect(r.cells).toEqual([123456, 'a) Male', utc(2024, 3, 1), utc(2024, 3, 1), utc(2024, 3, 1, 12), 0.5, true, '#N/A', 3.25]);
  });

  it('reads ISO date cells (t="d") and the 1904 date system', async () => {
    const bytes = buildXlsx({
      date1904: true,
      cellXfs: [0, 14],
      sheets: [{ name: 'S', data: header(1, 'Child Unique ID', 'DOB', 'Seen') + row(2, c('A2', 1), c('B2', 43890, { s: 1 }), c('C2', '2024-03-01T00:00:00Z', { t: 'd' })) }],
    });
    const [r] = await rowsOf(read(bytes).tables[0]);
    // In the 1904 system 1 March 2024 is 43890 (45352 in the 1900 system, less 1462 days).
    expect(r.cells).toEqual([1, utc(2024, 3, 1), utc(2024, 3, 1)]);
  });

  it('reads inline rich text without its phonetic guide, and formula results', async () => {
    const inline = '<c r="B2" t="inlineStr"><is><r><t>Smith</t></r><r><rPr><b/></rPr><t xml:space="preserve"> &amp; Jones</t></r><rPh><t>ｽﾐｽ</t></rPh></is></c>';
    const formula = '<c r="C2" t="str"><f>A2&amp;"x"</f><v>1x</v></c>';
    const bytes = buildXlsx({ sheets: [{ name: 'S', data: header(1, 'Child Unique ID', 'Worker', 'Ref') + `<row r="2">${c('A2', 1)}${inline}${formula}</row>` }] });
    expect((await rowsOf(read(bytes).tables[0]))[0].cells).toEqual([1, 'Smith & Jones', '1x']);
  });
});

describe('XLSX rows', () => {
  it('numbers rows as Excel does (gaps kept), places cells by reference, and skips blank rows', async () => {
    const bytes = buildXlsx({
      sheets: [
        {
          name: 'List_3',
          data:
            row(1, c('A1', 'List 3: Referral')) +
            header(2, 'Child Unique ID', 'Gender', 'Ethnicity') +
            row(3, c('A3', 1), c('C3', 'a) WBRI')) +
            // Styled but empty cells, as Excel leaves them: not a row of data.
            '<row r="4"><c r="A4" s="0"/><c r="B4" s="0"/></row>' +
            row(7, c('B7', 'b) Female')) +
            // No r attributes: the row follows the last one, cells follow each other.
            '<row><c t="inlineStr"><is><t>2</t></is></c><c t="inlineStr"><is><t>a) Male</t></is></c></row>',
        },
      ],
    });
    const table = read(bytes).tables[0];
    expect(table.headerRow).toBe(2);
    expect(table.headers).toEqual(['Child Unique ID', 'Gender', 'Ethnicity']);
    expect(await rowsOf(table)).toEqual([
      { row: 3, cells: [1, null, 'a) WBRI'] },
      { row: 7, cells: [null, 'b) Female', null] },
      { row: 8, cells: ['2', 'a) Male', null] },
    ]);
  });

  it('finds the header below a title repeated across a merged range', () => {
    const title = row(1, ...['A', 'B', 'C', 'D'].map((col) => c(`${col}1`, 'List 1: Contacts')));
    const bytes = buildXlsx({ sheets: [{ name: 'x', data: title + header(2, 'Child Unique ID', 'Gender', 'Ethnicity', 'Date of Contact') }] });
    expect(read(bytes).tables[0]).toMatchObject({ headerRow: 2, headers: ['Child Unique ID', 'Gender', 'Ethnicity', 'Date of Contact'] });
  });

  it('leaves out sheets that are not tables: prose, an empty sheet, a chart sheet', () => {
    const bytes = buildXlsx({
      sheets: [
        { name: 'Front_Sheet', data: row(1, c('B1', 'Annex A - Child level data')) + row(4, c('B4', 'This spreadsheet provides supplementary information …')) },
        { name: 'Empty', data: '' },
        { name: 'List_1', data: header(1, 'Child Unique ID', 'Gender') },
      ],
    });
    const result = read(bytes);
    expect(result.tables.map((t) => t.sheet)).toEqual(['List_1']);
    expect(result.notTables).toEqual(['Front_Sheet', 'Empty']);
    expect(result.tables[0].source).toBe('annexa.xlsx: List_1');
  });

  it('streams: the header is found without reading the whole sheet, and damage further down is reported with the row reached', async () => {
    // Big enough to be inflated in several steps (varied numbers compress less than repeated text).
    const last = 40_000;
    let data = header(1, 'Child Unique ID', 'Gender');
    for (let n = 2; n < last; n++) data += row(n, c(`A${n}`, (n * 7919) % 1_000_003), c(`B${n}`, (n * 104_729) % 999_983));
    data += `<row r="${last}"><c r="A${last}" t="inlineStr"><is><t>&bogus;</t></is></c></row>`;
    const table = read(buildXlsx({ sheets: [{ name: 'List_1', data }] })).tables[0];
    expect(table.headers).toEqual(['Child Unique ID', 'Gender']);
    const seen: number[] = [];
    const reading = (async () => {
      for await (const r of table.rows) seen.push(r.row);
    })();
    await expect(reading).rejects.toThrow(SourceReadError);
    await expect(reading).rejects.toThrow(/annexa\.xlsx: List_1 after row \d+ could not be read: .*undefined entity/);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toBeLessThan(last);
  });

  it('reads a workbook as Excel wrote it in Ofsted’s layout: title rows, real dates, code sheets', async () => {
    const result = read(new Uint8Array(readFileSync(FIXTURE)));
    const lists = result.tables.filter((t) => /^List/.test(t.sheet ?? ''));
    expect(lists.map((t) => t.sheet)).toEqual(Array.from({ length: 11 }, (_, i) => `List_${i + 1}`));
    expect(lists.every((t) => t.headerRow === 2)).toBe(true);
    expect(result.notTables).toEqual(['Front_Sheet']);
    const [first] = await rowsOf(lists[0]);
    expect(first).toEqual({ row: 3, cells: [1001, 'a) Male', 'a) WBRI', utc(2000, 1, 1), 20, utc(2010, 1, 1), 'POLICE'] });
  });

  it('reads a generated workbook back row for row (exceljs’s streaming writer, shared strings)', async () => {
    const dir = tempDir();
    const made = await generate(dir, { children: 200, seed: 7, format: 'xlsx' });
    const result = read(new Uint8Array(readFileSync(made.files[0])));
    const counts: number[] = [];
    for (const table of result.tables) counts.push((await rowsOf(table)).length);
    expect(counts).toEqual(made.perList);
  });
});

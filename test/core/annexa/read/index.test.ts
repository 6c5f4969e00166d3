import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readSourceBytes, readSources } from '../../../../core/annexa/read/index.ts';
import { buildXlsx, c, row } from '../../../fixtures/extract/build-ooxml.ts';
import { tempDir } from '../../../helpers/temp.ts';

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ole2With = (stream: string) => new Uint8Array([...OLE2_MAGIC, ...new Array(504).fill(0), ...Buffer.from(stream, 'utf16le'), 0, 0]);

const CONTACTS = 'Person ID,Sex,DOB,Contact Date,Contact Source\n1,M,1/3/14,2/3/25,6\n';
const workbook = () =>
  buildXlsx({
    sheets: [
      { name: 'Front_Sheet', data: row(1, c('A1', 'Annex A - Child level data')) },
      { name: 'List_1', data: row(1, c('A1', 'List 1: Contacts')) + row(2, c('A2', 'Child Unique ID'), c('B2', 'Gender')) + row(3, c('A3', 1), c('B3', 'a) Male')) },
    ],
  });

function folderWith(files: Record<string, Uint8Array | string>): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

describe('readSources', () => {
  it('reads CSV files and workbooks by their bytes, whatever they are called', async () => {
    const dir = folderWith({ 'contacts.csv': CONTACTS, 'annexa.xlsx': workbook(), 'extract-really-csv.xlsx': CONTACTS, 'workbook-saved-as.dat': workbook() });
    const files = await readSources(['contacts.csv', 'annexa.xlsx', 'extract-really-csv.xlsx', 'workbook-saved-as.dat'].map((f) => join(dir, f)));
    expect(files.map((f) => [f.name, f.format, f.error, f.tables.map((t) => t.source)])).toEqual([
      ['contacts.csv', 'csv', null, ['contacts.csv']],
      ['annexa.xlsx', 'xlsx', null, ['annexa.xlsx: List_1']],
      ['extract-really-csv.xlsx', 'csv', null, ['extract-really-csv.xlsx']],
      ['workbook-saved-as.dat', 'xlsx', null, ['workbook-saved-as.dat: List_1']],
    ]);
    expect(files[1].notTables).toEqual(['Front_Sheet']);
    expect(files[0]).toMatchObject({ delimiter: ',', encoding: 'utf-8' });
  });

  it('names two files of one name apart, so a finding’s row is never the other file’s', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'north'));
    mkdirSync(join(dir, 'south'));
    writeFileSync(join(dir, 'north', 'contacts.csv'), CONTACTS);
    writeFileSync(join(dir, 'south', 'contacts.csv'), CONTACTS);
    const files = await readSources([join(dir, 'north', 'contacts.csv'), join(dir, 'south', 'contacts.csv'), { name: 'Contacts.csv', bytes: strToU8(CONTACTS) }]);
    expect(files.map((f) => f.tables[0]?.source)).toEqual(['contacts.csv', 'contacts.csv (2)', 'Contacts.csv (3)']);
  });

  it('says in plain words why a file cannot be read, and still reads the others', async () => {
    const dir = folderWith({
      'good.csv': CONTACTS,
      'empty.csv': '',
      'protected.xlsx': ole2With('EncryptedPackage'),
      'old.xls': ole2With('Workbook'),
      'report.csv': '%PDF-1.4\n1 0 obj\n<< >>\nendobj\n',
      'letter.xlsx': zipSync({ 'word/document.xml': strToU8('<w:document/>'), '[Content_Types].xml': strToU8('<Types/>') }),
      'damaged.xlsx': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]),
      'mosaic-export.xls': '<html><body><table><tr><td>Person ID</td></tr></table></body></html>',
      'prose.csv': 'Dear colleague\n\nThe extract will follow next week.\n',
      'blank-sheets.xlsx': buildXlsx({ sheets: [{ name: 'Sheet1', data: '' }] }),
    });
    mkdirSync(join(dir, 'a folder'));
    const names = ['empty.csv', 'protected.xlsx', 'old.xls', 'report.csv', 'letter.xlsx', 'damaged.xlsx', 'mosaic-export.xls', 'prose.csv', 'blank-sheets.xlsx', 'a folder', 'missing.csv', 'good.csv'];
    const files = await readSources(names.map((n) => join(dir, n)));
    const errors = Object.fromEntries(files.map((f) => [f.name, f.error]));
    expect(errors).toEqual({
      'empty.csv': expect.stringMatching(/^empty\.csv could not be read: it is empty \(0 bytes\)\. Export the list again\.$/),
      'protected.xlsx': expect.stringMatching(/password protected\. Open it in Excel, save a copy without the password/),
      'old.xls': expect.stringMatching(/Excel 97-2003 workbook \(\.xls\).*save it as \.xlsx/),
      'report.csv': expect.stringMatching(/it is a PDF, not an Excel workbook or CSV file/),
      'letter.xlsx': expect.stringMatching(/it is a Word document, not an Excel workbook or CSV file/),
      'damaged.xlsx': expect.stringMatching(/damaged or not really a spreadsheet/),
      'mosaic-export.xls': expect.stringMatching(/web page \(HTML\)/),
      'prose.csv': expect.stringMatching(/no row in it looks like a row of column headers/),
      'blank-sheets.xlsx': expect.stringMatching(/no sheet in it has a row of column headers/),
      'a folder': expect.stringMatching(/it is a folder\. Choose the files inside it\.$/),
      'missing.csv': expect.stringMatching(/it does not exist\. Check the path\.$/),
      'good.csv': null,
    });
    expect(files.at(-1)?.tables).toHaveLength(1);
    expect(files.filter((f) => f.error).every((f) => f.tables.length === 0)).toBe(true);
  });

  it('stops a worksheet that inflates past the size the zip declares for it (a zip bomb)', async () => {
    let data = row(1, c('A1', 'Child Unique ID'), c('B1', 'Gender'));
    for (let n = 2; n < 200; n++) data += row(n, c(`A${n}`, n), c(`B${n}`, 'a) Male'));
    const bytes = buildXlsx({ sheets: [{ name: 'List_1', data }] });
    // Declare the sheet 300 bytes long in the central directory: enough for its first rows only.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const name = new TextEncoder().encode('xl/worksheets/sheet1.xml');
    for (let at = 0; at < bytes.length - 46; at++) {
      if (view.getUint32(at, true) !== 0x02014b50 || view.getUint16(at + 28, true) !== name.length) continue;
      if (name.every((b, i) => bytes[at + 46 + i] === b)) view.setUint32(at + 24, 300, true);
    }
    const [file] = await readSources([{ name: 'bomb.xlsx', bytes }]);
    expect(file.error).toMatch(/^bomb\.xlsx: List_1 could not be read: it is too large to read safely \(zip bomb: .* inflates past its declared 300 bytes\)/);
  });

  it('reads bytes handed over with a name (a browser upload)', async () => {
    const [file] = await readSources([{ name: 'contacts.csv', bytes: new TextEncoder().encode(CONTACTS) }]);
    expect(file).toMatchObject({ file: 'contacts.csv', name: 'contacts.csv', format: 'csv', error: null });
  });

  it('refuses a file over the size limit without reading it', () => {
    const file = readSourceBytes('big.csv', 'big.csv', new TextEncoder().encode(CONTACTS), { limits: { maxFileBytes: 10, maxUnzippedBytes: 1e9, maxZipRatio: 200, maxTextChars: 1e9 } });
    expect(file.error).toMatch(/larger than 0 MB\. Split the extract/);
  });
});

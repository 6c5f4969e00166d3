import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { columnLetter, escapeXml, excelSerial, XlsxWriter } from '../../../core/xlsx/xlsx-writer.ts';
import { tempDir } from '../../helpers/temp.ts';
import { readBack } from '../annexa/build/read-back.ts';

async function sheetXml(path: string, n = 1): Promise<string> {
  const entries = unzipSync(new Uint8Array(readFileSync(path)));
  return Buffer.from(entries[`xl/worksheets/sheet${n}.xml`]).toString('utf8');
}

describe('XlsxWriter', () => {
  it('keeps leading and trailing spaces, line breaks, markup characters and literal escapes', async () => {
    const path = join(tempDir(), 't.xlsx');
    const book = await XlsxWriter.create(path);
    const sheet = await book.sheet('S', { columns: [{ kind: 'text', width: 10 }] });
    const texts = ['LA In Touch ', ' lead', 'two\nlines', 'A & B <c> "d"', '_x0041_ stays', '‘Missing’'];
    for (const t of texts) await sheet.row([t]);
    await sheet.close();
    await book.finish();
    const xml = await sheetXml(path);
    expect(xml).toContain('<t xml:space="preserve">LA In Touch </t>');
    expect(xml).toContain('<t xml:space="preserve"> lead</t>');
    expect(xml).toContain('<t>A &amp; B &lt;c&gt; &quot;d&quot;</t>');
    expect(xml).toContain('<t>_x005F_x0041_ stays</t>');
    const back = (await readBack(path)).get('S')!.rows.map((r) => r[0]);
    // exceljs does not undo Excel's _xHHHH_ escape (Excel and LibreOffice do): everything else comes back as written.
    expect(back).toEqual(texts.map((t) => t.replace('_x0041_', '_x005F_x0041_')));
  });

  it('writes control characters XML cannot hold as Excel’s escapes, never as broken XML', () => {
    expect(escapeXml('a\u0001b\u000Bc')).toBe('a_x0001_b_x000B_c');
    expect(escapeXml('tab\tand\r\nnewline')).toBe('tab\tand\r\nnewline');
    expect(escapeXml('lone \uD800 surrogate')).toBe('lone \uFFFD surrogate');
    expect(escapeXml('pair 😀 fine')).toBe('pair 😀 fine');
  });

  it('writes real dates from 1 March 1900 and keeps anything else as text', async () => {
    expect(excelSerial('1900-03-01')).toBe(61);
    expect(excelSerial('2024-02-29')).toBe(45351);
    expect(excelSerial('2023-02-29')).toBeNull();
    expect(excelSerial('1900-01-15')).toBeNull();
    expect(excelSerial('29/02/2024')).toBeNull();
    const path = join(tempDir(), 't.xlsx');
    const book = await XlsxWriter.create(path);
    const sheet = await book.sheet('S', { columns: [{ kind: 'date', width: 12 }, { kind: 'number', width: 8 }, { kind: 'id', width: 8 }] });
    await sheet.row(['2024-02-29', '7', 123]);
    await sheet.row(['not known', 'seven', '0042']);
    await sheet.close();
    await book.finish();
    expect((await readBack(path)).get('S')!.rows).toEqual([
      ['2024-02-29', 7, '123'],
      ['not known', 'seven', '0042'],
    ]);
  });

  it('names columns as Excel does', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('refuses sheet names Excel would refuse', async () => {
    const book = await XlsxWriter.create(join(tempDir(), 't.xlsx'));
    await expect(book.sheet('a/b', { columns: [] })).rejects.toThrow(/sheet name/u);
    await expect(book.sheet('x'.repeat(32), { columns: [] })).rejects.toThrow(/sheet name/u);
    const s = await book.sheet('List_1', { columns: [] });
    await s.close();
    await expect(book.sheet('list_1', { columns: [] })).rejects.toThrow(/Two sheets/u);
    await book.abort();
  });
});

import { describe, expect, it } from 'vitest';
import { csvRecords, detectDelimiter, readCsv } from '../../../../core/annexa/read/csv.ts';
import type { SourceRow, SourceTable } from '../../../../core/annexa/model.ts';
import { encodeAs } from '../../../fixtures/encodings/encode.ts';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const withBom = (bom: number[], body: Uint8Array) => new Uint8Array([...bom, ...body]);
const utf16le = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));
const utf16be = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le').swap16());

async function rowsOf(table: SourceTable | null): Promise<SourceRow[]> {
  if (!table) throw new Error('no table');
  const rows: SourceRow[] = [];
  for await (const row of table.rows) rows.push(row);
  return rows;
}

function read(bytes: Uint8Array) {
  return readCsv(bytes, { file: '/tmp/contacts.csv', source: 'contacts.csv' });
}

const HEADER = ['Person ID', 'DOB', 'Sex', 'Contact Date', 'Contact Source'];
const LINES = [HEADER, ['123456.0', '1/3/14', 'M', '2024-03-01 00:00:00', 'Police, local'], ['234567', 'NULL', 'F', '01/03/2024', 'Zoë’s school']];

/** The same table written with a delimiter, quoting fields that hold it. */
function csv(delimiter: string, lines = LINES, eol = '\r\n'): string {
  const q = (v: string) => (v.includes(delimiter) || v.includes('"') || v.includes('\n') ? `"${v.replaceAll('"', '""')}"` : v);
  return lines.map((l) => l.map(q).join(delimiter)).join(eol) + eol;
}

describe('CSV delimiters', () => {
  it.each([
    [',', 'comma'],
    [';', 'semicolon'],
    ['\t', 'tab'],
    ['|', 'pipe'],
  ])('reads %j (%s) separated files', async (delimiter) => {
    const result = read(utf8(csv(delimiter)));
    expect(result.delimiter).toBe(delimiter);
    expect(result.table?.headers).toEqual(HEADER);
    expect((await rowsOf(result.table)).map((r) => r.cells)).toEqual([LINES[1], LINES[2]]);
  });

  it('is not fooled by commas inside unquoted values of a semicolon file', () => {
    const text = 'Person ID;Worker;Team\n1;Smith, Jo;North\n2;Khan, Ali;South\n3;Jones;East\n';
    expect(detectDelimiter(text)).toBe(';');
  });

  it('is not fooled by a title line with no delimiter above a tab-separated header', () => {
    expect(detectDelimiter('Contacts, last six months\nPerson ID\tDOB\tSex\n1\t2\t3\n4\t5\t6\n')).toBe('\t');
  });
});

describe('CSV encodings', () => {
  const text = csv(',');
  it.each([
    ['UTF-8 without a BOM', utf8(text)],
    ['UTF-8 with a BOM', withBom([0xef, 0xbb, 0xbf], utf8(text))],
    ['UTF-16 LE with a BOM', withBom([0xff, 0xfe], utf16le(text))],
    ['UTF-16 BE with a BOM', withBom([0xfe, 0xff], utf16be(text))],
    ['UTF-16 LE without a BOM', utf16le(text)],
  ])('reads %s, the BOM never part of the first header', async (_name, bytes) => {
    const result = read(bytes);
    expect(result.table?.headers[0]).toBe('Person ID');
    expect((await rowsOf(result.table))[1].cells[4]).toBe('Zoë’s school');
  });

  it('reads Windows-1252 (curly apostrophes, accents, pound signs) from an old system', async () => {
    const body = 'Person ID;Worker;Organisation\n1;Zoë O’Neill;St Mary’s Café\n2;Renée Dubois;Budget £825\n';
    const result = read(encodeAs(body, 'windows-1252'));
    expect(result.encoding).toBe('windows-1252');
    expect((await rowsOf(result.table)).map((r) => r.cells)).toEqual([
      ['1', 'Zoë O’Neill', 'St Mary’s Café'],
      ['2', 'Renée Dubois', 'Budget £825'],
    ]);
  });
});

describe('CSV rows and row numbers', () => {
  it('finds the header below title lines and numbers rows as a spreadsheet shows them', async () => {
    const text = 'List 1: Contacts\nProduced 01/03/2025\n\nPerson ID,DOB,Sex\n1,1/3/14,M\n2,2/3/14,F\n';
    const result = read(utf8(text));
    expect(result.table?.headerRow).toBe(4);
    expect(result.table?.headers).toEqual(['Person ID', 'DOB', 'Sex']);
    expect((await rowsOf(result.table)).map((r) => r.row)).toEqual([5, 6]);
  });

  it('keeps a quoted line break inside one row, so later rows keep their spreadsheet numbers', async () => {
    const text = 'Person ID,Team,Worker\n1,"Safeguarding 2\n(duty)",Jo\n2,North,"Ali ""AJ"" Khan"\n';
    const rows = await rowsOf(read(utf8(text)).table);
    expect(rows).toEqual([
      { row: 2, cells: ['1', 'Safeguarding 2\n(duty)', 'Jo'] },
      { row: 3, cells: ['2', 'North', 'Ali "AJ" Khan'] },
    ]);
  });

  it('skips blank lines (their numbers stay unused), pads short rows and keeps long ones', async () => {
    const text = 'Person ID,DOB,Sex\n1,1/3/14\n\n,,\n2,2/3/14,F,extra\n';
    const result = read(utf8(text));
    expect(await rowsOf(result.table)).toEqual([
      { row: 2, cells: ['1', '1/3/14', null] },
      { row: 5, cells: ['2', '2/3/14', 'F', 'extra'] },
    ]);
  });

  it('keeps values as the raw text in the file; an empty field is null', async () => {
    const [row] = await rowsOf(read(utf8('Person ID,DOB,Age,Note\n123456.0,NULL,,  \n')).table);
    expect(row.cells).toEqual(['123456.0', 'NULL', null, '  ']);
  });

  it('reads \\r\\n, \\n and old Mac \\r line endings, mixed in one file', () => {
    const records = [...csvRecords('a,b\r\n1,2\n3,4\r5,6', ',')];
    expect(records.map((r) => r.cells)).toEqual([['a', 'b'], ['1', '2'], ['3', '4'], ['5', '6']]);
  });

  it('is lenient as Excel is: stray quotes inside a value, text after a closing quote, an unclosed quote', () => {
    expect([...csvRecords('O"Brien,"ab"c,x\n', ',')][0].cells).toEqual(['O"Brien', 'abc', 'x']);
    expect([...csvRecords('1,"never closed\n2,3\n', ',')][0].cells).toEqual(['1', 'never closed\n2,3\n']);
    expect([...csvRecords('1,2,', ',')][0].cells).toEqual(['1', '2', null]);
  });

  it('can be read again: each read starts from the top', async () => {
    const table = read(utf8(csv(','))).table;
    expect(await rowsOf(table)).toEqual(await rowsOf(table));
  });

  it('finds no table in a file without a header row', () => {
    expect(read(utf8('just one line of prose\n')).table).toBeNull();
    expect(read(utf8('1,2,3\n4,5,6\n')).table).toBeNull();
    expect(read(utf8('\n\n')).table).toBeNull();
  });
});

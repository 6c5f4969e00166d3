import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { MAX_LINK_LENGTH, MAX_LINKS, relativeLinkTarget, XlsxWriter } from '../../../core/xlsx/xlsx-writer.ts';
import type { CellInput } from '../../../core/xlsx/xlsx-writer.ts';
import { tempDir } from '../../helpers/temp.ts';

function parts(path: string): Record<string, string> {
  const entries = unzipSync(new Uint8Array(readFileSync(path)));
  return Object.fromEntries(Object.entries(entries).map(([name, bytes]) => [name, Buffer.from(bytes).toString('utf8')]));
}

interface Relationship {
  Id: string;
  Type: string;
  Target: string;
  TargetMode?: string;
}

/** Parses a relationships part with a strict XML parser (throws on anything malformed). */
function relationships(xml: string): Relationship[] {
  const parser = new SaxesParser({ xmlns: true });
  const out: Relationship[] = [];
  let root = '';
  parser.on('opentag', (tag) => {
    if (root === '') root = `${tag.uri} ${tag.local}`;
    if (tag.local === 'Relationship') {
      out.push(Object.fromEntries(Object.entries(tag.attributes).map(([k, a]) => [k, a.value])) as unknown as Relationship);
    }
  });
  parser.write(xml).close();
  expect(root).toBe('http://schemas.openxmlformats.org/package/2006/relationships Relationships');
  return out;
}

/** Every element of a sheet, checked well-formed, with the order its top-level parts come in. */
function sheetParts(xml: string): string[] {
  const parser = new SaxesParser({ xmlns: true });
  const order: string[] = [];
  let depth = 0;
  parser.on('opentag', (tag) => {
    if (depth === 1) order.push(tag.local);
    depth += 1;
  });
  parser.on('closetag', () => {
    depth -= 1;
  });
  parser.write(xml).close();
  return order;
}

async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

describe('relativeLinkTarget', () => {
  it('percent-encodes a path as Excel writes a relative link: spaces, %, #, brackets; letters beyond ASCII kept', () => {
    expect(relativeLinkTarget('evidence/1 Leadership/Plan (2).pdf')).toBe('evidence/1%20Leadership/Plan%20(2).pdf');
    expect(relativeLinkTarget('100% #1 [draft] {x}^`.pdf')).toBe('100%25%20%231%20%5Bdraft%5D%20%7Bx%7D%5E%60.pdf');
    // A name that looks encoded already stays the name it is.
    expect(relativeLinkTarget('a%20b.pdf')).toBe('a%2520b.pdf');
    expect(relativeLinkTarget('Café – ‘plan’ 😀.docx')).toBe('Café%20–%20‘plan’%20😀.docx');
    expect(relativeLinkTarget("Tom & Jerry's, +1; =2 ~$.xlsx")).toBe("Tom%20&%20Jerry's,%20+1;%20=2%20~$.xlsx");
    expect(relativeLinkTarget('../other/x.pdf')).toBe('../other/x.pdf');
  });

  it('refuses what would not travel with the folder: drives, shares, URLs, backslashes, a leading /', () => {
    for (const bad of ['', '/etc/passwd', 'C:/x.pdf', 'c:x.pdf', 'C:\\x.pdf', '\\\\server\\share\\x.pdf', 'a\\b.pdf', 'https://example.com/x', 'file:///x', 'mailto:a@b']) {
      expect(() => relativeLinkTarget(bad), bad).toThrow(/Not a relative path/u);
    }
  });
});

describe('XlsxWriter links', () => {
  it('writes a link as Excel does: hyperlinks after autoFilter and mergeCells, a sheet relationship, the Hyperlink style', async () => {
    const path = join(tempDir(), 't.xlsx');
    const book = await XlsxWriter.create(path);
    const sheet = await book.sheet('Links', {
      columns: [
        { kind: 'text', width: 10 },
        { kind: 'text', width: 40 },
      ],
      frozenRows: 1,
      autoFilterRow: 1,
      merges: ['A10:B10'],
    });
    await sheet.row(['Name', 'File'], { style: 'header' });
    await sheet.row(['plan', { text: 'evidence/1 Leadership/Plan (2).pdf', link: 'evidence/1 Leadership/Plan (2).pdf' }]);
    await sheet.row(['hostile', { text: `<&>"' =HYPERLINK("x")`, link: "evidence/Tom & Jerry's #1.pdf" }]);
    await sheet.row(['no link', 'evidence/plain.pdf']);
    await sheet.row(['empty text', { text: '', link: 'evidence/shown.pdf' }]);
    expect(sheet.linkCount).toBe(3);
    await sheet.close();
    const other = await book.sheet('No links', { columns: [{ kind: 'text', width: 10 }] });
    await other.row(['x']);
    await other.close();
    await book.finish();

    const xml = parts(path);
    const sheetXml = xml['xl/worksheets/sheet1.xml'];
    expect(sheetParts(sheetXml)).toEqual(['sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'autoFilter', 'mergeCells', 'hyperlinks', 'pageMargins']);
    expect(sheetXml).toContain('<hyperlinks><hyperlink ref="B2" r:id="rId1"/><hyperlink ref="B3" r:id="rId2"/><hyperlink ref="B5" r:id="rId3"/></hyperlinks>');
    const rels = relationships(xml['xl/worksheets/_rels/sheet1.xml.rels']);
    expect(rels).toEqual([
      { Id: 'rId1', Type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink', Target: 'evidence/1%20Leadership/Plan%20(2).pdf', TargetMode: 'External' },
      { Id: 'rId2', Type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink', Target: "evidence/Tom%20&%20Jerry's%20%231.pdf", TargetMode: 'External' },
      { Id: 'rId3', Type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink', Target: 'evidence/shown.pdf', TargetMode: 'External' },
    ]);
    // A sheet without links has no relationships part and no hyperlinks element.
    expect(xml['xl/worksheets/_rels/sheet2.xml.rels']).toBeUndefined();
    expect(xml['xl/worksheets/sheet2.xml']).not.toContain('hyperlink');
    // Text is never a formula.
    expect(sheetXml).not.toContain('<f>');

    const workbook = await readWorkbook(path);
    const ws = workbook.getWorksheet('Links')!;
    expect(ws.getCell('B2').value).toEqual({ text: 'evidence/1 Leadership/Plan (2).pdf', hyperlink: 'evidence/1%20Leadership/Plan%20(2).pdf' });
    expect(ws.getCell('B3').value).toEqual({ text: `<&>"' =HYPERLINK("x")`, hyperlink: "evidence/Tom%20&%20Jerry's%20%231.pdf" });
    expect(ws.getCell('B4').value).toBe('evidence/plain.pdf');
    expect(ws.getCell('B5').value).toEqual({ text: 'evidence/shown.pdf', hyperlink: 'evidence/shown.pdf' });
    expect(ws.getCell('B2').font).toMatchObject({ underline: true, color: { argb: 'FF0563C1' } });
    expect(ws.getCell('A2').font?.underline).toBeFalsy();
    expect(ws.autoFilter).toBe('A1:B5');
  });

  it('writes thousands of links, one a row, across sheets, each sheet numbering its own relationships', async () => {
    const path = join(tempDir(), 't.xlsx');
    const book = await XlsxWriter.create(path);
    const rows = 12_000; // enough for the hyperlinks element and the relationships to be written in several pieces
    for (const name of ['First', 'Second']) {
      const sheet = await book.sheet(name, { columns: [{ kind: 'number', width: 8 }, { kind: 'text', width: 40 }] });
      for (let i = 1; i <= rows; i++) await sheet.row([i, { text: `File ${i}`, link: `evidence/${name} folder/file ${i}.pdf` }]);
      expect(sheet.linkCount).toBe(rows);
      expect(sheet.linksLeftOut).toBe(0);
      await sheet.close();
    }
    await book.finish();

    const xml = parts(path);
    for (const [n, name] of [
      [1, 'First'],
      [2, 'Second'],
    ] as const) {
      const rels = relationships(xml[`xl/worksheets/_rels/sheet${n}.xml.rels`]);
      expect(rels).toHaveLength(rows);
      expect(rels[rows - 1]).toMatchObject({ Id: `rId${rows}`, Target: `evidence/${name}%20folder/file%20${rows}.pdf` });
      expect(sheetParts(xml[`xl/worksheets/sheet${n}.xml`])).toContain('hyperlinks');
    }
    const workbook = await readWorkbook(path);
    for (const name of ['First', 'Second']) {
      const ws = workbook.getWorksheet(name)!;
      for (const i of [1, 2, 777, rows]) {
        expect(ws.getCell(`B${i}`).value).toEqual({ text: `File ${i}`, hyperlink: `evidence/${name}%20folder/file%20${i}.pdf` });
      }
      let links = 0;
      ws.eachRow((row) => {
        if (row.getCell(2).hyperlink) links += 1;
      });
      expect(links).toBe(rows);
    }
  });

  it('writes links past what Excel holds, or too long for it, as plain text and counts them', async () => {
    const path = join(tempDir(), 't.xlsx');
    const book = await XlsxWriter.create(path);
    const sheet = await book.sheet('S', { columns: [{ kind: 'text', width: 40 }] });
    await sheet.row([{ text: 'too long', link: `${'a'.repeat(MAX_LINK_LENGTH - 4)}.pdf` }]);
    await sheet.row([{ text: 'too long once encoded', link: `${' '.repeat(MAX_LINK_LENGTH)}.pdf` }]);
    for (let i = 0; i < MAX_LINKS + 1; i++) await sheet.row([{ text: `f${i}`, link: `f${i}.pdf` }]);
    expect(sheet.linkCount).toBe(MAX_LINKS);
    // The second row, and the last two of the loop once the sheet holds MAX_LINKS.
    expect(sheet.linksLeftOut).toBe(3);
    await sheet.close();
    await book.finish();

    const xml = parts(path);
    expect(relationships(xml['xl/worksheets/_rels/sheet1.xml.rels'])).toHaveLength(MAX_LINKS);
    const ws = (await readWorkbook(path)).getWorksheet('S')!;
    expect(ws.getCell('A1').hyperlink).toBe(`${'a'.repeat(MAX_LINK_LENGTH - 4)}.pdf`);
    expect(ws.getCell('A2').value).toBe('too long once encoded');
    // Loop row i is row i + 3.
    expect(ws.getCell(`A${MAX_LINKS + 1}`).value).toEqual({ text: `f${MAX_LINKS - 2}`, hyperlink: `f${MAX_LINKS - 2}.pdf` });
    expect(ws.getCell(`A${MAX_LINKS + 2}`).value).toBe(`f${MAX_LINKS - 1}`);
    expect(ws.getCell(`A${MAX_LINKS + 3}`).value).toBe(`f${MAX_LINKS}`);
  });

  it('refuses a link that is not a relative path', async () => {
    const book = await XlsxWriter.create(join(tempDir(), 't.xlsx'));
    const sheet = await book.sheet('S', { columns: [{ kind: 'text', width: 10 }] });
    const cell: CellInput = { text: 'x', link: 'C:\\Windows\\x.exe' };
    await expect(sheet.row([cell])).rejects.toThrow(/Not a relative path/u);
    await book.abort();
  });
});

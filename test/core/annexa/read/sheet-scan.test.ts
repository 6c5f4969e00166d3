import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SheetScanner, columnOf } from '../../../../core/annexa/read/sheet-scan.ts';
import { ExtractError } from '../../../../core/extract/types.ts';
import { attribute, createXmlStream } from '../../../../core/extract/xml.ts';
import { generate } from '../../../../bench/annexa-generate.ts';
import { tempDir } from '../../../helpers/temp.ts';

const FIXTURE = join(import.meta.dirname, '../../../fixtures/annexa/import/ofsted-layout-sample.xlsx');
const enc = (text: string) => new TextEncoder().encode(text);

type Event = ['row', number | null] | ['cell', number, string, number, string] | ['end'];

/** What the scanner reports, fed in chunks of `size` bytes. */
function scan(bytes: Uint8Array, size = bytes.length): Event[] {
  const events: Event[] = [];
  const scanner = new SheetScanner('sheet.xml', {
    row: (r) => events.push(['row', r]),
    cell: (column, type, style, text) => events.push(['cell', column, type, style, text]),
    rowEnd: () => events.push(['end']),
  });
  for (let i = 0; i < bytes.length; i += size) scanner.write(bytes.subarray(i, i + size));
  scanner.end();
  return events;
}

/** The same events from saxes (core/extract/xml.ts), the general parser the scanner stands in for. */
function reference(bytes: Uint8Array): Event[] {
  const events: Event[] = [];
  let inSheet = false;
  let cell: { column: number; type: string; style: number; text: string } | null = null;
  let capturing = false;
  let inline = false;
  let phonetic = 0;
  const xml = createXmlStream('sheet.xml', {
    open(name, attrs) {
      if (name === 'sheetData') inSheet = true;
      if (!inSheet) return;
      if (name === 'row') {
        const r = Number(attribute(attrs, 'r'));
        events.push(['row', Number.isInteger(r) && r > 0 ? r : null]);
      } else if (name === 'c') {
        const ref = attrs.r;
        cell = { column: ref ? columnOf(ref) : -1, type: attrs.t ?? 'n', style: Number(attrs.s ?? 0) || 0, text: '' };
      } else if (name === 'v' && cell && !inline) capturing = true;
      else if (name === 'is') inline = true;
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && inline && phonetic === 0) capturing = true;
    },
    close(name) {
      if (name === 'sheetData') inSheet = false;
      if (!inSheet) return;
      if (name === 'v' || name === 't') capturing = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'is') inline = false;
      else if (name === 'c' && cell) {
        events.push(['cell', cell.column, cell.type, cell.style, cell.text]);
        cell = null;
        capturing = false;
      } else if (name === 'row') events.push(['end']);
    },
    text(text) {
      if (capturing && cell) cell.text += text;
    },
  });
  xml.write(bytes);
  xml.close();
  return events;
}

const sheet = (data: string) => enc(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data}</sheetData></worksheet>`);

describe('the worksheet scanner', () => {
  it('gives up on a comment that never ends, at once, instead of searching the growing text with every chunk', () => {
    const bytes = enc(`<worksheet><sheetData><row r="1"><!-- ${'x'.repeat(6 * 1024 * 1024)}`);
    expect(() => scan(bytes, 64 * 1024)).toThrow(/never ends/u);
  });

  it('reports exactly what saxes reports, on every sheet of a workbook Excel wrote', () => {
    const parts = unzipSync(readFileSync(FIXTURE), { filter: (f) => f.name.startsWith('xl/worksheets/sheet') });
    expect(Object.keys(parts).length).toBe(15);
    for (const bytes of Object.values(parts)) expect(scan(bytes)).toEqual(reference(bytes));
  });

  it('reports exactly what saxes reports on a generated workbook, fed in any chunk size', async () => {
    const made = await generate(tempDir(), { children: 150, seed: 3, format: 'xlsx' });
    const parts = unzipSync(readFileSync(made.files[0]), { filter: (f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f.name) });
    for (const bytes of Object.values(parts)) {
      const expected = reference(bytes);
      expect(scan(bytes)).toEqual(expected);
      expect(scan(bytes, 7)).toEqual(expected);
    }
  });

  it('handles the XML a worksheet may hold: entities, CDATA, comments, prefixes, quoting, rich text', () => {
    const xml = sheet(
      '<!-- a comment with <row> in it --><?pi ignored?>' +
        `<x:row r='2' spans="1:3" ht=">"><x:c r="B2" t='inlineStr'><x:is><x:r><x:t>Tom &amp; Jerry &#8217;s &#x41;</x:t></x:r><x:rPh><x:t>ignored</x:t></x:rPh></x:is></x:c>` +
        '<c r="C2" s="3"><f>SUM(A1:A2)&gt;0</f><v><![CDATA[12<3]]></v></c><c r="D2"/><c r="E2" t="s"><v>4</v></c><c r="F2" t="str"><v>Tom &amp; Jerry\r\n</v></c></x:row>' +
        '<row r="3"/><rowBreaks count="1"/>',
    );
    const events = scan(xml);
    expect(events).toEqual([
      ['row', 2],
      ['cell', 1, 'inlineStr', 0, 'Tom & Jerry ’s A'],
      ['cell', 2, 'n', 3, '12<3'],
      ['cell', 3, 'n', 0, ''],
      ['cell', 4, 's', 0, '4'],
      ['cell', 5, 'str', 0, 'Tom & Jerry\n'],
      ['end'],
      ['row', 3],
      ['end'],
    ]);
    expect(scan(xml, 1)).toEqual(events);
  });

  it('refuses what saxes refuses: undefined entities, a DOCTYPE (no entity is ever expanded), a sheet cut short', () => {
    expect(() => scan(sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>'))).toThrow(/undefined entity/);
    const doctype = enc('<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaa">]><worksheet><sheetData><row><c><v>&a;</v></c></row></sheetData></worksheet>');
    expect(() => scan(doctype)).toThrow(ExtractError);
    expect(() => scan(enc('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c>'))).toThrow(/ends before its last row/);
  });

  it('reads column references', () => {
    expect([columnOf('A1'), columnOf('Z9'), columnOf('AA10'), columnOf('XFD1048576'), columnOf('12')]).toEqual([0, 25, 26, 16383, -1]);
  });
});

/**
 * What the two public sample Annex A workbooks contain (../shared/reference/annexa-samples: fake
 * data in Ofsted's August 2019 layout), as a small fixture the unit tests can read on a fresh clone
 * that has no ../shared:
 *
 *   npx node scripts/annexa-samples.ts [folder]   # writes test/fixtures/annexa/samples.json
 *
 * Kept: every row of the List_1 … List_11 sheets (title, headers, data) and of Codes_used (each
 * code set's header, preferred codes, their details and Ofsted's groupings). Not kept: the guidance
 * prose, which the tests do not need. `npm run test:corpus` checks the fixture still matches the
 * workbooks.
 *
 * Cells are kept as the workbook stores them (a date is its serial number, as text), because the
 * tests ask what the spec must recognise, not what a reader makes of it.
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync, strFromU8 } from 'fflate';
import { SaxesParser } from 'saxes';

export const FIXTURE = fileURLToPath(new URL('../test/fixtures/annexa/samples.json', import.meta.url));
export const SAMPLES_DIR = fileURLToPath(new URL('../../shared/reference/annexa-samples/', import.meta.url));

export interface SampleSheet {
  name: string;
  /** Rows as the sheet numbers them (1-based); each row's cells from column A, '' for an empty cell. */
  rows: { row: number; cells: string[] }[];
}

export interface SampleWorkbook {
  file: string;
  sheets: SampleSheet[];
}

export interface SamplesFixture {
  note: string;
  workbooks: SampleWorkbook[];
}

/** Sheets worth keeping: the lists (`List_1`, or `List 3` as one sample names it) and the code sets. */
const KEEP = /^(List[ _]\d+|Codes_used)$/u;

function parseXml(xml: string, onOpen: (name: string, attrs: Record<string, string>) => void, onClose: (name: string) => void, onText: (text: string) => void): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const local = (name: string) => name.slice(name.indexOf(':') + 1);
  parser.on('opentag', (tag) => onOpen(local(tag.name), tag.attributes as Record<string, string>));
  parser.on('closetag', (tag) => onClose(local(tag.name)));
  parser.on('text', onText);
  parser.write(xml).close();
}

/** "AB12" → 27 (0-based column index 27). */
function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/u.exec(ref)?.[0] ?? 'A';
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function sharedStrings(files: Record<string, Uint8Array>): string[] {
  const part = files['xl/sharedStrings.xml'];
  if (!part) return [];
  const out: string[] = [];
  let current: string | null = null;
  let inText = false;
  let inPhonetic = false;
  parseXml(
    strFromU8(part),
    (name) => {
      if (name === 'si') current = '';
      else if (name === 'rPh') inPhonetic = true;
      else if (name === 't' && !inPhonetic) inText = true;
    },
    (name) => {
      if (name === 'si') {
        out.push(current ?? '');
        current = null;
      } else if (name === 'rPh') inPhonetic = false;
      else if (name === 't') inText = false;
    },
    (text) => {
      if (inText && current !== null) current += text;
    },
  );
  return out;
}

function sheetRows(xml: string, strings: string[]): SampleSheet['rows'] {
  const rows: SampleSheet['rows'] = [];
  let row: { row: number; cells: string[] } | null = null;
  let cell: { index: number; type: string } | null = null;
  let value = '';
  let inValue = false;
  parseXml(
    xml,
    (name, attrs) => {
      if (name === 'row') row = { row: Number(attrs.r), cells: [] };
      else if (name === 'c') {
        cell = { index: columnIndex(attrs.r ?? ''), type: attrs.t ?? 'n' };
        value = '';
      } else if ((name === 'v' || name === 't') && cell) inValue = true;
    },
    (name) => {
      if (name === 'v' || name === 't') inValue = false;
      else if (name === 'c' && cell && row) {
        const text = cell.type === 's' ? (strings[Number(value)] ?? '') : value;
        if (text !== '') {
          while (row.cells.length < cell.index) row.cells.push('');
          row.cells[cell.index] = text;
        }
        cell = null;
      } else if (name === 'row' && row) {
        if (row.cells.length) rows.push(row);
        row = null;
      }
    },
    (text) => {
      if (inValue) value += text;
    },
  );
  return rows;
}

export function readSampleWorkbook(path: string): SampleWorkbook {
  const files = unzipSync(readFileSync(path));
  const strings = sharedStrings(files);
  const targets = new Map<string, string>();
  parseXml(strFromU8(files['xl/_rels/workbook.xml.rels']), (name, attrs) => {
    if (name === 'Relationship') targets.set(attrs.Id, attrs.Target.replace(/^\/?(xl\/)?/u, 'xl/'));
  }, () => {}, () => {});
  const sheets: SampleSheet[] = [];
  parseXml(strFromU8(files['xl/workbook.xml']), (name, attrs) => {
    if (name !== 'sheet' || !KEEP.test(attrs.name)) return;
    const rel = Object.entries(attrs).find(([k]) => k.endsWith(':id'))?.[1] ?? '';
    const part = files[targets.get(rel) ?? ''];
    if (!part) throw new Error(`${basename(path)}: sheet ${attrs.name} has no part`);
    sheets.push({ name: attrs.name, rows: sheetRows(strFromU8(part), strings) });
  }, () => {}, () => {});
  return { file: basename(path), sheets };
}

export function readSamples(dir: string): SamplesFixture {
  const files = readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort();
  if (!files.length) throw new Error(`No .xlsx files in ${dir}`);
  return {
    note: 'Made by scripts/annexa-samples.ts from the public sample Annex A workbooks (fake data, Ofsted August 2019 layout; CSCDP/sfdata-annexa-clean examples, MIT). Do not edit by hand.',
    workbooks: files.map((f) => readSampleWorkbook(join(dir, f))),
  };
}

/** The fixture as JSON with one sheet row per line, so a change to the samples reads well in a diff. */
export function fixtureText(fixture: SamplesFixture): string {
  const j = (v: unknown) => JSON.stringify(v);
  const sheet = (s: SampleSheet) =>
    `      { "name": ${j(s.name)}, "rows": [\n${s.rows.map((r) => `        ${j(r)}`).join(',\n')}\n      ] }`;
  const book = (w: SampleWorkbook) => `    { "file": ${j(w.file)}, "sheets": [\n${w.sheets.map(sheet).join(',\n')}\n    ] }`;
  return `{\n  "note": ${j(fixture.note)},\n  "workbooks": [\n${fixture.workbooks.map(book).join(',\n')}\n  ]\n}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ? resolve(process.argv[2]) : SAMPLES_DIR;
  const fixture = readSamples(dir);
  mkdirSync(dirname(FIXTURE), { recursive: true });
  writeFileSync(FIXTURE, fixtureText(fixture));
  console.log(`Wrote ${FIXTURE}: ${fixture.workbooks.map((w) => `${w.file} (${w.sheets.length} sheets)`).join(', ')}`);
}

/**
 * `node bench/annexa-read.ts [folder] [--children 50000] [--runs 2] [--seed 1] [--readers ours,saxes,exceljs] [--json]`
 *
 * How fast Annex A extracts are read and recognised: the 113,000-row set of
 * bench/annexa-generate.ts (made in `folder`, default .bench/annexa-<children>, when not there yet)
 * as eleven CSV files and as one workbook in Ofsted's layout. Each run is its own process, so its
 * peak RSS is its own; every run reads every file, recognises every table (2024 spec) and reads
 * every row of every recognised list.
 *
 * Readers of the workbook, to choose between them:
 * - `ours`: core/annexa/read (zip-stream.ts's inflateEntry + sheet-scan.ts), what the app uses;
 * - `saxes`: the same, but each worksheet parsed by saxes through core/extract/xml.ts (the text
 *   extractor's pieces as they are), pushed whole sheet by sheet;
 * - `exceljs`: exceljs's streaming WorkbookReader (shared strings and styles cached, for dates).
 * CSV is read by core/annexa/read/csv.ts; `csv-parse` times the csv-parse package (its stream API,
 * as the app would have to use it to hand rows out one at a time) on the same decoded text and
 * delimiter, for the choice made there.
 * Before timing, each reader's rows are compared with ours on the sample-layout fixture and on the
 * generated workbook: a reader that disagrees is reported, not timed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type ExcelJS from 'exceljs';
import { readSources } from '../core/annexa/read/index.ts';
import { findHeaderRow, headerTexts, isBlankRow } from '../core/annexa/read/header.ts';
import { columnOf } from '../core/annexa/read/sheet-scan.ts';
import type { RawCell, SourceRow } from '../core/annexa/model.ts';
import { recogniseHeaders, recogniseSources } from '../core/annexa/recognise.ts';
import { DEFAULT_LIMITS } from '../core/extract/types.ts';
import { dateFormatOf, serialToDate } from '../core/extract/xlsx-format.ts';
import type { DateFormat } from '../core/extract/xlsx-format.ts';
import { attribute, parseXml } from '../core/extract/xml.ts';
import { readZipEntries } from '../core/extract/zip.ts';
import { parseZipXml, readZipDirectory } from '../core/extract/zip-stream.ts';
import { annexASpec, DEFAULT_ANNEX_A_SPEC_ID } from '../shared/annexa/index.ts';
import type { AnnexASpec } from '../shared/annexa/index.ts';

const SPEC = annexASpec(DEFAULT_ANNEX_A_SPEC_ID) as AnnexASpec;
const FIXTURE = resolve(import.meta.dirname, '../test/fixtures/annexa/import/ofsted-layout-sample.xlsx');

interface Sheet {
  name: string;
  rows: SourceRow[];
}

// ---------------------------------------------------------------------------------------------
// The readers, each giving every non-blank row of every sheet

/** Worksheets through saxes: the general XML parser of core/extract, a whole sheet at a time. */
function* saxesSheets(file: string): Generator<Sheet> {
  const bytes = new Uint8Array(readFileSync(file));
  const entries = readZipEntries(bytes, DEFAULT_LIMITS, (n) => /\.rels$|workbook\.xml$|styles\.xml$/.test(n));
  const directory = readZipDirectory(bytes);
  const strings: string[] = [];
  let si: string | null = null;
  let inT = false;
  parseZipXml(bytes, directory, 'xl/sharedStrings.xml', DEFAULT_LIMITS, {
    open: (n) => ((si = n === 'si' ? '' : si), (inT = n === 't' ? true : inT)),
    close: (n) => (n === 'si' && si !== null ? (strings.push(si), (si = null)) : n === 't' ? (inT = false) : undefined),
    text: (t) => (inT && si !== null ? (si += t) : undefined),
  });
  const ids: number[] = [];
  const custom = new Map<number, string>();
  let inXfs = false;
  parseXml(entries.get('xl/styles.xml') ?? new Uint8Array(), 'styles', {
    open(n, a) {
      if (n === 'numFmt') custom.set(Number(attribute(a, 'numFmtId')), attribute(a, 'formatCode') ?? '');
      else if (n === 'cellXfs') inXfs = true;
      else if (n === 'xf' && inXfs) ids.push(Number(attribute(a, 'numFmtId')));
    },
    close: (n) => (n === 'cellXfs' ? (inXfs = false) : undefined),
  });
  const dates: Array<DateFormat | null> = ids.map((id) => dateFormatOf(id, custom));
  const rels = new Map<string, string>();
  parseXml(entries.get('xl/_rels/workbook.xml.rels') as Uint8Array, 'rels', { open: (n, a) => (n === 'Relationship' ? rels.set(a.Id, a.Target) : undefined) });
  const sheets: Array<{ name: string; path: string }> = [];
  parseXml(entries.get('xl/workbook.xml') as Uint8Array, 'workbook', {
    open: (n, a) => (n === 'sheet' ? sheets.push({ name: a.name, path: `xl/${(rels.get(attribute(a, 'id') ?? '') ?? '').replace(/^\/?xl\//, '')}` }) : undefined),
  });
  for (const sheet of sheets) {
    const rows: SourceRow[] = [];
    let cells: RawCell[] = [];
    let r = 0;
    let cell: { col: number; t: string; s: number } | null = null;
    let text = '';
    let inV = false;
    parseZipXml(bytes, directory, sheet.path, DEFAULT_LIMITS, {
      open(n, a) {
        if (n === 'row') {
          r = Number(a.r) || r + 1;
          cells = [];
        } else if (n === 'c') {
          cell = { col: a.r ? columnOf(a.r) : cells.length, t: a.t ?? 'n', s: Number(a.s ?? 0) };
          text = '';
        } else if (n === 'v' || n === 't') inV = true;
      },
      close(n) {
        if (n === 'v' || n === 't') inV = false;
        else if (n === 'c' && cell) {
          let value: RawCell = text === '' ? null : text;
          if (cell.t === 's') value = strings[Number(text)] || null;
          else if (cell.t === 'n' && text !== '') {
            const format = dates[cell.s];
            value = format && format.kind !== 'time' ? serialToDate(format.kind === 'date' ? Math.floor(Number(text)) : Number(text), false) : Number(text);
          } else if (cell.t === 'b') value = text === '1';
          while (cells.length < cell.col) cells.push(null);
          if (value !== null) cells[cell.col] = value;
          cell = null;
        } else if (n === 'row' && !isBlankRow(cells)) rows.push({ row: r, cells });
      },
      text: (t) => (inV ? (text += t) : undefined),
    });
    yield { name: sheet.name, rows };
  }
}

/** exceljs's values as the cells our readers give: text, numbers, booleans, dates; errors as their text. */
function fromExcelJs(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('') || null;
    if ('error' in value) return value.error;
    if ('result' in value) return fromExcelJs(value.result as ExcelJS.CellValue);
    if ('text' in value) return fromExcelJs(value.text as ExcelJS.CellValue);
  }
  return String(value);
}

async function* exceljsSheets(file: string): AsyncGenerator<Sheet> {
  // Loaded only here, so the other readers' runs do not carry exceljs in their memory.
  const { default: excel } = await import('exceljs');
  const reader = new excel.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'emit' });
  for await (const worksheet of reader) {
    const rows: SourceRow[] = [];
    for await (const row of worksheet as unknown as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as ExcelJS.CellValue[];
      const cells: RawCell[] = [];
      for (let i = 1; i < values.length; i++) cells.push(fromExcelJs(values[i]));
      while (cells.length && cells[cells.length - 1] === null) cells.pop();
      if (!isBlankRow(cells)) rows.push({ row: row.number, cells });
    }
    yield { name: (worksheet as unknown as { name: string }).name, rows };
  }
}

type Reader = 'ours' | 'saxes' | 'exceljs';

/** Every sheet's header and data rows as one reader gives them, for comparing readers. */
async function tablesBy(reader: Reader, file: string): Promise<Array<{ name: string; headers: string[]; rows: SourceRow[] }>> {
  const out: Array<{ name: string; headers: string[]; rows: SourceRow[] }> = [];
  if (reader === 'ours') {
    const [source] = await readSources([file]);
    if (source.error) throw new Error(source.error);
    for (const table of source.tables) {
      const rows: SourceRow[] = [];
      for await (const r of table.rows) rows.push({ row: r.row, cells: trim(r.cells) });
      out.push({ name: table.sheet ?? '', headers: table.headers, rows });
    }
    return out;
  }
  const sheets = reader === 'saxes' ? saxesSheets(file) : exceljsSheets(file);
  for await (const sheet of sheets) {
    const at = findHeaderRow(sheet.rows);
    if (at === null) continue;
    out.push({ name: sheet.name, headers: headerTexts(sheet.rows[at].cells), rows: sheet.rows.slice(at + 1).map((r) => ({ row: r.row, cells: trim(r.cells) })) });
  }
  return out;
}

function trim(cells: RawCell[]): RawCell[] {
  const out = [...cells];
  while (out.length && out[out.length - 1] === null) out.pop();
  return out;
}

const same = (a: RawCell, b: RawCell) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

/** How many rows a reader gives differently from ours (0: it agrees), and the first difference. */
async function disagreement(reader: Reader, file: string): Promise<{ rows: number; first: string | null }> {
  const mine = await tablesBy('ours', file);
  const theirs = await tablesBy(reader, file);
  let rows = 0;
  let first: string | null = null;
  const note = (what: string) => {
    rows++;
    first ??= what;
  };
  // exceljs gives sheets in the zip's order rather than the tabs' order: compare by name.
  const names = (tables: typeof mine) => tables.map((t) => t.name).sort().join();
  if (names(mine) !== names(theirs)) note(`sheets ${theirs.map((t) => t.name).join()} instead of ${mine.map((t) => t.name).join()}`);
  for (const table of mine) {
    const other = theirs.find((t) => t.name === table.name);
    if (!other) continue;
    if (table.headers.join('|') !== other.headers.join('|')) note(`${table.name} headers differ`);
    table.rows.forEach((row, i) => {
      const o = other.rows[i];
      if (!o || o.row !== row.row || o.cells.length !== row.cells.length || o.cells.some((c, j) => !same(c, row.cells[j]))) {
        note(`${table.name} row ${row.row}: ${JSON.stringify(row.cells)} vs ${JSON.stringify(o)}`);
      }
    });
    if (other.rows.length > table.rows.length) note(`${table.name}: ${other.rows.length - table.rows.length} extra rows`);
  }
  return { rows, first };
}

// ---------------------------------------------------------------------------------------------
// One timed run (in its own process)

interface RunResult {
  mode: string;
  rows: number;
  lists: number;
  openSeconds: number;
  seconds: number;
  /** CPU time of the run (user + system): steadier than the clock when other work shares the machine. */
  cpuSeconds: number;
  peakRssMb: number;
  load: number;
}

async function run(mode: string, folder: string): Promise<RunResult> {
  const load = loadavg()[0];
  const cpu = process.cpuUsage();
  const started = performance.now();
  let rows = 0;
  let lists = 0;
  let opened: number;
  if (mode === 'csv-parse') {
    const { parse } = await import('csv-parse');
    const { Readable } = await import('node:stream');
    const { decodeText } = await import('../core/extract/text.ts');
    const { detectDelimiter } = await import('../core/annexa/read/csv.ts');
    const dir = join(folder, 'csv');
    for (const name of readdirSync(dir).sort()) {
      const text = decodeText(new Uint8Array(readFileSync(join(dir, name)))).text.replace(/^\ufeff/, '');
      const parser = Readable.from([text]).pipe(parse({ delimiter: detectDelimiter(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: true, record_delimiter: ['\r\n', '\n', '\r'] }));
      let records = 0;
      for await (const _record of parser) records++;
      // The header is one of the records (and the title lines above it, where there are some).
      rows += records - 1;
      lists++;
    }
    opened = started;
  } else if (mode === 'csv' || mode === 'ours') {
    const dir = join(folder, mode === 'csv' ? 'csv' : 'xlsx');
    const files = await readSources(readdirSync(dir).sort().map((f) => join(dir, f)));
    const recognised = recogniseSources(files, SPEC);
    opened = performance.now();
    for (const { table } of recognised.recognised) {
      lists++;
      for await (const _row of table.rows) rows++;
    }
  } else {
    const file = join(folder, 'xlsx', 'annex-a.xlsx');
    for await (const sheet of mode === 'saxes' ? saxesSheets(file) : exceljsSheets(file)) {
      const at = findHeaderRow(sheet.rows);
      if (at === null) continue;
      if (recogniseHeaders(headerTexts(sheet.rows[at].cells), SPEC, { sheet: true }).status !== 'recognised') continue;
      lists++;
      rows += sheet.rows.length - at - 1;
    }
    opened = started;
  }
  const ended = performance.now();
  const used = process.cpuUsage(cpu);
  return { mode, rows, lists, openSeconds: (opened - started) / 1000, seconds: (ended - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6, peakRssMb: process.resourceUsage().maxRSS / 1024, load };
}

// ---------------------------------------------------------------------------------------------

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    children: { type: 'string', default: '50000' },
    runs: { type: 'string', default: '2' },
    seed: { type: 'string', default: '1' },
    readers: { type: 'string', default: 'ours,saxes,exceljs' },
    json: { type: 'boolean', default: false },
    child: { type: 'string' },
  },
});

if (values.child) {
  process.stdout.write(JSON.stringify(await run(values.child, positionals[0])));
} else {
  const folder = resolve(positionals[0] ?? `.bench/annexa-${values.children}`);
  if (!existsSync(join(folder, 'csv')) || !existsSync(join(folder, 'xlsx'))) {
    console.log(`Generating ${values.children} children into ${folder} …`);
    const { generate } = await import('./annexa-generate.ts');
    await generate(folder, { children: Number(values.children), seed: Number(values.seed), format: 'both' });
  }
  const readers = (values.readers ?? '').split(',').filter(Boolean) as Reader[];
  const checks: Record<string, { sample: number; generated: number; first: string | null }> = {};
  for (const reader of readers.filter((r) => r !== 'ours')) {
    const sample = await disagreement(reader, FIXTURE);
    const generated = await disagreement(reader, join(folder, 'xlsx', 'annex-a.xlsx'));
    checks[reader] = { sample: sample.rows, generated: generated.rows, first: sample.first ?? generated.first };
  }
  const modes = ['csv', 'csv-parse', ...readers];
  const results: RunResult[] = [];
  for (const mode of modes) {
    if (checks[mode] && (checks[mode].sample || checks[mode].generated)) continue;
    for (let i = 0; i < Number(values.runs); i++) {
      const child = spawnSync(process.execPath, [import.meta.filename, folder, '--child', mode], { encoding: 'utf8', maxBuffer: 1 << 20 });
      if (child.status !== 0) throw new Error(`${mode} run failed: ${child.stderr}`);
      results.push(JSON.parse(child.stdout) as RunResult);
    }
  }
  if (values.json) console.log(JSON.stringify({ folder, checks, results }, null, 2));
  else {
    for (const [reader, check] of Object.entries(checks)) {
      console.log(`${reader.padEnd(8)} agrees with ours: ${check.sample === 0 && check.generated === 0 ? 'yes' : `no (${check.sample} sample rows, ${check.generated} generated rows differ; first: ${check.first})`}`);
    }
    console.log('\nreader     run  lists   rows     open s  total s   cpu s   rows/s   peak RSS  load');
    for (const r of results) {
      const label = r.mode === 'csv' ? 'csv (ours)' : r.mode === 'csv-parse' ? 'csv-parse' : `xlsx ${r.mode}`;
      console.log(
        `${label.padEnd(12)} ${String(results.filter((x) => x.mode === r.mode).indexOf(r) + 1).padEnd(3)} ${String(r.lists).padStart(5)} ${String(r.rows).padStart(7)}  ${r.openSeconds.toFixed(2).padStart(6)}  ${r.seconds.toFixed(2).padStart(7)}  ${r.cpuSeconds.toFixed(2).padStart(6)}  ${Math.round(r.rows / r.seconds).toLocaleString('en-GB').padStart(8)}  ${r.peakRssMb.toFixed(0).padStart(5)} MB  ${r.load.toFixed(2)}`,
      );
    }
  }
}

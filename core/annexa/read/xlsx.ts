/**
 * XLSX extracts and Annex A workbooks as tables: one per sheet that has a header row.
 *
 * Each sheet is parsed as it inflates and its rows are handed out one at a time (inflateEntry in core/extract/zip-stream.ts), so
 * a sheet of 100,000 rows is never held whole; only the file's bytes, the shared-strings table
 * and the cell formats stay in memory. Built on the pieces of the text extractor in core/extract
 * (zip directory, relationships, saxes XML, Excel's date formats), and measured against exceljs's
 * streaming reader in bench/annexa-read.ts.
 *
 * Cells keep their type: text (shared, inline or a formula's text result), numbers, booleans,
 * errors as their text ("#N/A"), and dates where the cell's number format is a date: a `Date` at
 * UTC midnight for a date-only format (what the cell shows, even if the serial has a time part),
 * with the time for a date-and-time format. A time of day alone stays a number: it is no date.
 * Row numbers are Excel's (`r` attribute), gaps and all; blank rows are left out.
 */
import type { ExtractLimits } from '../../extract/types.ts';
import { DEFAULT_LIMITS } from '../../extract/types.ts';
import { mainPartOf, relatedParts, relationshipId } from '../../extract/ooxml-rels.ts';
import { isoCellDate, serialToDate } from '../../extract/xlsx-format.ts';
import type { DateFormat } from '../../extract/xlsx-format.ts';
import { attribute, parseXml } from '../../extract/xml.ts';
import { readZipEntries } from '../../extract/zip.ts';
import { inflateEntry, parseZipXml, readZipDirectory } from '../../extract/zip-stream.ts';
import { RichText, readCellFormats } from '../../extract/xlsx.ts';
import type { ZipEntryInfo } from '../../extract/zip-stream.ts';
import type { RawCell, SourceRow, SourceTable } from '../model.ts';
import { ReadProblem } from './errors.ts';
import { MAX_COLUMNS, isBlankRow } from './header.ts';
import { SheetScanner } from './sheet-scan.ts';
import { tableFrom } from './table.ts';

interface Book {
  bytes: Uint8Array;
  directory: Map<string, ZipEntryInfo>;
  limits: ExtractLimits;
  sheets: Array<{ name: string; path: string | null }>;
  date1904: boolean;
  strings: string[];
  formats: Array<DateFormat | null>;
}

/** Largest serial Excel accepts (31/12/9999); beyond it a "date" cell is just a number. */
const MAX_SERIAL = 2_958_465;

/**
 * Excel writes characters XML cannot hold (and a literal `_x0041_`, as `_x005F_x0041_`) in its own
 * escape, `_xHHHH_`; readers must undo it, or a value with a line break comes back as `_x000D_`.
 */
export function unescapeOoxml(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/gu, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

function readStrings(book: Omit<Book, 'strings' | 'formats' | 'sheets' | 'date1904'>, path: string | null): string[] {
  const strings: string[] = [];
  if (!path) return strings;
  let item: RichText | null = null;
  parseZipXml(book.bytes, book.directory, path, book.limits, {
    open(name) {
      if (name === 'si') item = new RichText();
      else item?.open(name);
    },
    close(name) {
      if (name === 'si' && item) {
        strings.push(unescapeOoxml(item.value));
        item = null;
      } else item?.close(name);
    },
    text(text) {
      item?.text(text);
    },
  });
  return strings;
}

function openBook(bytes: Uint8Array, limits: ExtractLimits): Book {
  const entries = readZipEntries(bytes, limits, (name) => /\.rels$/i.test(name) || /(^|\/)(workbook|styles)\.xml$/i.test(name));
  const directory = readZipDirectory(bytes);
  const workbookPath = mainPartOf(entries, 'xl/workbook.xml');
  const workbookXml = entries.get(workbookPath);
  if (!workbookXml) throw new ReadProblem('it is a zip file but not an Excel workbook (it has no workbook part). Export the list as .xlsx or CSV');
  const rels = relatedParts(entries, workbookPath);
  const partOf = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.path ?? null;
  const sheets: Book['sheets'] = [];
  let date1904 = false;
  parseXml(workbookXml, workbookPath, {
    open(name, attrs) {
      if (name === 'sheet') {
        const rel = rels.get(relationshipId(attrs));
        // Chart and dialog sheets have no cells.
        sheets.push({ name: attribute(attrs, 'name') ?? `Sheet${sheets.length + 1}`, path: rel?.type.endsWith('/worksheet') ? rel.path : null });
      } else if (name === 'workbookPr') {
        const value = attribute(attrs, 'date1904');
        date1904 = value === '1' || value === 'true';
      }
    },
  });
  const base = { bytes, directory, limits };
  return { ...base, sheets, date1904, strings: readStrings(base, partOf('/sharedStrings')), formats: readCellFormats(entries, partOf('/styles')) };
}

function numberCell(text: string, style: number, book: Book): RawCell {
  if (text.trim() === '') return null;
  const value = Number(text);
  if (!Number.isFinite(value)) return text;
  const format = book.formats[style];
  if (!format || format.kind === 'time' || value < 0 || value > MAX_SERIAL) return value;
  // A date-only format shows the day whatever time the serial carries; a date is that day at UTC midnight.
  return serialToDate(format.kind === 'date' ? Math.floor(value) : value, book.date1904);
}

function cellValue(type: string, text: string, style: number, book: Book): RawCell {
  switch (type) {
    case 's': {
      const value = book.strings[Number(text)];
      return value === undefined || value === '' ? null : value;
    }
    case 'b':
      return text === '1' || text === 'true' ? true : text === '0' || text === 'false' ? false : text || null;
    case 'd':
      return isoCellDate(text) ?? (text || null);
    case 'n':
      return numberCell(text, style, book);
    default:
      // 'str' (a formula's text), 'inlineStr', 'e' (an error such as #N/A): the text as it is.
      return text === '' ? null : unescapeOoxml(text);
  }
}

/** The rows of one worksheet, scanned as it inflates, handed out as they complete. */
function* sheetRows(book: Book, path: string): Generator<SourceRow> {
  const entry = book.directory.get(path);
  if (!entry) throw new ReadProblem(`the workbook lists a sheet at ${path} that is not in the file, so it is damaged. Open it in Excel, save it again, and import that`);
  let ready: SourceRow[] = [];
  let rowNumber = 0;
  let cells: RawCell[] = [];
  let nextColumn = 0;
  const scanner = new SheetScanner(path, {
    row(r) {
      rowNumber = r ?? rowNumber + 1;
      cells = [];
      nextColumn = 0;
    },
    cell(at, type, style, text) {
      const column = at >= 0 ? at : nextColumn;
      if (column >= MAX_COLUMNS) throw new ReadProblem(`a cell in row ${rowNumber} is past Excel's last column (XFD), so the sheet is damaged. Open it in Excel, save it again, and import that`);
      nextColumn = column + 1;
      const value = cellValue(type, text, style, book);
      if (value === null) return;
      while (cells.length < column) cells.push(null);
      cells[column] = value;
    },
    rowEnd() {
      if (!isBlankRow(cells)) ready.push({ row: rowNumber, cells });
    },
  });
  for (const chunk of inflateEntry(book.bytes, entry, book.limits)) {
    scanner.write(chunk);
    if (ready.length) {
      const rows = ready;
      ready = [];
      yield* rows;
    }
  }
  scanner.end();
  yield* ready;
}

export interface XlsxRead {
  tables: SourceTable[];
  /** Sheets with no header row (empty, prose, a chart), left out quietly. */
  notTables: string[];
}

/**
 * A workbook's sheets as tables, in tab order. Throws when the workbook cannot be opened, or a
 * sheet is damaged near its top (a SourceReadError names the sheet); a sheet that turns out
 * damaged further down throws a SourceReadError while its rows are read.
 */
export function readXlsx(bytes: Uint8Array, origin: { file: string; source: string }, limits: ExtractLimits = DEFAULT_LIMITS): XlsxRead {
  const book = openBook(bytes, limits);
  const read: XlsxRead = { tables: [], notTables: [] };
  for (const sheet of book.sheets) {
    const path = sheet.path;
    const table = path ? tableFrom({ source: `${origin.source}: ${sheet.name}`, file: origin.file, sheet: sheet.name }, () => sheetRows(book, path)) : null;
    if (table) read.tables.push(table);
    else read.notTables.push(sheet.name);
  }
  return read;
}

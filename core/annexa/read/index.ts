/**
 * Reading the files a user gives for an Annex A import: each becomes its tables (a CSV file is
 * one table, a workbook one per sheet that has a header row), or a plain-words reason it could
 * not be read. One bad file never stops the others from being read; a sheet that turns out damaged
 * further down, when its rows are read during the import, stops that import (which is then refused
 * as a whole rather than half kept).
 *
 * What a file is comes from its bytes, not its name: a zip signature means a workbook, an OLE2
 * one an old .xls or a password-protected workbook, anything else that is text is read as CSV.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { ole2Content } from '../../extract/ole2.ts';
import { sniffFormat } from '../../extract/sniff.ts';
import type { ExtractLimits } from '../../extract/types.ts';
import { DEFAULT_LIMITS } from '../../extract/types.ts';
import { listZipEntries, zipContentFormat } from '../../extract/zip.ts';
import type { SourceTable } from '../model.ts';
import { SourceReadError, plainReason } from './errors.ts';
import { readCsv } from './csv.ts';
import { readXlsx } from './xlsx.ts';

export interface SourceFile {
  /** The path given, or the name of a file handed over as bytes. */
  file: string;
  /** The file's name, as tables' sources start with it: "contacts.csv". */
  name: string;
  format: 'csv' | 'xlsx' | null;
  tables: SourceTable[];
  /** Sheets of a workbook with no header row (a front sheet of prose, an empty sheet), left out. */
  notTables: string[];
  /** Why the file could not be read, in a sentence that says what to do; null when it was read. */
  error: string | null;
  /** For CSV: how it was read, for the screen ("semicolon-separated, Windows-1252"). */
  delimiter?: string;
  encoding?: string;
}

/** A file as a path on disk, or as bytes handed over (a browser upload) with its name. */
export type SourceInput = string | { name: string; bytes: Uint8Array };

export interface ReadOptions {
  limits?: ExtractLimits;
}

const FORMAT_WORDS: Record<string, string> = {
  pdf: 'a PDF', docx: 'a Word document', doc: 'a Word 97-2003 document', pptx: 'a PowerPoint presentation', ppt: 'a PowerPoint presentation',
  odt: 'an OpenDocument text', odp: 'an OpenDocument presentation', rtf: 'a Rich Text document', msg: 'an Outlook message',
  eml: 'an e-mail', mbox: 'a mailbox', zip: 'a zip archive', program: 'a program or script',
  jpeg: 'a picture', png: 'a picture', gif: 'a picture', tiff: 'a picture', bmp: 'a picture', webp: 'a picture',
};

function tooLarge(limits: ExtractLimits): string {
  return `it is larger than ${Math.round(limits.maxFileBytes / 1024 / 1024)} MB. Split the extract into smaller files and import them together`;
}

function failed(file: string, name: string, why: string): SourceFile {
  return { file, name, format: null, tables: [], notTables: [], error: `${name} could not be read: ${why}.` };
}

/** The file read from its bytes: a workbook, a CSV, or an error that says what it really is. */
export function readSourceBytes(file: string, name: string, bytes: Uint8Array, options: ReadOptions = {}): SourceFile {
  const limits = options.limits ?? DEFAULT_LIMITS;
  if (bytes.length === 0) return failed(file, name, 'it is empty (0 bytes). Export the list again');
  if (bytes.length > limits.maxFileBytes) return failed(file, name, tooLarge(limits));
  try {
    const sniffed = sniffFormat(bytes.subarray(0, 4096), name);
    if (sniffed.container === 'zip') {
      const inner = zipContentFormat(listZipEntries(bytes));
      if (inner !== 'xlsx') {
        const what = inner === 'odf' ? 'an OpenDocument file' : (FORMAT_WORDS[inner ?? 'zip'] ?? 'a zip archive');
        return failed(file, name, `it is ${what}, not an Excel workbook or CSV file. Export the list as .xlsx or CSV`);
      }
      const read = readXlsx(bytes, { file, source: name }, limits);
      if (read.tables.length === 0) return { ...failed(file, name, 'no sheet in it has a row of column headers. Check it is the right workbook'), format: 'xlsx', notTables: read.notTables };
      return { file, name, format: 'xlsx', tables: read.tables, notTables: read.notTables, error: null };
    }
    if (sniffed.container === 'ole2') {
      const inner = ole2Content(bytes);
      if (inner === 'encrypted') return failed(file, name, 'it is password protected. Open it in Excel, save a copy without the password, and import that');
      if (inner === 'xls') return failed(file, name, 'it is an Excel 97-2003 workbook (.xls), which cannot be read. Open it in Excel and save it as .xlsx (Excel Workbook) or CSV');
      return failed(file, name, `it is ${FORMAT_WORDS[inner ?? ''] ?? 'an old Office file'}, not an Excel workbook or CSV file`);
    }
    if (sniffed.format === 'html') {
      // Some systems' "Excel export" is a web page named .xls.
      return failed(file, name, 'it is a web page (HTML), not a spreadsheet, even if its name says otherwise. Open it in Excel and save it as .xlsx or CSV');
    }
    if (!['text', 'eml', 'mbox'].includes(sniffed.format)) {
      return failed(file, name, `it is ${FORMAT_WORDS[sniffed.format] ?? 'not a text file'}, not an Excel workbook or CSV file. Export the list as .xlsx or CSV`);
    }
    const csv = readCsv(bytes, { file, source: name });
    const base = { file, name, format: 'csv' as const, notTables: [], delimiter: csv.delimiter, encoding: csv.encoding };
    if (!csv.table) {
      return { ...base, tables: [], error: `${name} could not be read: no row in it looks like a row of column headers. Check it is a list exported with its headers.` };
    }
    return { ...base, tables: [csv.table], error: null };
  } catch (err) {
    // A sheet that cannot be read says so in a sentence of its own, naming the sheet.
    if (err instanceof SourceReadError) return { ...failed(file, name, ''), error: err.message };
    return failed(file, name, plainReason(err));
  }
}

async function readOne(input: SourceInput, options: ReadOptions, name: string): Promise<SourceFile> {
  if (typeof input !== 'string') return readSourceBytes(input.name, name, input.bytes, options);
  const limits = options.limits ?? DEFAULT_LIMITS;
  try {
    const info = await stat(input);
    if (info.isDirectory()) return failed(input, name, 'it is a folder. Choose the files inside it');
    if (info.size > limits.maxFileBytes) return failed(input, name, tooLarge(limits));
    const bytes = await readFile(input);
    return readSourceBytes(input, name, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), options);
  } catch (err) {
    return failed(input, name, plainReason(err));
  }
}

/**
 * Every file's tables, in the order given. Files are read one at a time, so a large import holds
 * the bytes of all its files but parses only as rows are asked for.
 */
export async function readSources(inputs: readonly SourceInput[], options: ReadOptions = {}): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  // A finding names its row by source ("contacts.csv, row 4"); two files of one name (from two
  // folders, or the same file given twice) get "(2)", "(3)" so a row is never the other file's.
  const used = new Map<string, number>();
  for (const input of inputs) {
    const base = typeof input === 'string' ? basename(input) : input.name;
    const n = (used.get(base.toLowerCase()) ?? 0) + 1;
    used.set(base.toLowerCase(), n);
    files.push(await readOne(input, options, n === 1 ? base : `${base} (${n})`));
  }
  return files;
}

export { SourceReadError };

/**
 * CSV extracts as tables: whatever delimiter and encoding the case-management system used.
 *
 * Real extracts come comma-separated from one system, semicolon-separated from a PC set to a
 * European locale, tab-separated from Excel's "Unicode text" (UTF-16), in Windows-1252 from
 * anything old; with a title line or a run date above the header, blank lines, rows of different
 * lengths, and quoted fields holding commas and line breaks.
 *
 * Row numbers are those a spreadsheet shows when it opens the file: one per record (a quoted line
 * break does not start a new row), blank lines counted. Values stay as the text in the file; an
 * empty field is null. Turning them into the spec's values is normalisation's job.
 *
 * The parser is ours rather than csv-parse's: it yields rows one at a time from the text (so a
 * table is streamed, and read again from the text when needed), it knows the spreadsheet row of
 * each record, and it is several times faster on a 113,000-row set (measured in
 * bench/annexa-read.ts). It follows RFC 4180 with Excel's leniency: a quote inside an unquoted
 * field is kept as it is, text after a closing quote is kept, an unclosed quote runs to the end.
 */
import { decodeText } from '../../extract/text.ts';
import type { RawCell, SourceRow, SourceTable } from '../model.ts';
import { isBlankRow } from './header.ts';
import { tableFrom } from './table.ts';

export type Delimiter = ',' | ';' | '\t' | '|';
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Every record of `text` with its spreadsheet row number, blank lines included (as a row of one null). */
export function* csvRecords(text: string, delimiter: Delimiter): Generator<SourceRow> {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let i = 0;
  let row = 0;
  while (i < n) {
    row++;
    const cells: RawCell[] = [];
    while (true) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        value = '';
        let from = i + 1;
        while (true) {
          const q = text.indexOf('"', from);
          if (q < 0) {
            // An unclosed quote: Excel takes the rest of the file as the field.
            value += text.slice(from);
            i = n;
            break;
          }
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          value += text.slice(from, q);
          i = q + 1;
          break;
        }
        // Text after the closing quote ("ab"c) is kept, as Excel does.
        const rest = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === d || c === LF || c === CR) break;
          i++;
        }
        if (i > rest) value += text.slice(rest, i);
      } else {
        const start = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === d || c === LF || c === CR) break;
          i++;
        }
        value = text.slice(start, i);
      }
      cells.push(value === '' ? null : value);
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === d) {
        i++;
        // A delimiter at the very end leaves one more (empty) field.
        if (i >= n) {
          cells.push(null);
          break;
        }
        continue;
      }
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      break;
    }
    yield { row, cells };
  }
}

/** How much of the file is looked at to choose the delimiter. */
const SNIFF_CHARS = 64 * 1024;
const SNIFF_RECORDS = 50;

/**
 * The delimiter that splits the first records into the same number of fields most often (a
 * title line has none; a name like "Smith, Jo" in a semicolon file adds a comma to one row only).
 * Comma when nothing splits anything.
 */
export function detectDelimiter(text: string): Delimiter {
  const sample = text.slice(0, SNIFF_CHARS);
  let best: { delimiter: Delimiter; rows: number; fields: number } = { delimiter: ',', rows: 0, fields: 1 };
  for (const delimiter of DELIMITERS) {
    const counts = new Map<number, number>();
    let seen = 0;
    for (const record of csvRecords(sample, delimiter)) {
      if (++seen > SNIFF_RECORDS) break;
      if (record.cells.length > 1) counts.set(record.cells.length, (counts.get(record.cells.length) ?? 0) + 1);
    }
    for (const [fields, rows] of counts) {
      if (rows > best.rows || (rows === best.rows && fields > best.fields)) best = { delimiter, rows, fields };
    }
  }
  return best.delimiter;
}

export interface CsvRead {
  /** Null when no row looks like a header (the file holds no table). */
  table: SourceTable | null;
  delimiter: Delimiter;
  /** The encoding the bytes were read as ("utf-8", "utf-16le", "windows-1252" …). */
  encoding: string;
}

/**
 * A CSV extract as a table. The decoded text is kept (the file is read whole once: its encoding
 * can only be told from all of it) and rows are parsed from it each time they are read.
 */
export function readCsv(bytes: Uint8Array, origin: { file: string; source: string }): CsvRead {
  const decoded = decodeText(bytes);
  const text = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
  const delimiter = detectDelimiter(text);
  const table = tableFrom({ source: origin.source, file: origin.file, sheet: null }, function* () {
    for (const record of csvRecords(text, delimiter)) if (!isBlankRow(record.cells)) yield record;
  });
  return { table, delimiter, encoding: decoded.encoding };
}

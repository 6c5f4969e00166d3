/**
 * One reader per column, chosen and prepared once from the column's spec: a raw cell in, the
 * column's value out, with why it changed when it did.
 *
 * A change is listed whenever the text a person would see in the built workbook differs from the
 * text of their extract (`123456.0` → `123456`, `M` → `a) Male`, `b11aa` → `B1 1AA`, `NULL` →
 * blank), and whenever a date's reading took something for granted or dropped something (a
 * two-digit year, a time of day, an Excel day number). Not listed: spaces around a value, and a
 * date written another common way (`2024-03-01`) becoming the real date the workbook shows as
 * 01/03/2024: neither changes what the person reads.
 *
 * A value that cannot be read as the column's type is kept as it was written (never blanked), so
 * the person sees it; validation reports it with the rule that applies.
 */
import type { AnnexASpec, ColumnSpec } from '../../../shared/annexa/spec-schema.ts';
import { isoToExcelSerial, readDate, ukDate } from '../dates.ts';
import type { RawCell, Value } from '../model.ts';
import { RULES } from '../../../shared/annexa/rules.ts';
import { blankWhy, isBlankToken } from './blanks.ts';
import { codeMatcher, type CodeMatcher } from './codes.ts';
import { formatPostcode } from './postcodes.ts';

/** A cell's value, and why it differs from what was written (null: it does not). */
export interface CellResult {
  value: Value;
  why: string | null;
  /** A finding only normalisation can see, because the value it leaves no longer shows it (a corrected prefix). */
  finding?: { rule: 'code-prefix'; severity: 'warning'; message: string };
}

/** Reads one non-empty raw cell of a column. */
export type CellReader = (raw: Exclude<RawCell, null>) => CellResult;

export interface CellReaderOptions {
  /** Two-digit years are put in the latest century not past this year. */
  latestYear: number;
}

/** A raw cell as a person sees it in their extract. */
export function shown(raw: RawCell): string {
  if (raw === null) return '';
  if (typeof raw === 'string') return raw.trim();
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return 'Invalid Date';
    const iso = raw.toISOString();
    const time = iso.slice(11, 16);
    return ukDate(iso.slice(0, 10)) + (time === '00:00' ? '' : ` ${time}`);
  }
  return String(raw);
}

const same = (value: Value): CellResult => ({ value, why: null });
const blank = (text: string): CellResult => ({ value: null, why: blankWhy(text) });

/** Text trimmed, or the text a non-text cell shows (a number, TRUE, a date as dd/mm/yyyy). */
function textOf(raw: Exclude<RawCell, null>): string {
  return typeof raw === 'string' ? raw.trim() : shown(raw);
}

/** Identifiers: a spreadsheet's whole number, and its `.0`, read as the id it is. */
function readId(raw: Exclude<RawCell, null>): CellResult {
  if (typeof raw === 'number') return same(String(raw));
  const text = textOf(raw);
  if (isBlankToken(text)) return blank(text);
  const m = /^(\d+)\.0+$/u.exec(text);
  if (m) return { value: m[1], why: 'a whole-number id written with ".0" by a spreadsheet: the ".0" was removed' };
  return same(text);
}

function readString(raw: Exclude<RawCell, null>): CellResult {
  const text = textOf(raw);
  if (isBlankToken(text)) return blank(text);
  return same(text);
}

const WHOLE = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.0+)?$/u;

function readInteger(raw: Exclude<RawCell, null>): CellResult {
  if (typeof raw === 'number') {
    if (Number.isInteger(raw)) return same(raw);
    const rounded = Math.round(raw);
    // 2.9999999999999996 is a spreadsheet's arithmetic, not a fraction anyone meant.
    if (Math.abs(raw - rounded) < 1e-9) return { value: rounded, why: `${raw} is a spreadsheet rounding error for ${rounded}` };
    return same(raw);
  }
  if (raw instanceof Date) {
    // A count formatted as a date shows as early January 1900: 3 reads back as 03/01/1900.
    const serial = Number.isNaN(raw.getTime()) ? -1 : isoToExcelSerial(raw.toISOString().slice(0, 10));
    if (serial >= 0 && serial < 1000) return { value: serial, why: `the spreadsheet formats this number as a date (${shown(raw)}): read as the number ${serial}` };
    return same(shown(raw));
  }
  const text = textOf(raw);
  if (isBlankToken(text)) return blank(text);
  if (WHOLE.test(text)) {
    const n = Number(text.replace(/,/gu, ''));
    return String(n) === text ? same(n) : { value: n, why: `"${text}" written as the whole number ${n}` };
  }
  return same(text);
}

function dateReader(options: CellReaderOptions): CellReader {
  return (raw) => {
    if (typeof raw === 'string') {
      const text = raw.trim();
      if (isBlankToken(text)) return blank(text);
    }
    const reading = readDate(raw, { latestYear: options.latestYear });
    if (reading.ok) return { value: reading.iso, why: reading.assumed && `${shown(raw)} read as ${ukDate(reading.iso)}: ${reading.assumed}` };
    return same(typeof raw === 'number' ? raw : shown(raw));
  };
}

function readPostcode(raw: Exclude<RawCell, null>): CellResult {
  const text = textOf(raw);
  if (isBlankToken(text)) return blank(text);
  const formatted = formatPostcode(text);
  if (formatted === null || formatted === text) return same(formatted ?? text);
  return { value: formatted, why: 'postcode written in capitals with one space before the last three characters' };
}

function codeReader(matcher: CodeMatcher, column: ColumnSpec): CellReader {
  return (raw) => {
    const text = textOf(raw);
    const m = matcher.match(text);
    switch (m.kind) {
      case 'exact':
        return same(m.value);
      case 'matched':
        return { value: m.value, why: m.why };
      case 'wrong-prefix':
        return {
          value: m.value,
          why: m.why,
          finding: {
            rule: 'code-prefix',
            severity: RULES['code-prefix'].severity,
            message: `${column.header}: "${m.written}" has the wrong letter for this value, so it was changed to "${m.value}". Check the extract means "${m.value}" and not another value with that letter.`,
          },
        };
      default:
        // A code or alias wins over a blank token: "Not recorded" can be a real value of a set.
        if (isBlankToken(text)) return blank(text);
        return same(text);
    }
  };
}

/** The reader for a column, prepared once; `matchers` shares one matcher per code set between columns. */
export function cellReader(spec: AnnexASpec, column: ColumnSpec, options: CellReaderOptions, matchers: Map<string, CodeMatcher>): CellReader {
  switch (column.type) {
    case 'id':
      return readId;
    case 'string':
      return readString;
    case 'integer':
      return readInteger;
    case 'date':
      return dateReader(options);
    case 'postcode':
      return readPostcode;
    case 'code': {
      const key = column.codeSet;
      const set = spec.codeSets.find((s) => s.key === key);
      if (!set) throw new Error(`The Annex A spec ${spec.id} gives the column ${column.key} the code set "${key}", which it does not define: fix the spec file.`);
      let matcher = matchers.get(set.key);
      if (!matcher) matchers.set(set.key, (matcher = codeMatcher(set)));
      return codeReader(matcher, column);
    }
  }
}

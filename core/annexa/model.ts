/**
 * The data Annex A work passes between its steps: tables read from extracts, rows normalised to
 * the spec's columns, the changes made on the way, and the findings of validation.
 *
 * Lists and columns are named by their spec keys ("list7", "dateOfBirth"); what a person sees
 * ("List 7", the template's header) comes from the spec when it is shown or printed.
 */

/** A cell as an extract holds it: CSV gives text; a workbook gives text, numbers, booleans and dates. */
export type RawCell = string | number | boolean | Date | null;

/** One data row of a source table, with the row number Excel (or a text editor, for CSV) shows for it. */
export interface SourceRow {
  row: number;
  cells: RawCell[];
}

/** A table found in an extract: a CSV file, or one sheet of a workbook. */
export interface SourceTable {
  /** What a person calls it: "contacts.csv", or "annexa.xlsx: List_1". */
  source: string;
  file: string;
  sheet: string | null;
  /** The row number of the header row (after any title rows above it). */
  headerRow: number;
  headers: string[];
  rows: AsyncIterable<SourceRow>;
}

/** A value after normalisation: dates as YYYY-MM-DD, codes exactly as the spec spells them, ids and text as strings. */
export type Value = string | number | null;

/** A row of a list, in the spec's columns. */
export interface ListRow {
  list: string;
  source: string;
  /** The row as Excel numbers it in the source, so a finding can be looked up there. */
  row: number;
  values: Record<string, Value>;
}

/** A value normalisation changed, listed so nothing is changed silently. */
export interface Change {
  list: string;
  source: string;
  row: number;
  column: string;
  from: string;
  to: string;
  /** Why, in plain words: "a bare ethnicity code was given its prefix". */
  why: string;
}

export type Severity = 'error' | 'warning';

/** Something a person should fix or look at before the lists go out. */
export interface Finding {
  list: string;
  source: string | null;
  /** The source row, as Excel numbers it; null for a finding about a whole list. */
  row: number | null;
  /** The column's key; null for a finding about a row or a list. */
  column: string | null;
  /** A stable rule id ("mandatory-blank", "date-order", "one-per-child" …). */
  rule: string;
  severity: Severity;
  message: string;
}

/** Which source column feeds each column of a list. */
export interface ColumnMapping {
  list: string;
  /** Column key → index into the source table's headers, or null when the extract has no such column. */
  columns: Record<string, number | null>;
  /** Source headers that feed no column: dropped, and listed for the person checking the mapping. */
  unmapped: string[];
}

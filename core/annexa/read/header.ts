/**
 * Finding the header row of a table read from an extract, below any title lines.
 *
 * Extracts and old Annex A workbooks put things above the header: Ofsted's title row
 * ("List 1: Contacts", in one cell or repeated across a merged range), a report name and run date
 * from the case-management system, a blank line. The header is the first row that is as wide as
 * the table, made of distinct labels rather than values. Which list the headers belong to is
 * recognition's business (recognise.ts), not this module's: a guidance or codes sheet can have a
 * perfectly good header row and still be no list.
 */
import type { RawCell, SourceRow } from '../model.ts';

/** How many non-blank rows are looked at for the header; extracts rarely put more than a few lines above it. */
export const HEADER_SCAN_ROWS = 30;

const isBlank = (cell: RawCell): boolean => cell === null || (typeof cell === 'string' && cell.trim() === '');

/** Non-blank cells in a row. */
export function filledCount(cells: readonly RawCell[]): number {
  let n = 0;
  for (const cell of cells) if (!isBlank(cell)) n++;
  return n;
}

/** A row with nothing in it: not data, skipped by the readers (its row number stays unused). */
export function isBlankRow(cells: readonly RawCell[]): boolean {
  return filledCount(cells) === 0;
}

/**
 * Could this cell be a column's name? Text, not a number, date or yes/no. CSV gives only text, so
 * text that reads as a number or a date ("123456", "01/03/2024", "2024-03-01 00:00:00") counts
 * as a value too.
 */
function labelLike(cell: RawCell): boolean {
  if (typeof cell !== 'string') return false;
  const text = cell.trim();
  if (/^[-+]?[\d.,\s£%]+$/u.test(text)) return false;
  if (/^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ T][\d:.]+)?$/u.test(text)) return false;
  return true;
}

function looksLikeHeader(cells: readonly RawCell[], widest: number): boolean {
  const filled = cells.filter((cell) => !isBlank(cell));
  // A title, a run date or a note is one or two cells; the header spans (most of) the table.
  if (filled.length < 2 || filled.length < Math.ceil(widest * 0.7)) return false;
  const labels = filled.filter(labelLike);
  if (labels.length < filled.length * 0.8) return false;
  // A title repeated across a merged range is one value many times; headers are distinct.
  const distinct = new Set(labels.map((cell) => String(cell).trim().toLowerCase()));
  return distinct.size >= labels.length * 0.8;
}

/**
 * The index (into `rows`) of the header row, or null when none of them looks like one (an empty
 * sheet, a front sheet of prose). `rows` are the first non-blank rows of the table, in order.
 */
export function findHeaderRow(rows: readonly SourceRow[]): number | null {
  const sample = rows.slice(0, HEADER_SCAN_ROWS);
  const widest = Math.max(0, ...sample.map((r) => filledCount(r.cells)));
  const index = sample.findIndex((r) => looksLikeHeader(r.cells, widest));
  return index < 0 ? null : index;
}

/**
 * Excel's last column is XFD, the 16,384th. A table wider than that is damaged or hostile: a 2 KB
 * workbook naming column ZZZZZZ would otherwise have every row padded to millions of cells.
 */
export const MAX_COLUMNS = 16_384;

/** Header cells as text, trailing empty cells dropped; a blank header cell is "". */
export function headerTexts(cells: readonly RawCell[]): string[] {
  const texts = cells.map((cell) => {
    if (cell === null) return '';
    if (cell instanceof Date) return cell.toISOString().slice(0, 10);
    return String(cell);
  });
  while (texts.length && texts[texts.length - 1].trim() === '') texts.pop();
  return texts;
}

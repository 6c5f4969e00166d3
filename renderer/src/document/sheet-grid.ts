/**
 * A spreadsheet page as rows and cells. The extractor writes each sheet (core/extract/xlsx.ts for
 * Excel, odf.ts for OpenDocument) as text: one line per row, its cells separated by tabs, cells
 * with no text left out, then any header/footer text and cell comments as lines of their own. The
 * document API returns that text cut into pieces where the search's words are; this turns the
 * pieces back into rows of cells, a cell marked where any of its words is a hit.
 */
import type { Segment } from '../../../shared/contract.ts';

/** Between two cells of a row, in a sheet's page text. */
export const CELL_SEPARATOR = '\t';
/** Between two rows, in a sheet's page text. */
export const ROW_SEPARATOR = '\n';

/** The formats whose pages are sheets, written with the separators above. */
const SHEET_FORMATS: ReadonlySet<string> = new Set(['xlsx', 'ods']);

export function isSheetFormat(format: string): boolean {
  return SHEET_FORMATS.has(format);
}

export interface SheetCell {
  /** The cell's text, in pieces as the search marked them. */
  segments: Segment[];
  /** Some of the cell's words are hits. */
  hit: boolean;
  /** The cell's whole text. */
  text: string;
  /** The number (in reading order, from 0) of the cell's first hit; the cell's others follow it. */
  firstHit: number;
}

export type SheetRow = SheetCell[];

export interface Sheet {
  rows: SheetRow[];
  /** Cells in the widest row. */
  columnCount: number;
  /** The rows holding a hit, in order (indexes into rows). */
  hitRows: number[];
  /** Where each hit is, in reading order (as documents.page counts them): its row and column. */
  hitCells: { row: number; column: number }[];
}

function emptyCell(firstHit = 0): SheetCell {
  return { segments: [], hit: false, text: '', firstHit };
}

/** Rows of cells from a sheet page's marked text; blank lines are left out. */
export function sheetFromSegments(segments: readonly Segment[]): Sheet {
  const rows: SheetRow[] = [];
  let row: SheetRow = [];
  const hitCells: Sheet['hitCells'] = [];
  let cell = emptyCell();
  const endCell = () => {
    row.push(cell);
    cell = emptyCell(hitCells.length);
  };
  const endRow = () => {
    endCell();
    if (row.some((c) => c.text.trim() !== '')) rows.push(row);
    row = [];
  };
  for (const segment of segments) {
    // A hit is a run of words: it never holds a separator, but plain text between hits may hold many.
    // (A row holding a hit is never blank, so the row being built will be rows[rows.length].)
    if (segment.hit) hitCells.push({ row: rows.length, column: row.length });
    let rest = segment.text;
    while (rest !== '') {
      const tab = rest.indexOf(CELL_SEPARATOR);
      const newline = rest.indexOf(ROW_SEPARATOR);
      const cut = tab === -1 ? newline : newline === -1 ? tab : Math.min(tab, newline);
      const piece = cut === -1 ? rest : rest.slice(0, cut);
      if (piece !== '') {
        cell.segments.push({ text: piece, hit: segment.hit });
        cell.text += piece;
        if (segment.hit) cell.hit = true;
      }
      if (cut === -1) break;
      if (rest[cut] === CELL_SEPARATOR) endCell();
      else endRow();
      rest = rest.slice(cut + 1);
    }
  }
  endRow();
  const hitRows: number[] = [];
  rows.forEach((r, i) => {
    if (r.some((c) => c.hit)) hitRows.push(i);
  });
  return { rows, columnCount: Math.max(0, ...rows.map((r) => r.length)), hitRows, hitCells };
}

/** Column widths, in characters: the longest text in each column, within limits. */
export function columnWidths(sheet: Sheet, min = 4, max = 40): number[] {
  const widths = Array.from({ length: sheet.columnCount }, () => min);
  for (const row of sheet.rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.min(max, Math.max(widths[i], cell.text.length + 1));
    });
  }
  return widths;
}

/** The rows to draw for a scroll position: those in view and `overscan` more either side. */
export function visibleRows(scrollTop: number, viewportHeight: number, rowHeight: number, rowCount: number, overscan = 10): { start: number; end: number } {
  if (rowCount <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const inView = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(first, rowCount - 1) - overscan);
  const end = Math.min(rowCount, first + inView + overscan);
  return { start, end };
}

/**
 * A SourceTable from a reader's rows: the header found in the first rows, then the rows below it
 * streamed on demand.
 *
 * Readers give a function that starts reading from the top and yields non-blank rows, so a table
 * can be read more than once (recognition looks at the headers; the import reads the rows later)
 * and nothing but the file's bytes is held between reads.
 */
import type { SourceRow, SourceTable } from '../model.ts';
import { SourceReadError, plainReason } from './errors.ts';
import { HEADER_SCAN_ROWS, MAX_COLUMNS, findHeaderRow, headerTexts } from './header.ts';

export interface TableOrigin {
  /** What a person calls it: "contacts.csv", or "annexa.xlsx: List_1". */
  source: string;
  file: string;
  sheet: string | null;
}

/** Rows of a table from the top, blank rows left out. */
export type OpenRows = () => Iterator<SourceRow>;

function fail(origin: TableOrigin, at: number | null, err: unknown): SourceReadError {
  const where = at === null ? origin.source : `${origin.source} after row ${at}`;
  return new SourceReadError(`${where} could not be read: ${plainReason(err)}.`);
}

/** The first non-blank rows, for finding the header; the reader is stopped once they are in. */
function firstRows(origin: TableOrigin, open: OpenRows): SourceRow[] {
  const rows: SourceRow[] = [];
  const iterator = open();
  try {
    while (rows.length < HEADER_SCAN_ROWS) {
      const next = iterator.next();
      if (next.done) break;
      rows.push(next.value);
    }
  } catch (err) {
    throw fail(origin, rows.at(-1)?.row ?? null, err);
  } finally {
    iterator.return?.();
  }
  return rows;
}

/**
 * The table, or null when no header row is found (an empty sheet, a sheet of prose): such a
 * sheet is not a table at all. `cells[i]` of every row lines up with `headers[i]`: short rows are
 * padded with null; cells past the last header are kept.
 */
export function tableFrom(origin: TableOrigin, open: OpenRows): SourceTable | null {
  const top = firstRows(origin, open);
  const index = findHeaderRow(top);
  if (index === null) return null;
  const headers = headerTexts(top[index].cells);
  if (headers.length > MAX_COLUMNS) {
    throw new SourceReadError(`${origin.source} could not be read: its header row has ${headers.length} columns, more than a spreadsheet can hold. Check it is the right file.`);
  }
  const skip = index + 1;
  const width = headers.length;
  return {
    ...origin,
    headerRow: top[index].row,
    headers,
    rows: {
      async *[Symbol.asyncIterator]() {
        const iterator = open();
        let seen = 0;
        let last: number | null = null;
        try {
          while (true) {
            let next: IteratorResult<SourceRow>;
            try {
              next = iterator.next();
            } catch (err) {
              throw fail(origin, last, err);
            }
            if (next.done) return;
            last = next.value.row;
            if (++seen <= skip) continue;
            const cells = next.value.cells;
            while (cells.length < width) cells.push(null);
            yield next.value;
          }
        } finally {
          iterator.return?.();
        }
      },
    },
  };
}

/**
 * How each column of a list is laid out in the workbook: the kind of cell its values become and a
 * width that shows them without being as wide as the template's long headers (the header row
 * wraps instead).
 */
import type { CodeSet, ColumnSpec, ListSpec } from '../../../shared/annexa/spec-schema.ts';
import type { ColumnKind, SheetColumn } from '../../xlsx/xlsx-writer.ts';

const MAX_WIDTH = 42;

/** Ids are text (a leading zero stays), dates real dates, integers numbers; codes and text as given. */
export function columnKind(column: ColumnSpec): ColumnKind {
  switch (column.type) {
    case 'date':
      return 'date';
    case 'integer':
      return 'number';
    default:
      return 'text';
  }
}

function contentWidth(column: ColumnSpec, codeSets: ReadonlyMap<string, CodeSet>): number {
  switch (column.type) {
    case 'id':
      return 14;
    case 'date':
      return 12;
    case 'integer':
      return 10;
    case 'postcode':
      return 11;
    case 'code': {
      const set = column.codeSet ? codeSets.get(column.codeSet) : undefined;
      const longest = set ? Math.max(...set.values.map((v) => v.value.length)) : 16;
      // An open set (an LA's name or a code) holds names longer than its codes.
      return Math.max(longest + 2, set?.open ? 22 : 10);
    }
    default:
      return 24;
  }
}

/** The width of a column: its content's, widened so no word of the header is cut, capped. */
export function columnWidth(column: ColumnSpec, codeSets: ReadonlyMap<string, CodeSet>): number {
  const longestWord = Math.max(...column.header.split(/\s+/u).map((w) => w.length));
  return Math.min(MAX_WIDTH, Math.max(contentWidth(column, codeSets), longestWord + 2));
}

export function sheetColumns(list: ListSpec, codeSets: ReadonlyMap<string, CodeSet>): SheetColumn[] {
  return list.columns.map((c) => ({ kind: columnKind(c), width: columnWidth(c, codeSets) }));
}

/** Points for the header row, so the wrapped headers show whole (Excel does not size a row of a written file by itself). */
export function headerRowHeight(list: ListSpec, columns: readonly SheetColumn[]): number {
  let lines = 1;
  list.columns.forEach((c, i) => {
    // About one character per unit of width, less a little for the cell's padding.
    const perLine = Math.max(1, Math.floor(columns[i].width * 1.1) - 1);
    lines = Math.max(lines, Math.ceil(c.header.length / perLine));
  });
  return Math.min(lines, 8) * 15;
}

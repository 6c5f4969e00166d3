/**
 * Which header of a table feeds each column of a list: by the template's header, a synonym from
 * the spec, or a header the user confirmed for their system (a saved mapping, mapping-file.ts).
 *
 * The spec guarantees that within one list no header or synonym names two columns (the loader in
 * shared/annexa checks it), so the only conflicts left are in the table: two of its headers for
 * one column ("Team" and "Allocated Team", or "Date of Birth" twice). The user's saved header wins,
 * then the template's own header, then a synonym, then the leftmost; the others are dropped, and
 * each such choice is noted in words for the mapping screen.
 */
import { headerKeys, normaliseHeader } from '../../shared/annexa/index.ts';
import type { ListSpec } from '../../shared/annexa/index.ts';
import type { ColumnMapping } from './model.ts';

/** A saved mapping for one list: column key → the source header text, or null for "the extract has none". */
export type SavedListMapping = Readonly<Record<string, string | null>>;

export interface MappedColumns {
  mapping: ColumnMapping;
  /** Column keys with a header, and how each was matched. */
  matchedBy: Record<string, 'saved' | 'header' | 'synonym'>;
  notes: string[];
}

const STRENGTH = { saved: 3, header: 2, synonym: 1 } as const;

const quoted = (text: string) => `‘${text.trim()}’`;

/**
 * Map `headers` onto `list`'s columns. `saved` names headers for some columns (the user's
 * confirmed mapping for their system); the rest are found by the spec's headers and synonyms.
 */
export function mapColumns(list: ListSpec, headers: readonly string[], saved?: SavedListMapping): MappedColumns {
  const notes: string[] = [];
  const byKey = new Map<string, { column: string; how: 'header' | 'synonym' }>();
  for (const column of list.columns) {
    const own = normaliseHeader(column.header);
    for (const key of headerKeys(column)) byKey.set(key, { column: column.key, how: key === own ? 'header' : 'synonym' });
  }
  const savedFor = new Map<string, string | null>();
  for (const [column, header] of Object.entries(saved ?? {})) {
    if (!list.columns.some((c) => c.key === column)) continue;
    savedFor.set(column, header === null ? null : normaliseHeader(header));
  }

  const chosen = new Map<string, { index: number; how: 'saved' | 'header' | 'synonym' }>();
  const used = new Set<number>();
  const normalised = headers.map((h) => normaliseHeader(h));

  // The user's own choices first: they decide their columns, and their headers feed nothing else.
  for (const [column, key] of savedFor) {
    if (key === null) continue;
    const index = normalised.indexOf(key);
    const header = saved?.[column] ?? '';
    if (index < 0) {
      notes.push(`The saved mapping takes ${columnName(list, column)} from ${quoted(header)}, which this table does not have; it was looked for by its usual headers instead.`);
      continue;
    }
    chosen.set(column, { index, how: 'saved' });
    used.add(index);
  }

  normalised.forEach((key, index) => {
    if (!key || used.has(index)) return;
    const match = byKey.get(key);
    if (!match || savedFor.get(match.column) === null) return;
    const current = chosen.get(match.column);
    if (!current) {
      chosen.set(match.column, { index, how: match.how });
      return;
    }
    const keep = STRENGTH[current.how] >= STRENGTH[match.how] ? current : { index, how: match.how };
    const drop = keep === current ? index : current.index;
    chosen.set(match.column, keep);
    const same = normalised[drop] === normalised[keep.index];
    notes.push(
      same
        ? `The header ${quoted(headers[keep.index])} appears more than once; the first (column ${keep.index + 1}) feeds ${columnName(list, match.column)} and column ${drop + 1} is dropped.`
        : `Both ${quoted(headers[keep.index])} and ${quoted(headers[drop])} could be ${columnName(list, match.column)}; ${quoted(headers[keep.index])} was used and ${quoted(headers[drop])} is dropped.`,
    );
  });

  const columns: Record<string, number | null> = {};
  const matchedBy: MappedColumns['matchedBy'] = {};
  for (const column of list.columns) {
    const pick = chosen.get(column.key);
    columns[column.key] = pick ? pick.index : null;
    if (pick) matchedBy[column.key] = pick.how;
  }
  const feeding = new Set([...chosen.values()].map((c) => c.index));
  const unmapped = headers.filter((h, i) => h.trim() !== '' && !feeding.has(i));
  return { mapping: { list: list.key, columns, unmapped }, matchedBy, notes };
}

/** "Date of Contact" as a person reads it in a sentence. */
export function columnName(list: ListSpec, key: string): string {
  const column = list.columns.find((c) => c.key === key);
  return quoted(column ? column.header : key);
}

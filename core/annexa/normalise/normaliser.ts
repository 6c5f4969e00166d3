/**
 * Normalisation of one list: each source row to a ListRow in the spec's columns, every change
 * listed. Everything that depends only on the spec (which source column feeds which column, the
 * reader of each column, the code lookups) is prepared once in createNormaliser, so the returned
 * function does only the per-cell work and can be called for every row of a large extract.
 */
import type { AnnexASpec, ListSpec } from '../../../shared/annexa/spec-schema.ts';
import { ageAt, isIsoDate, ukDate } from '../dates.ts';
import type { Change, ColumnMapping, Finding, ListRow, SourceRow, Value } from '../model.ts';
import { cellReader, shown, type CellReader } from './cells.ts';
import type { CodeMatcher } from './codes.ts';
import { listRoles } from './roles.ts';

export interface NormaliseOptions {
  /** `YYYY-MM-DD`: ages are worked out at this date, and two-digit years read around it. */
  inspectionDate: string;
}

export interface NormalisedRow {
  row: ListRow;
  changes: Change[];
  /** Findings only normalisation can see (a corrected code prefix); validateLists finds the rest. */
  findings: Finding[];
}

export type RowNormaliser = (source: string, row: SourceRow) => NormalisedRow;

/** The list's spec, or an error that says which lists the spec has. */
export function requireList(spec: AnnexASpec, listKey: string): ListSpec {
  const list = spec.lists.find((l) => l.key === listKey);
  if (!list) throw new Error(`The Annex A spec ${spec.id} has no list "${listKey}"; its lists are ${spec.lists.map((l) => l.key).join(', ')}.`);
  return list;
}

/** The inspection date, checked, so every step can trust it. */
export function requireInspectionDate(inspectionDate: string): string {
  if (!isIsoDate(inspectionDate)) throw new Error(`The inspection date must be a real date written YYYY-MM-DD (2024-03-01), not "${inspectionDate}".`);
  return inspectionDate;
}

interface PreparedColumn {
  key: string;
  /** Index into the source row's cells; null when the extract has no such column. */
  index: number | null;
  read: CellReader;
}

export function createNormaliser(spec: AnnexASpec, listKey: string, mapping: ColumnMapping, options: NormaliseOptions): RowNormaliser {
  const list = requireList(spec, listKey);
  const inspectionDate = requireInspectionDate(options.inspectionDate);
  // An expected date of birth can be the year after the inspection; no date in these lists is later.
  const latestYear = +inspectionDate.slice(0, 4) + 1;
  const matchers = new Map<string, CodeMatcher>();
  const columns: PreparedColumn[] = list.columns.map((c) => ({
    key: c.key,
    index: mapping.columns[c.key] ?? null,
    read: cellReader(spec, c, { latestYear }, matchers),
  }));
  const { dob, age } = listRoles(list);
  // Every row's values are a copy of this one object, so they share its shape: an object given
  // more than a dozen properties one by one becomes a hash table, several times slower to read.
  const blank: Record<string, Value> = Object.fromEntries(list.columns.map((c) => [c.key, null]));

  return (source, sourceRow) => {
    const values: Record<string, Value> = { ...blank };
    let changes: Change[] | null = null;
    let findings: Finding[] | null = null;
    const { row, cells } = sourceRow;
    for (const column of columns) {
      const raw = column.index === null ? null : (cells[column.index] ?? null);
      if (raw === null || raw === '' || (typeof raw === 'string' && raw.trim() === '')) continue;
      const result = column.read(raw);
      values[column.key] = result.value;
      if (result.why !== null) {
        (changes ??= []).push({ list: list.key, source, row, column: column.key, from: shown(raw), to: result.value === null ? '' : String(result.value), why: result.why });
      }
      if (result.finding) {
        (findings ??= []).push({ list: list.key, source, row, column: column.key, ...result.finding });
      }
    }
    if (age !== null && dob !== null && values[age] === null && isIsoDate(values[dob])) {
      const years = ageAt(values[dob], inspectionDate);
      values[age] = years;
      const why =
        years < 0
          ? `no age was given: -1, because the date of birth is after the inspection date (${ukDate(inspectionDate)}), as for an unborn child`
          : `no age was given: worked out from the date of birth at the inspection date (${ukDate(inspectionDate)})`;
      (changes ??= []).push({ list: list.key, source, row, column: age, from: '', to: String(years), why });
    }
    return { row: { list: list.key, source, row, values }, changes: changes ?? [], findings: findings ?? [] };
  };
}

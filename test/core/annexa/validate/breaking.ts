/**
 * For the per-rule tests: the clean dataset of the default spec, and a way to validate it after
 * breaking one thing. Each test gets its own copy to break.
 */
import { annexASpec } from '../../../../shared/annexa/index.ts';
import type { Finding, ListRow } from '../../../../core/annexa/model.ts';
import { validateLists } from '../../../../core/annexa/validate/validate.ts';
import { CLEAN_INSPECTION_DATE, cleanAnnexA, copyRows, rowsOfPerson } from '../../../helpers/annexa-clean.ts';

export const spec = annexASpec('annex-a-2024')!;
export const D = CLEAN_INSPECTION_DATE;
const clean = cleanAnnexA(spec, { children: 600, seed: 1 });

/** Validates a copy of the clean dataset after `change`, which may edit, add or remove rows. */
export function findingsAfter(change: (rows: Map<string, ListRow[]>) => void): Finding[] {
  const rows = copyRows(clean);
  change(rows);
  return validateLists(spec, rows, { inspectionDate: D });
}

/** A finding in brief: where, which rule, how severe. */
export const brief = (f: Finding) => [f.list, f.row, f.column, f.rule, f.severity];

/** A child's id who has only this one row on every list, so changing it can upset nothing else. */
export function onlyRow(rows: Map<string, ListRow[]>, row: ListRow): boolean {
  return rowsOfPerson(rows, spec, row.values.childId as string).length === 1;
}

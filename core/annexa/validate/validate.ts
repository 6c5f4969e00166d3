/**
 * Validation of normalised Annex A lists: every finding a person should fix or look at before the
 * lists go out, each with its list, source row (as Excel numbers it), column, rule, severity and a
 * message that says what is wrong and what to do.
 *
 * One pass over each list makes the cell, row and list checks and tallies what the cross-list
 * checks need by person; the cross-list checks then use sets and maps keyed by person. Nothing
 * compares rows pairwise, so the time grows with the number of rows.
 *
 * Findings the normaliser makes (a corrected code prefix) are not repeated here: the pipeline
 * reports the normaliser's findings and these together.
 */
import type { AnnexASpec } from '../../../shared/annexa/spec-schema.ts';
import type { Finding, ListRow } from '../model.ts';
import { requireInspectionDate, requireList } from '../normalise/normaliser.ts';
import { checkAcrossLists, SamePersonTally } from './across.ts';
import { checkCells } from './cells.ts';
import { checkListRow, newListState } from './lists.ts';
import { planList, report, type ListPlan, type Options, type ValidationContext } from './plan.ts';
import { checkRow } from './rows.ts';

export type ValidateOptions = Options;

function isBlankRow(plan: ListPlan, row: ListRow): boolean {
  const person = row.values[plan.list.person];
  if (person !== null && person !== undefined && person !== '') return false;
  for (const c of plan.list.columns) {
    const v = row.values[c.key];
    if (v !== null && v !== undefined && v !== '') return false;
  }
  return true;
}

/** Findings in the order a person works through them: by list, then source, then row. */
function sortFindings(findings: Finding[], spec: AnnexASpec): Finding[] {
  const listIndex = new Map(spec.lists.map((l, i) => [l.key, i]));
  const sourceIndex = new Map<string | null, number>();
  for (const f of findings) if (!sourceIndex.has(f.source)) sourceIndex.set(f.source, sourceIndex.size);
  return findings.sort(
    (a, b) =>
      listIndex.get(a.list)! - listIndex.get(b.list)! ||
      sourceIndex.get(a.source)! - sourceIndex.get(b.source)! ||
      (a.row ?? -1) - (b.row ?? -1),
  );
}

/**
 * Validates the lists in `rowsByList` (keyed by list key, rows as the normaliser made them).
 * A list missing from the map was not imported: its own checks do not run, nor cross-list rules
 * that need it.
 */
export function validateLists(spec: AnnexASpec, rowsByList: Map<string, ListRow[]>, options: ValidateOptions): Finding[] {
  const inspectionDate = requireInspectionDate(options.inspectionDate);
  for (const key of rowsByList.keys()) requireList(spec, key);
  const context: ValidationContext = { spec, inspectionDate, latestYear: +inspectionDate.slice(0, 4) + 1, matchers: new Map(), findings: [] };
  const plans = new Map<string, ListPlan>();
  const tally = new SamePersonTally(spec);

  spec.lists.forEach((list, index) => {
    const rows = rowsByList.get(list.key);
    if (!rows) return;
    const plan = planList(context, list, index);
    plans.set(list.key, plan);
    const state = newListState();
    for (const row of rows) {
      if (isBlankRow(plan, row)) {
        report(context, plan, row, null, 'blank-row', 'This row is empty: remove it.');
        continue;
      }
      checkCells(context, plan, row);
      checkRow(context, plan, row);
      checkListRow(context, plan, state, row);
      tally.add(list, row);
    }
  });

  checkAcrossLists(context, plans, rowsByList, tally);
  return sortFindings(context.findings, spec);
}

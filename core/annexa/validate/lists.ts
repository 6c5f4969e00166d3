/**
 * Checks over a whole list, made in the same single pass as the cell and row checks: rows outside
 * the list's window, a person twice where each has one row, duplicate rows, and per-person counts
 * that differ between a person's rows. Each keeps one map keyed by person or row key.
 */
import { isIsoDate, ukDate } from '../dates.ts';
import type { ListRow, Value } from '../model.ts';
import { header, report, rowRef, type ListPlan, type ValidationContext } from './plan.ts';

export interface ListState {
  firstRowOf: Map<string, ListRow>;
  rowKeys: Map<string, ListRow>;
  /** Per count column: person → the first row's count. */
  counts: Map<string, Map<string, { value: number; row: ListRow }>>;
}

export function newListState(): ListState {
  return { firstRowOf: new Map(), rowKeys: new Map(), counts: new Map() };
}

const idOf = (value: Value | undefined): string | null => (value === null || value === undefined || value === '' ? null : String(value));

function checkWindow(context: ValidationContext, plan: ListPlan, row: ListRow): void {
  const window = plan.list.window;
  const from = plan.windowFrom;
  if (from === null || window.kind === 'current') return;
  const v = row.values;
  const inspection = ukDate(context.inspectionDate);
  if (window.kind === 'events') {
    const date = v[window.column];
    if (isIsoDate(date) && date < from) {
      report(context, plan, row, window.column, 'outside-window', `${header(plan.columns.get(window.column)!)} (${ukDate(date)}) is more than ${window.months} months before the inspection date (${inspection}), so the row is outside this list's period: remove it, or correct the date.`);
    }
  } else if (window.kind === 'open-or-closed') {
    const end = v[window.end];
    if (isIsoDate(end) && end < from) {
      report(context, plan, row, window.end, 'outside-window', `${header(plan.columns.get(window.end)!)} (${ukDate(end)}) is more than ${window.months} months before the inspection date (${inspection}): this list holds what was open at the inspection or ended in the ${window.months} months before it. Remove the row, or correct the date.`);
    }
  } else {
    // A process not finished yet (no adoption order, not left) is current however old its last event.
    if (window.openWhileBlank && window.openWhileBlank.every((k) => v[k] === null || v[k] === undefined)) return;
    const dates = window.columns.filter((k) => isIsoDate(v[k]));
    if (dates.length === 0 || dates.some((k) => (v[k] as string) >= from)) return;
    const names = dates.map((k) => header(plan.columns.get(k)!)).join(', ');
    report(context, plan, row, null, 'outside-window', `None of this row's dates (${names}) is in the ${window.months} months before the inspection date (${inspection}), so it is outside this list's period: remove it, or correct the dates.`);
  }
}

export function checkListRow(context: ValidationContext, plan: ListPlan, state: ListState, row: ListRow): void {
  checkWindow(context, plan, row);
  const { list, noun } = plan;
  const person = idOf(row.values[list.person]);

  if (list.onePerPerson && person !== null) {
    const first = state.firstRowOf.get(person);
    if (first) {
      report(context, plan, row, list.person, 'one-per-person', `This ${noun} (${person}) is also on ${rowRef(first, row, context.spec)}, but this list has one row per ${noun}: keep the row for the most recent ${noun === 'child' ? 'episode' : 'record'} and remove the other.`);
    } else {
      state.firstRowOf.set(person, row);
    }
  }

  // One row per person already reports two rows of one person; a row key is finer than that.
  if (!(list.onePerPerson && list.rowKey.includes(list.person))) {
    let key = '';
    let any = false;
    for (const k of list.rowKey) {
      const part = idOf(row.values[k]);
      if (part !== null) any = true;
      key += `${part ?? ''}\u001f`;
    }
    if (any) {
      const first = state.rowKeys.get(key);
      if (first) {
        const names = list.rowKey.map((k) => header(plan.columns.get(k)!)).join(', ');
        report(context, plan, row, null, 'duplicate-row', `This row has the same ${names} as ${rowRef(first, row, context.spec)}: if it is the same one twice, remove one.`);
      } else {
        state.rowKeys.set(key, row);
      }
    }
  }

  if (person !== null) {
    for (const c of plan.perPersonCounts) {
      const value = row.values[c.key];
      if (typeof value !== 'number' || !Number.isInteger(value)) continue;
      let byPerson = state.counts.get(c.key);
      if (!byPerson) state.counts.set(c.key, (byPerson = new Map()));
      const first = byPerson.get(person);
      if (!first) byPerson.set(person, { value, row });
      else if (first.value !== value) {
        report(context, plan, row, c.key, 'count-inconsistent', `${header(c)} is ${value} here but ${first.value} on ${rowRef(first.row, row, context.spec)} for the same ${noun} (${person}): it counts the ${noun}'s last 12 months, the same on each of their rows, so give every row the same number.`);
      }
    }
  }
}

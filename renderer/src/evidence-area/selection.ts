/**
 * Ticking rows in the Evidence table: one at a time, or with Shift a run of rows from the last one
 * ticked, in the table's order (over every matching item, not only the page shown).
 */

export interface Selection {
  ids: ReadonlySet<number>;
  /** The row last ticked or unticked without Shift: where a Shift-click's run starts. */
  anchor: number | null;
}

export const NO_SELECTION: Selection = { ids: new Set(), anchor: null };

/** Ticks (`on`) or unticks one row, or with `shift` every row from the anchor to it. */
export function tick(selection: Selection, order: readonly number[], id: number, on: boolean, shift: boolean): Selection {
  const next = new Set(selection.ids);
  const from = selection.anchor === null ? -1 : order.indexOf(selection.anchor);
  const to = order.indexOf(id);
  if (shift && from >= 0 && to >= 0) {
    for (const rowId of order.slice(Math.min(from, to), Math.max(from, to) + 1)) {
      if (on) next.add(rowId);
      else next.delete(rowId);
    }
    return { ids: next, anchor: selection.anchor };
  }
  if (on) next.add(id);
  else next.delete(id);
  return { ids: next, anchor: id };
}

/** Ticks or unticks every row given (the page's header box, or "Select all that match"). */
export function tickAll(selection: Selection, ids: readonly number[], on: boolean): Selection {
  const next = new Set(selection.ids);
  for (const id of ids) {
    if (on) next.add(id);
    else next.delete(id);
  }
  return { ids: next, anchor: selection.anchor };
}

/** The header box: ticked when every row shown is, mixed when some are. */
export function headerState(selected: ReadonlySet<number>, shown: readonly number[]): boolean | 'mixed' {
  const ticked = shown.filter((id) => selected.has(id)).length;
  return ticked === 0 ? false : ticked === shown.length ? true : 'mixed';
}

/** Only the ids still in the table (items filtered out are no longer selected). */
export function keepMatching(selection: Selection, matching: readonly number[]): Selection {
  const still = new Set(matching);
  const ids = [...selection.ids].filter((id) => still.has(id));
  if (ids.length === selection.ids.size) return selection;
  return { ids: new Set(ids), anchor: selection.anchor !== null && still.has(selection.anchor) ? selection.anchor : null };
}

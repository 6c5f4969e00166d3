/** Names from the spec for what the API gives by key: "list1" → "List 1: Contacts", "contactSource" → "Contact Source". */
import { annexASpec, DEFAULT_ANNEX_A_SPEC_ID } from '../../../shared/annexa/index.ts';

function specOf(specId: string | undefined) {
  return annexASpec(specId ?? DEFAULT_ANNEX_A_SPEC_ID) ?? annexASpec(DEFAULT_ANNEX_A_SPEC_ID)!;
}

export function listTitle(specId: string | undefined, list: string): string {
  const l = specOf(specId).lists.find((x) => x.key === list);
  return l ? `List ${l.number}: ${l.name}` : list;
}

/** The template's header for a column of a list (the key when the spec does not know it). */
export function columnHeader(specId: string | undefined, list: string, column: string | null): string {
  if (column === null) return '—';
  return specOf(specId).lists.find((x) => x.key === list)?.columns.find((c) => c.key === column)?.header ?? column;
}

/** The spec's help text for a column, if it has one. */
export function columnHelp(specId: string | undefined, list: string, column: string): string | undefined {
  return specOf(specId).lists.find((x) => x.key === list)?.columns.find((c) => c.key === column)?.help;
}

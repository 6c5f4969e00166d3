/**
 * ChAT-style summaries of the Annex A lists (shared/annexa/summaries.ts is the result's shape): per
 * list, counts, who the children are, where referrals come from, timeliness in working days,
 * repeat referrals and plans, placement stability, visits, care leavers' outcomes and adoption
 * timeliness. Pure and one pass: rows go in one at a time, in any order, and each is looked at
 * once; nothing but counts and the sets of people needed to compare lists is kept.
 *
 * Each list's measures live in core/annexa/summaries/ (one module per group of lists) and say
 * there which rule they follow and why.
 */
import type { AnnexASummaries, ListSummary } from '../../shared/annexa/summaries.ts';
import type { AnnexASpec } from '../../shared/annexa/spec-schema.ts';
import type { ListRow } from './model.ts';
import { assessments, section47 } from './summaries/assessments.ts';
import { careLeavers } from './summaries/care-leavers.ts';
import { adopters, adoption } from './summaries/adoption.ts';
import { childProtection, childrenInNeed } from './summaries/cin-cp.ts';
import { childrenInCare } from './summaries/children-in-care.ts';
import { ListContext } from './summaries/context.ts';
import { contacts, earlyHelp, referrals } from './summaries/front-door.ts';
import type { ListSummariser, SummariserFactory } from './summaries/list-summary.ts';

/** Which measures each list gets, by its key in the spec (a spec's list keys are `list1` … `list11`). */
export const SUMMARISERS: Readonly<Record<string, SummariserFactory>> = {
  list1: contacts,
  list2: earlyHelp,
  list3: referrals,
  list4: assessments,
  list5: section47,
  list6: childrenInNeed,
  list7: childProtection,
  list8: childrenInCare,
  list9: careLeavers,
  list10: adoption,
  list11: adopters,
};

export interface Summariser {
  add(row: ListRow): void;
  result(): AnnexASummaries;
}

/** A summariser for rows of `spec`'s lists measured at `inspectionDate` (`YYYY-MM-DD`). */
export function createSummariser(spec: AnnexASpec, inspectionDate: string): Summariser {
  const lists = new Map<string, { summariser: ListSummariser; rows: number; people: Set<string>; person: string; title: string }>();
  for (const list of spec.lists) {
    const factory = SUMMARISERS[list.key];
    if (!factory) continue;
    lists.set(list.key, { summariser: factory(new ListContext(spec, list, inspectionDate)), rows: 0, people: new Set(), person: list.person, title: list.title });
  }
  return {
    add(row) {
      const entry = lists.get(row.list);
      if (!entry) throw new Error(`No summary for a row of ${row.list}: the spec has no such list.`);
      entry.rows += 1;
      const id = row.values[entry.person];
      if (id !== null && id !== undefined && String(id).trim() !== '') entry.people.add(String(id).trim());
      entry.summariser.add(row.values);
    },
    result() {
      const others = { people: (key: string) => lists.get(key)?.people ?? null };
      const summaries: ListSummary[] = [...lists].map(([key, entry]) => ({ list: key, title: entry.title, rows: entry.rows, ...entry.summariser.finish(others) }));
      return { inspectionDate, spec: spec.id, lists: summaries };
    },
  };
}

/** Summarises rows given all at once or streamed (from the store, list by list). */
export async function summariseAnnexA(spec: AnnexASpec, inspectionDate: string, rows: Iterable<ListRow> | AsyncIterable<ListRow>): Promise<AnnexASummaries> {
  const summariser = createSummariser(spec, inspectionDate);
  for await (const row of rows) summariser.add(row);
  return summariser.result();
}

/**
 * Checks across lists. A person is an id in a list's `person` column, and ids are compared only
 * between lists whose `person` is the same key (child 1001 and adopter 1001 are different people).
 *
 * - Same person: the spec's `samePerson` columns agree for one person on every row of every list.
 *   Each value is tallied per person in the main pass; the value most of their rows hold is taken
 *   as the reference, and each other value is reported once, at its first row.
 * - Appears in: the spec's `appearsIn` rules, each over a set of the people on (or open on) the
 *   other list, built once. A rule whose lists were not imported at all is skipped: the missing
 *   list is reported by the import, and every row failing for it would bury the real findings.
 * - Case status: see checkStatus.
 */
import type { AnnexASpec, CrossRules, ListSpec } from '../../../shared/annexa/spec-schema.ts';
import { isIsoDate, ukDate } from '../dates.ts';
import type { ListRow, Value } from '../model.ts';
import { header, report, rowRef, shownValue, type ListPlan, type ValidationContext } from './plan.ts';

type AppearsIn = CrossRules['appearsIn'][number];

interface Seen {
  value: Value;
  row: ListRow;
  n: number;
}

interface Tally extends Seen {
  others: Map<string, Seen> | null;
}

/** Values of the samePerson columns per person, gathered row by row. */
export class SamePersonTally {
  /** Person column key (the namespace of ids) → person id → one tally per samePerson column. */
  private readonly people = new Map<string, Map<string, (Tally | undefined)[]>>();
  /** Per list: the samePerson columns it has, with their index in spec.crossRules.samePerson. */
  private readonly columns = new Map<string, { key: string; at: number }[]>();
  private readonly spec: AnnexASpec;

  constructor(spec: AnnexASpec) {
    this.spec = spec;
  }

  private columnsOf(list: ListSpec): { key: string; at: number }[] {
    let keys = this.columns.get(list.key);
    if (!keys) {
      const has = new Set(list.columns.map((c) => c.key));
      keys = this.spec.crossRules.samePerson.map((key, at) => ({ key, at })).filter(({ key }) => has.has(key) && key !== list.person);
      this.columns.set(list.key, keys);
    }
    return keys;
  }

  add(list: ListSpec, row: ListRow): void {
    const columns = this.columnsOf(list);
    const person = row.values[list.person];
    if (columns.length === 0 || person === null || person === undefined || person === '') return;
    let byPerson = this.people.get(list.person);
    if (!byPerson) this.people.set(list.person, (byPerson = new Map()));
    const id = String(person);
    let tallies = byPerson.get(id);
    if (!tallies) byPerson.set(id, (tallies = []));
    for (const { key, at } of columns) {
      const value = row.values[key];
      if (value === null || value === undefined) continue;
      const tally = tallies[at];
      if (!tally) {
        tallies[at] = { value, row, n: 1, others: null };
      } else if (tally.value === value) {
        tally.n++;
      } else {
        const others = (tally.others ??= new Map());
        const seen = others.get(String(value));
        if (seen) seen.n++;
        else others.set(String(value), { value, row, n: 1 });
      }
    }
  }

  report(context: ValidationContext, plans: Map<string, ListPlan>): void {
    for (const byPerson of this.people.values()) {
      for (const [id, tallies] of byPerson) {
        tallies.forEach((tally, at) => {
          if (!tally?.others) return;
          const column = this.spec.crossRules.samePerson[at];
          const all: Seen[] = [tally, ...tally.others.values()];
          // The value on most rows is the reference; on a tie, the one seen first.
          const reference = all.reduce((best, s) => (s.n > best.n ? s : best), all[0]);
          for (const s of all) {
            if (s === reference) continue;
            const plan = plans.get(s.row.list)!;
            const name = header(plan.columns.get(column)!);
            const more = reference.n > 1 ? ` and ${reference.n - 1} other row${reference.n > 2 ? 's' : ''}` : '';
            report(
              context,
              plan,
              s.row,
              column,
              'same-person',
              `${name} is ${shownValue(s.value)} here, but ${shownValue(reference.value)} on ${rowRef(reference.row, s.row, context.spec)}${more} for the same ${plan.noun} (${id}): one ${plan.noun} has one ${name.toLowerCase()} on every list. Correct whichever is wrong.`,
            );
          }
        });
      }
    }
  }
}

/** The column whose blank means a row is open: the rule's `openIn`, or the end of the list's open-or-closed window. */
function openColumn(rule: AppearsIn, inList: ListSpec): string | null {
  if (rule.openIn) return rule.openIn;
  return inList.window.kind === 'open-or-closed' ? inList.window.end : null;
}

/** People on a list, or with an open row on it (`open`: the column that is blank on an open row). */
class People {
  private readonly cache = new Map<string, Set<string>>();
  private readonly rowOf = new Map<string, Map<string, ListRow>>();
  private readonly spec: AnnexASpec;
  private readonly rowsByList: Map<string, ListRow[]>;

  constructor(spec: AnnexASpec, rowsByList: Map<string, ListRow[]>) {
    this.spec = spec;
    this.rowsByList = rowsByList;
  }

  /** A person's first row on a list. */
  row(listKey: string, id: string): ListRow | undefined {
    let byPerson = this.rowOf.get(listKey);
    if (!byPerson) {
      byPerson = new Map();
      const list = this.spec.lists.find((l) => l.key === listKey)!;
      for (const row of this.rowsByList.get(listKey) ?? []) {
        const person = row.values[list.person];
        if (person !== null && person !== undefined && !byPerson.has(String(person))) byPerson.set(String(person), row);
      }
      this.rowOf.set(listKey, byPerson);
    }
    return byPerson.get(id);
  }

  of(listKey: string, open: string | null): Set<string> {
    const key = `${listKey}\u001f${open ?? ''}`;
    let set = this.cache.get(key);
    if (!set) {
      set = new Set();
      const list = this.spec.lists.find((l) => l.key === listKey)!;
      for (const row of this.rowsByList.get(listKey) ?? []) {
        const person = row.values[list.person];
        if (person === null || person === undefined || person === '') continue;
        if (open !== null && row.values[open] !== null && row.values[open] !== undefined) continue;
        set.add(String(person));
      }
      this.cache.set(key, set);
    }
    return set;
  }
}

function listName(spec: AnnexASpec, key: string): string {
  const list = spec.lists.find((l) => l.key === key)!;
  return `List ${list.number} (${list.name.toLowerCase()})`;
}

function checkAppearsIn(context: ValidationContext, plans: Map<string, ListPlan>, rowsByList: Map<string, ListRow[]>, people: People): void {
  const { spec } = context;
  for (const rule of spec.crossRules.appearsIn) {
    const plan = plans.get(rule.list);
    if (!plan || !rowsByList.has(rule.in)) continue;
    const present = people.of(rule.in, rule.openIn ?? null);
    const reported = new Set<string>();
    for (const row of rowsByList.get(rule.list)!) {
      const person = row.values[plan.list.person];
      if (person === null || person === undefined || person === '') continue;
      const id = String(person);
      if (present.has(id) || reported.has(id)) continue;
      if (rule.when && !rule.when.values.includes(String(row.values[rule.when.column]))) continue;
      reported.add(id);
      const fix = rule.when ? `add the ${plan.noun} to ${listName(spec, rule.in)}, or correct ${header(plan.columns.get(rule.when.column)!)}` : `add the ${plan.noun} to ${listName(spec, rule.in)}, or check this row belongs here`;
      report(context, plan, row, rule.when?.column ?? plan.list.person, 'appears-in', `${rule.message} ${plan.noun[0].toUpperCase()}${plan.noun.slice(1)} ${id}: ${fix}.`);
    }
  }
}

/**
 * A status column that appearsIn rules tie to other lists (List 6's case status: looked after ⇒
 * on List 8, child protection plan ⇒ an open plan on List 7) is the person's status, and takes the
 * first value that applies, in the order of the rules (looked after before child protection plan).
 * So, besides the rules themselves: a person open on the list of an earlier rule must have that
 * rule's status, and a person given a status whose list has them only as closed contradicts it.
 *
 * Read this way only where it can be meant: on a one-row-per-person list, for a column two or more
 * rules tie to other lists. (A single rule, like an ICPC outcome on List 5, is a condition on one
 * event, not a status: a child already on a plan has later enquiries with no ICPC.)
 */
function checkStatus(context: ValidationContext, plans: Map<string, ListPlan>, rowsByList: Map<string, ListRow[]>, people: People): void {
  const { spec } = context;
  const groups = new Map<string, AppearsIn[]>();
  for (const rule of spec.crossRules.appearsIn) {
    if (!rule.when) continue;
    const key = `${rule.list}\u001f${rule.when.column}`;
    groups.set(key, [...(groups.get(key) ?? []), rule]);
  }
  for (const rules of groups.values()) {
    const { list: listKey, when } = rules[0];
    const plan = plans.get(listKey);
    if (rules.length < 2 || !plan || !plan.list.onePerPerson) continue;
    const applicable = rules.filter((r) => rowsByList.has(r.in));
    if (applicable.length === 0) continue;
    const column = when!.column;
    const name = header(plan.columns.get(column)!);
    const lists = new Map(spec.lists.map((l) => [l.key, l]));
    for (const row of rowsByList.get(listKey)!) {
      const person = row.values[plan.list.person];
      const status = row.values[column];
      if (person === null || person === undefined || person === '' || status === null || status === undefined) continue;
      const id = String(person);
      const first = applicable.find((r) => people.of(r.in, openColumn(r, lists.get(r.in)!)).has(id));
      if (first) {
        if (!first.when!.values.includes(String(status))) {
          report(context, plan, row, column, 'case-status', `${name} is ${shownValue(status)}, but this ${plan.noun} (${id}) has an open row on ${listName(spec, first.in)}, so it should be "${first.when!.values[0]}" (the first status that applies). Correct the ${name.toLowerCase()}, or the row on ${listName(spec, first.in)}.`);
        }
        continue;
      }
      // Given a status whose list has the person only as closed (the rule's own openIn, if any, already reports it).
      for (const r of applicable) {
        if (r.openIn || !r.when!.values.includes(String(status))) continue;
        const inList = lists.get(r.in)!;
        const open = openColumn(r, inList);
        const closed = people.row(r.in, id);
        if (open === null || !closed) continue;
        const ended = closed.values[open];
        const when = isIsoDate(ended) ? ` (${header(inList.columns.find((c) => c.key === open)!)} ${ukDate(ended)})` : '';
        report(context, plan, row, column, 'case-status', `${name} is ${shownValue(status)}, but this ${plan.noun}'s (${id}) row on ${listName(spec, r.in)} is closed${when}: correct the ${name.toLowerCase()}, or the row on ${listName(spec, r.in)}.`);
      }
    }
  }
}

export function checkAcrossLists(context: ValidationContext, plans: Map<string, ListPlan>, rowsByList: Map<string, ListRow[]>, tally: SamePersonTally): void {
  tally.report(context, plans);
  const people = new People(context.spec, rowsByList);
  checkAppearsIn(context, plans, rowsByList, people);
  checkStatus(context, plans, rowsByList, people);
}

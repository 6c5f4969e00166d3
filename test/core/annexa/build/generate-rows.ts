/**
 * Made-up Annex A rows for any spec, for the round-trip tests and bench/annexa-build.ts: every
 * column filled as its type says (ids with leading zeros, real dates in the order the list's rules
 * want, codes from their sets, postcodes, names), the same child with the same date of birth, sex
 * and ethnicity on every list. Deterministic for a seed, so a failure can be repeated.
 */
import type { AnnexASpec, ColumnSpec, ListSpec } from '../../../../shared/annexa/spec-schema.ts';
import { addDays, ageAt } from '../../../../core/annexa/dates.ts';
import type { ListRow, Value } from '../../../../core/annexa/model.ts';

import { seededRandom as seeded } from '../../../helpers/seeded-random.ts';

export { seeded };

/** Rows per list of a large council (about 50,000 children, 113,000 rows in all). */
export const LARGE_COUNCIL: Readonly<Record<string, number>> = {
  list1: 55_000,
  list2: 9_000,
  list3: 14_000,
  list4: 14_000,
  list5: 5_000,
  list6: 12_000,
  list7: 1_200,
  list8: 1_400,
  list9: 1_000,
  list10: 200,
  list11: 200,
};

const FIRST = ['Sam', 'Alex', 'Jo', 'Priya', 'Tomasz', 'Aisha', 'Chris', 'Niamh', 'Kwame', 'Ellie'];
const LAST = ['Smith', 'Patel', 'O’Brien', 'Nowak', 'Okafor', 'Jones', 'Khan', 'Taylor', 'Murphy', 'Evans'];
const TEAMS = ['Front Door', 'Assessment Team 1', 'Assessment Team 2', 'Child in Need North', 'Child in Need South', 'Children in Care', 'Leaving Care', 'Adoption'];
const LETTERS = [...'ABCDEFGHJKLMNPRSTUWYZ'];

interface Child {
  id: string;
  dob: string;
  /** Columns that stay the same for a child on every list. */
  values: Record<string, Value>;
}

export interface GeneratedData {
  /** A list's rows, made as they are read (the same rows each time), so a bench never holds them all. */
  rows(list: ListSpec): Iterable<ListRow>;
  /** Every id, date of birth, postcode and name in the rows read so far (for the tests that search for them). */
  personal: { ids: Set<string>; dobs: Set<string>; postcodes: Set<string>; names: Set<string> };
}

export function generateRows(spec: AnnexASpec, inspectionDate: string, counts: Readonly<Record<string, number>>, seed = 1): GeneratedData {
  const sets = new Map(spec.codeSets.map((s) => [s.key, s]));
  const personal = { ids: new Set<string>(), dobs: new Set<string>(), postcodes: new Set<string>(), names: new Set<string>() };
  const tools = (random: () => number) => ({
    random,
    pick: <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)],
    int: (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1)),
  });

  const totalRows = Object.values(counts).reduce((a, b) => a + b, 0);
  const children: Child[] = [];
  const sexSet = sets.get('gender') ?? sets.get('sex');
  const ethnicitySet = sets.get('ethnicity');
  {
    const { pick, int } = tools(seeded(seed));
    for (let i = 0; i < Math.max(10, Math.round(totalRows * 0.45)); i++) {
      // Zero-padded, as many case-management systems write them: a writer that turns ids into numbers loses the zeros.
      const id = String(i + 1).padStart(7, '0');
      const dob = addDays(inspectionDate, -int(-200, 24 * 365));
      const sex = sexSet ? pick(sexSet.values).value : null;
      children.push({ id, dob, values: { gender: sex, sex, ethnicity: ethnicitySet ? pick(ethnicitySet.values).value : null } });
    }
  }

  function value(t: ReturnType<typeof tools>, column: ColumnSpec): Value {
    const { random, pick, int } = t;
    if (!column.required && random() < 0.15) return null;
    switch (column.type) {
      case 'id':
        return column.personal === 'family-id' ? `FAM${String(int(1, 150)).padStart(4, '0')}` : String(int(1, 999_999)).padStart(6, '0');
      case 'date':
        return addDays(inspectionDate, -int(0, 700));
      case 'integer':
        return int(Math.max(column.min ?? 0, 0), 6);
      case 'code': {
        const set = sets.get(column.codeSet ?? '');
        return set ? pick(set.values).value : null;
      }
      case 'postcode':
        return `${pick(LETTERS)}${pick(LETTERS)}${int(1, 29)} ${int(0, 9)}${pick(LETTERS)}${pick(LETTERS)}`;
      default:
        return column.personal === 'remove' ? `${pick(FIRST)} ${pick(LAST)}` : pick(TEAMS);
    }
  }

  function* rowsOf(list: ListSpec): Generator<ListRow> {
    const t = tools(seeded(seed * 1000 + list.number));
    const n = counts[list.key] ?? 0;
    const dobKey = list.columns.find((c) => c.personal === 'dob')?.key;
    const ageKey = list.columns.find((c) => c.type === 'integer' && /^age/u.test(c.key))?.key;
    for (let i = 0; i < n; i++) {
      // One-row-per-person lists take each child once; the others repeat children.
      const child = list.onePerPerson ? children[(i * 7919) % children.length] : t.pick(children);
      const values: Record<string, Value> = {};
      for (const column of list.columns) {
        if (column.key === list.person) values[column.key] = list.person === 'childId' ? child.id : `A${String(i + 1).padStart(5, '0')}`;
        else if (column.key in child.values) values[column.key] = child.values[column.key];
        else if (column.key === dobKey) values[column.key] = child.dob;
        else values[column.key] = value(t, column);
      }
      if (ageKey && dobKey) values[ageKey] = ageAt(child.dob, inspectionDate);
      // Put dates in the order the list's rules ask for (a start before its end).
      for (let pass = 0; pass < 3; pass++) {
        for (const [a, b] of list.rules.order) {
          const x = values[a];
          const y = values[b];
          if (typeof x === 'string' && typeof y === 'string' && y < x) {
            values[a] = y;
            values[b] = x;
          }
        }
      }
      for (const column of list.columns) {
        const v = values[column.key];
        if (v === null || v === undefined) continue;
        if (column.personal === 'person-id' || column.personal === 'family-id') personal.ids.add(String(v));
        if (column.personal === 'dob') personal.dobs.add(String(v));
        if (column.personal === 'postcode') personal.postcodes.add(String(v));
        if (column.personal === 'remove') personal.names.add(String(v));
      }
      yield { list: list.key, source: `${list.sheet}.csv`, row: i + 2, values };
    }
  }
  return { rows: rowsOf, personal };
}

/**
 * Rows for the copy of the lists shared more widely than with the inspectors (a regional
 * benchmarking group, a peer review): each column marked `personal` in the spec is degraded.
 *
 * - `person-id`, `family-id`: replaced by a new id drawn at random for this build. The same old id
 *   gets the same new id in every list (a child keeps one id across lists 1-10; a family one id in
 *   lists 10 and 11), so the lists still join up. The new id is never derived from the old one (no
 *   hash, which anyone holding the original ids could recompute), and the mapping lives only in
 *   this object: a second build gives different ids.
 *   Columns sharing a key share a mapping: `childId` everywhere is one space of ids, `adopterId`
 *   another, so adopter 123 and child 123 are not made to look like one person.
 * - `dob`: the first of its month.
 * - `postcode`: its sector (`SW1A 1AA` → `SW1A 1`); a bare district (`SW1A`) stays; anything else is
 *   blanked, as it cannot be shown to be no more than a sector.
 * - `remove`: blanked (worker and personal adviser names, free text).
 *
 * The age stays as given: whole years say little about a person, and recomputing it from the
 * degraded date of birth would make it wrong for everyone born after the first of a month.
 */
import { randomBytes } from 'node:crypto';
import type { AnnexASpec, ColumnSpec } from '../../../shared/annexa/spec-schema.ts';
import type { ListRow, Value } from '../model.ts';

type Action = { key: string; apply: (value: Value) => Value };

/** Crockford's base 32: no I, L, O or U, so an id read aloud or retyped is not mistaken. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ID_LENGTH = 10;

const ISO_DATE = /^(\d{4})-(\d{2})-\d{2}$/u;
const FULL_POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?)(\d)[A-Z]{2}$/u;
const DISTRICT = /^[A-Z]{1,2}\d[A-Z\d]?$/u;

/** `2012-03-17` → `2012-03-01`; anything that is not a date is blanked rather than passed on. */
export function firstOfMonth(value: Value): Value {
  if (value === null) return null;
  const m = ISO_DATE.exec(String(value));
  return m ? `${m[1]}-${m[2]}-01` : null;
}

/** `SW1A 1AA` → `SW1A 1`; `SW1A` stays; anything else is blanked. */
export function postcodeSector(value: Value): Value {
  if (value === null) return null;
  const compact = String(value).toUpperCase().replace(/\s+/gu, '');
  if (compact === '') return null;
  const full = FULL_POSTCODE.exec(compact);
  if (full) return `${full[1]} ${full[2]}`;
  return DISTRICT.test(compact) ? compact : null;
}

export class Pseudonymiser {
  private readonly actions = new Map<string, Action[]>();
  /** Old id → new id, per column key. */
  private readonly spaces = new Map<string, Map<string, string>>();
  private readonly issued = new Set<string>();
  private pool = Buffer.alloc(0);
  private poolAt = 0;

  constructor(spec: AnnexASpec) {
    for (const list of spec.lists) {
      this.actions.set(
        list.key,
        list.columns.filter((c) => c.personal !== undefined).map((c) => ({ key: c.key, apply: this.actionFor(c) })),
      );
    }
  }

  private actionFor(column: ColumnSpec): (value: Value) => Value {
    switch (column.personal) {
      case 'person-id':
      case 'family-id': {
        let space = this.spaces.get(column.key);
        if (!space) {
          space = new Map();
          this.spaces.set(column.key, space);
        }
        const map = space;
        return (value) => {
          if (value === null || String(value).trim() === '') return null;
          const old = String(value).trim();
          let id = map.get(old);
          if (id === undefined) {
            id = this.newId();
            map.set(old, id);
          }
          return id;
        };
      }
      case 'dob':
        return firstOfMonth;
      case 'postcode':
        return postcodeSector;
      default:
        return () => null;
    }
  }

  /** A random id not issued before in this build. */
  private newId(): string {
    for (;;) {
      if (this.poolAt + ID_LENGTH > this.pool.length) {
        this.pool = randomBytes(ID_LENGTH * 4096);
        this.poolAt = 0;
      }
      let id = '';
      for (let i = 0; i < ID_LENGTH; i++) id += ALPHABET[this.pool[this.poolAt++] & 31];
      if (!this.issued.has(id)) {
        this.issued.add(id);
        return id;
      }
    }
  }

  /** The row with its personal columns degraded; the original is not changed. */
  row(row: ListRow): ListRow {
    const actions = this.actions.get(row.list);
    if (!actions) throw new Error(`No list ${row.list} in the spec being pseudonymised.`);
    if (actions.length === 0) return row;
    const values = { ...row.values };
    for (const a of actions) if (a.key in values) values[a.key] = a.apply(values[a.key]);
    return { ...row, values };
  }

  async *rows(rows: Iterable<ListRow> | AsyncIterable<ListRow>): AsyncGenerator<ListRow> {
    for await (const row of rows) yield this.row(row);
  }

  /** How many distinct ids were replaced, per column key (for the report after a build). */
  replaced(): Record<string, number> {
    return Object.fromEntries([...this.spaces].map(([key, map]) => [key, map.size]));
  }
}

/**
 * What every list's summary works from: the list's spec, the inspection date, and reading a row's
 * values by column key (a date as a day number, a code as its label, a whole number), treating
 * anything unreadable as not recorded: validation reports bad values; the summaries only count
 * what can be counted.
 */
import type { AnnexASpec, CodeSet, ListSpec } from '../../../shared/annexa/spec-schema.ts';
import { addMonths, ageAt, dayNumber, isIsoDate } from '../dates.ts';
import type { Value } from '../model.ts';
import { listRoles } from '../normalise/roles.ts';
import { NOT_RECORDED, OTHER_VALUE } from './tally.ts';

export type Values = Record<string, Value>;

/** The template's letter prefix: `a) `, `zz) `, `p1) `. */
const LETTER_PREFIX = /^[a-z]{1,2}\d?\)\s*/iu;

/** A code as a chart shows it: `a) 1A: Individual` → `1A: Individual`, `a) Male` → `Male`. */
export function codeLabel(value: string): string {
  return value.replace(LETTER_PREFIX, '');
}

export class ListContext {
  readonly spec: AnnexASpec;
  readonly list: ListSpec;
  /** The inspection date, `YYYY-MM-DD`, and as a day number. */
  readonly inspection: string;
  readonly today: number;
  /** The date of birth and age columns' keys, if the list has them. */
  readonly dobKey: string | null;
  readonly ageKey: string | null;
  private readonly columns: Map<string, { codeSet: CodeSet | undefined }>;
  private readonly monthsBefore = new Map<number, string>();

  constructor(spec: AnnexASpec, list: ListSpec, inspection: string) {
    if (!isIsoDate(inspection)) throw new RangeError(`The inspection date must be a date written YYYY-MM-DD, not ${JSON.stringify(inspection)}.`);
    this.spec = spec;
    this.list = list;
    this.inspection = inspection;
    this.today = dayNumber(inspection);
    const sets = new Map(spec.codeSets.map((s) => [s.key, s]));
    this.columns = new Map(list.columns.map((c) => [c.key, { codeSet: c.codeSet ? sets.get(c.codeSet) : undefined }]));
    const roles = listRoles(list);
    this.dobKey = roles.dob;
    this.ageKey = roles.age;
  }

  has(key: string): boolean {
    return this.columns.has(key);
  }

  /** The first of `keys` the list has (a column renamed between versions: `sex`, `gender`). */
  pick(...keys: string[]): string | null {
    return keys.find((k) => this.columns.has(k)) ?? null;
  }

  /** The date `months` before the inspection date (the same day of the month, kept inside the month). */
  monthsAgo(months: number): string {
    let date = this.monthsBefore.get(months);
    if (date === undefined) {
      date = addMonths(this.inspection, -months);
      this.monthsBefore.set(months, date);
    }
    return date;
  }

  /** True for a date in the `months` before the inspection: after the day `months` before it, up to the inspection date. */
  inLast(months: number, date: string | null): boolean {
    return date !== null && date > this.monthsAgo(months) && date <= this.inspection;
  }

  /** The code values of a code column, as labels, in the spec's order. */
  codeLabels(key: string): string[] {
    const set = this.columns.get(key)?.codeSet;
    return set ? set.values.map((v) => codeLabel(v.value)) : [];
  }

  /** A code column's value as its label; "Not recorded" when blank; "Other value" when not a code of the set (a free value in an open set is itself). */
  code(values: Values, key: string): string {
    const value = values[key];
    if (value === null || value === undefined || value === '') return NOT_RECORDED;
    const text = String(value);
    const set = this.columns.get(key)?.codeSet;
    if (!set) return text;
    if (set.values.some((v) => v.value === text)) return codeLabel(text);
    return set.open ? text : OTHER_VALUE;
  }
}

export function dayOf(values: Values, key: string): number | null {
  const value = values[key];
  return typeof value === 'string' && isIsoDate(value) ? dayNumber(value) : null;
}

export function dateOf(values: Values, key: string): string | null {
  const value = values[key];
  return typeof value === 'string' && isIsoDate(value) ? value : null;
}

export function intOf(values: Values, key: string): number | null {
  const value = values[key];
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  if (typeof value === 'string' && /^-?\d+$/u.test(value.trim())) return Number(value);
  return null;
}

export function textOf(values: Values, key: string): string | null {
  const value = values[key];
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return text === '' ? null : text;
}

/** The `a) Yes` / `b) No` of a yes/no column, by its label; null when blank or anything else. */
export function yesNo(values: Values, key: string): boolean | null {
  const value = values[key];
  if (value === null || value === undefined) return null;
  const label = codeLabel(String(value)).trim().toLowerCase();
  return label === 'yes' ? true : label === 'no' ? false : null;
}

/** Age in whole years: the age column as given, else worked out from the date of birth. */
export function ageOf(values: Values, ctx: ListContext): number | null {
  const given = ctx.ageKey ? intOf(values, ctx.ageKey) : null;
  if (given !== null) return given;
  const dob = ctx.dobKey ? dateOf(values, ctx.dobKey) : null;
  return dob ? ageAt(dob, ctx.inspection) : null;
}

/**
 * What validating one list needs, worked out once from the spec before any row is looked at: the
 * columns grouped by what is checked on them, the date of birth and age, the window's bounds as
 * ISO dates, the code lookups. The per-row checks then only compare strings and numbers.
 */
import type { AnnexASpec, ColumnSpec, ListSpec } from '../../../shared/annexa/spec-schema.ts';
import { addDays, addMonths, isIsoDate, ukDate } from '../dates.ts';
import type { Finding, ListRow, Value } from '../model.ts';
import { codeMatcher, type CodeMatcher } from '../normalise/codes.ts';
import { listRoles, type ListRoles } from '../normalise/roles.ts';
import { RULES, type RuleId } from '../../../shared/annexa/rules.ts';

/**
 * Rows dated up to this many days before a window's start raise nothing: the lists may be
 * prepared up to the Wednesday of the week before the inspection, so a council working from its
 * extract date includes a few days more than the inspection date alone would.
 */
export const WINDOW_GRACE_DAYS = 14;
/** The same allowance for an age: a birthday between the extract and the inspection. */
export const AGE_GRACE_DAYS = 14;
/** An expected date of birth is at most this far ahead, and pre-birth work starts at most this long before a birth. */
export const PREGNANCY_MONTHS = 10;
/** The oldest care leavers are 25; anyone older on these lists has a wrong date of birth or age. */
export const OLDEST_PLAUSIBLE_AGE = 25;

export interface Options {
  /** `YYYY-MM-DD`. */
  inspectionDate: string;
}

export interface ValidationContext {
  spec: AnnexASpec;
  inspectionDate: string;
  /** Two-digit years in values kept as written are read as the normaliser read them. */
  latestYear: number;
  matchers: Map<string, CodeMatcher>;
  findings: Finding[];
}

export interface CodeColumn {
  column: ColumnSpec;
  matcher: CodeMatcher;
}

export interface ListPlan {
  list: ListSpec;
  index: number;
  roles: ListRoles;
  /** "child", "adopter": whose rows these are, for messages. */
  noun: string;
  columns: Map<string, ColumnSpec>;
  required: ColumnSpec[];
  dates: ColumnSpec[];
  integers: ColumnSpec[];
  codes: CodeColumn[];
  postcodes: ColumnSpec[];
  ids: ColumnSpec[];
  /** Date columns checked against the date of birth by the generic rule (those no `order` pair already ties to it). */
  afterBirth: ColumnSpec[];
  /** Integer columns repeated on each of a person's rows (a list where a person may have several). */
  perPersonCounts: ColumnSpec[];
  /** Rows dated before this are outside the window (grace included); null when no date decides. */
  windowFrom: string | null;
  /** The latest expected date of birth that can be right. */
  latestExpectedBirth: string;
  /** The earliest day the lists may have been extracted: an age at this date is right too. */
  extractDate: string;
  /**
   * The row's own date (the contact, the referral, the start of an episode): some systems give the
   * age at that date rather than at the inspection, and that age is not wrong either.
   */
  rowDate: string | null;
}

export function header(column: ColumnSpec): string {
  return column.header.trim();
}

/** A value as a message shows it: dates as the template writes them, text in quotes. */
export function shownValue(value: Value): string {
  if (value === null) return 'blank';
  if (typeof value === 'number') return String(value);
  return isIsoDate(value) ? ukDate(value) : `"${value}"`;
}

/** "childId" → "child", "adopterId" → "adopter". */
function nounOf(personKey: string): string {
  return personKey.replace(/(Unique)?I[dD]$/u, '').replace(/([A-Z])/gu, ' $1').toLowerCase().trim() || 'person';
}

export function planList(context: ValidationContext, list: ListSpec, index: number): ListPlan {
  const { spec, inspectionDate, matchers } = context;
  const roles = listRoles(list);
  const byType = (type: ColumnSpec['type']) => list.columns.filter((c) => c.type === type);
  const tiedToBirth = new Set(list.rules.order.filter(([a]) => a === roles.dob).map(([, b]) => b));
  const codes = byType('code').map((column) => {
    const set = spec.codeSets.find((s) => s.key === column.codeSet);
    if (!set) throw new Error(`The Annex A spec ${spec.id} gives ${list.key}.${column.key} the code set "${column.codeSet}", which it does not define: fix the spec file.`);
    let matcher = matchers.get(set.key);
    if (!matcher) matchers.set(set.key, (matcher = codeMatcher(set)));
    return { column, matcher };
  });
  const window = list.window;
  const months = window.kind === 'current' ? null : window.months;
  return {
    list,
    index,
    roles,
    noun: nounOf(list.person),
    columns: new Map(list.columns.map((c) => [c.key, c])),
    required: list.columns.filter((c) => c.required),
    dates: byType('date'),
    integers: byType('integer'),
    codes,
    postcodes: byType('postcode'),
    ids: byType('id'),
    afterBirth: byType('date').filter((c) => c.key !== roles.dob && !tiedToBirth.has(c.key)),
    perPersonCounts: list.onePerPerson ? [] : byType('integer').filter((c) => c.key !== roles.age),
    windowFrom: months === null ? null : addDays(addMonths(inspectionDate, -months), -WINDOW_GRACE_DAYS),
    latestExpectedBirth: addMonths(inspectionDate, PREGNANCY_MONTHS),
    extractDate: addDays(inspectionDate, -AGE_GRACE_DAYS),
    rowDate: window.kind === 'events' ? window.column : window.kind === 'open-or-closed' ? window.start : null,
  };
}

/** Adds a finding with the rule's severity. */
export function report(context: ValidationContext, plan: ListPlan, row: ListRow | null, column: string | null, rule: RuleId, message: string): void {
  context.findings.push({
    list: plan.list.key,
    source: row?.source ?? null,
    row: row?.row ?? null,
    column,
    rule,
    severity: RULES[rule].severity,
    message,
  });
}

/** "row 12", or "row 12 of contacts.csv" when it is in another source than `here`. */
export function rowRef(row: ListRow, here: ListRow | null, spec: AnnexASpec): string {
  const list = row.list === here?.list ? '' : ` of List ${spec.lists.find((l) => l.key === row.list)?.number ?? row.list}`;
  const source = here && row.source !== here.source && row.list === here.list ? ` of ${row.source}` : '';
  return `row ${row.row}${list}${source}`;
}

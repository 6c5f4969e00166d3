/**
 * The Annex A specifications shipped with the app, checked when this module loads: first against
 * the schema, then for what the schema cannot say (every key a list, rule or cross-list rule names
 * exists; no header, synonym or code alias can be read two ways). A broken data file fails at once,
 * naming the file and each problem, rather than misreading a council's extract later.
 *
 * Also the matching both the checks and the importer rely on: headers and code values are compared
 * after `normaliseHeader`, so the checks here prove that matching can never be ambiguous.
 *
 * Runs in the browser too: the data files are imported, never read from disk.
 */
import annexA2019 from './data/annex-a-2019.json' with { type: 'json' };
import annexA2024 from './data/annex-a-2024.json' with { type: 'json' };
import { AnnexASpec } from './spec-schema.ts';
import type { CodeSet, CodeValue, ColumnSpec, ListSpec } from './spec-schema.ts';

export type {
  AnnexASpec,
  CodeSet,
  CodeValue,
  ColumnSpec,
  ColumnType,
  CrossRules,
  ListSpec,
  ListWindow,
  Personal,
  RowRules,
} from './spec-schema.ts';

/**
 * The version a council gets unless it picks another. The 2024 file is unverified against Ofsted
 * (its `source` says so, and the app shows it), but it is what case-management systems and the DfE
 * returns produce today: under the 2019 file, every 5D source, RC9 closure and F4/F5 activity in a
 * current extract would be an error. annex-a-2019 stays available as the last verified Ofsted text.
 */
export const DEFAULT_ANNEX_A_SPEC_ID = 'annex-a-2024';

// ---------------------------------------------------------------- matching

const CURLY = /[\u2018\u2019\u201a\u201b\u2032]/gu;
const CURLY_DOUBLE = /[\u201c\u201d\u201e\u201f\u2033]/gu;

/**
 * A header or a code as it is compared: lower case, curly quotes made straight, and everything but
 * letters and digits dropped (spaces, punctuation, quotes, brackets), so `LA In Touch `,
 * `la in touch` and `LA-In-Touch` are one header and `(Y/N))` matches `(Y/N)?`.
 */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(CURLY, "'")
    .replace(CURLY_DOUBLE, '"')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The template's letter prefix: `a) `, `zz) `, `p1) `. */
const LETTER_PREFIX = /^[a-z]{1,2}\d?\)\s*/iu;

/**
 * Every form a code value is recognised by, normalised: the value, the value without its letter
 * prefix (`Male`, `WBRI`, `1A: Individual`), its bare code, and its aliases.
 */
export function codeKeys(value: CodeValue): string[] {
  const forms = [value.value, value.value.replace(LETTER_PREFIX, ''), ...(value.code ? [value.code] : []), ...value.aliases];
  return [...new Set(forms.map(normaliseHeader))];
}

/** Every form a column's header is recognised by, normalised: the template's header and its synonyms. */
export function headerKeys(column: ColumnSpec): string[] {
  return [...new Set([column.header, ...column.synonyms].map(normaliseHeader))];
}

const codeIndexes = new WeakMap<CodeSet, Map<string, CodeValue>>();
const columnIndexes = new WeakMap<ListSpec, Map<string, ColumnSpec>>();

/** The code value `text` spells (exactly, or as its bare code, prefix-less value or an alias), if any. */
export function matchCode(set: CodeSet, text: string): CodeValue | undefined {
  let index = codeIndexes.get(set);
  if (!index) {
    index = new Map();
    for (const value of set.values) for (const key of codeKeys(value)) if (!index.has(key)) index.set(key, value);
    codeIndexes.set(set, index);
  }
  const key = normaliseHeader(text);
  return key ? index.get(key) : undefined;
}

/** The column a source header names (the template's header or a synonym), if any. */
export function matchColumn(list: ListSpec, header: string): ColumnSpec | undefined {
  let index = columnIndexes.get(list);
  if (!index) {
    index = new Map();
    for (const column of list.columns) for (const key of headerKeys(column)) if (!index.has(key)) index.set(key, column);
    columnIndexes.set(list, index);
  }
  const key = normaliseHeader(header);
  return key ? index.get(key) : undefined;
}

// ---------------------------------------------------------------- lookups

export function listByKey(spec: AnnexASpec, key: string): ListSpec | undefined {
  return spec.lists.find((l) => l.key === key);
}

export function columnByKey(list: ListSpec, key: string): ColumnSpec | undefined {
  return list.columns.find((c) => c.key === key);
}

export function codeSet(spec: AnnexASpec, key: string): CodeSet | undefined {
  return spec.codeSets.find((s) => s.key === key);
}

// ---------------------------------------------------------------- checks

/** `lists[2].columns[7].codeSet` → `lists[2] (list3) › columns[7] (referralNfa) › codeSet`, naming keyed items. */
function describePath(data: unknown, path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  let at: unknown = data;
  for (const p of path) {
    at = at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[p] : undefined;
    if (typeof p === 'number') {
      const key = at !== null && typeof at === 'object' ? (at as { key?: unknown }).key : undefined;
      const last = parts.pop() ?? '';
      parts.push(typeof key === 'string' ? `${last}[${p}] (${key})` : `${last}[${p}]`);
    } else {
      parts.push(String(p));
    }
  }
  return parts.join(' › ') || 'the file';
}

function duplicates<T>(items: readonly T[]): T[] {
  const seen = new Set<T>();
  const twice = new Set<T>();
  for (const item of items) (seen.has(item) ? twice : seen).add(item);
  return [...twice];
}

const quote = (s: string) => JSON.stringify(s);

/** What the schema cannot check: references between parts of the file, and matching that could go two ways. */
function crossCheck(spec: AnnexASpec): string[] {
  const problems: string[] = [];
  const sets = new Map(spec.codeSets.map((s) => [s.key, s]));

  for (const key of duplicates(spec.codeSets.map((s) => s.key))) problems.push(`code set ${quote(key)} is defined twice.`);
  for (const set of spec.codeSets) {
    const where = `code set ${quote(set.key)}`;
    for (const value of duplicates(set.values.map((v) => v.value))) problems.push(`${where}: the value ${quote(value)} is listed twice.`);
    const owner = new Map<string, string>();
    for (const value of set.values) {
      if (value.code && !normaliseHeader(value.value).includes(normaliseHeader(value.code))) {
        problems.push(`${where}: the code ${quote(value.code)} does not appear in its value ${quote(value.value)}.`);
      }
      if (value.discouraged !== undefined && !value.discouraged.trim()) problems.push(`${where}: ${quote(value.value)} is discouraged without saying why.`);
      for (const form of [...value.aliases, ...(value.code ? [value.code] : [])]) {
        if (!normaliseHeader(form)) problems.push(`${where}: the alias ${quote(form)} of ${quote(value.value)} has no letters or digits.`);
      }
      for (const key of codeKeys(value)) {
        const other = owner.get(key);
        if (other !== undefined && other !== value.value) {
          problems.push(`${where}: ${quote(key)} could mean ${quote(other)} or ${quote(value.value)}; an alias or code may match one value only.`);
        } else owner.set(key, value.value);
      }
    }
  }

  const used = new Set<string>();
  const lists = new Map(spec.lists.map((l) => [l.key, l]));
  for (const key of duplicates(spec.lists.map((l) => l.key))) problems.push(`list ${quote(key)} is defined twice.`);
  for (const sheet of duplicates(spec.lists.map((l) => l.sheet))) problems.push(`two lists use the sheet ${quote(sheet)}.`);
  spec.lists.forEach((list, i) => {
    if (list.number !== i + 1) problems.push(`list ${quote(list.key)} is number ${list.number} but comes ${i + 1}${i === 0 ? 'st' : i === 1 ? 'nd' : i === 2 ? 'rd' : 'th'} in the file.`);
    if (list.key !== `list${list.number}`) problems.push(`list number ${list.number} should have the key "list${list.number}", not ${quote(list.key)}.`);
  });

  for (const list of spec.lists) {
    const at = `list ${quote(list.key)}`;
    const columns = new Map(list.columns.map((c) => [c.key, c]));
    for (const key of duplicates(list.columns.map((c) => c.key))) problems.push(`${at}: column ${quote(key)} is defined twice.`);

    const headerOwner = new Map<string, string>();
    for (const column of list.columns) {
      const where = `${at}, column ${quote(column.key)}`;
      if (column.type === 'code') {
        if (!column.codeSet) problems.push(`${where}: a code column needs a codeSet.`);
        else if (!sets.has(column.codeSet)) problems.push(`${where}: code set ${quote(column.codeSet)} is not in this file.`);
        else used.add(column.codeSet);
      } else if (column.codeSet) problems.push(`${where}: only a code column has a codeSet (this one is ${column.type}).`);
      if (column.min !== undefined && column.type !== 'integer') problems.push(`${where}: only an integer column has a min (this one is ${column.type}).`);
      const fits = { 'person-id': ['id'], 'family-id': ['id'], dob: ['date'], postcode: ['postcode'], remove: ['id', 'string', 'date', 'integer', 'code', 'postcode'] } as const;
      if (column.personal && !(fits[column.personal] as readonly string[]).includes(column.type)) {
        problems.push(`${where}: personal "${column.personal}" does not fit a ${column.type} column.`);
      }
      for (const form of [column.header, ...column.synonyms]) {
        const key = normaliseHeader(form);
        if (!key) {
          problems.push(`${where}: the header or synonym ${quote(form)} has no letters or digits.`);
          continue;
        }
        const other = headerOwner.get(key);
        if (other !== undefined && other !== column.key) {
          problems.push(`${at}: the header ${quote(form)} could mean column ${quote(other)} or ${quote(column.key)}; a header or synonym may match one column only.`);
        } else headerOwner.set(key, column.key);
      }
    }

    const need = (key: string, what: string, type?: ColumnSpec['type']) => {
      const column = columns.get(key);
      if (!column) problems.push(`${at}: ${what} names column ${quote(key)}, which the list does not have.`);
      else if (type && column.type !== type) problems.push(`${at}: ${what} names column ${quote(key)}, which is ${column.type}, not ${type}.`);
      return column;
    };
    const w = list.window;
    if (w.kind === 'events') need(w.column, 'the window', 'date');
    if (w.kind === 'open-or-closed') {
      need(w.start, 'the window start', 'date');
      need(w.end, 'the window end', 'date');
    }
    if (w.kind === 'any-event') {
      for (const key of w.columns) need(key, 'the window', 'date');
      for (const key of w.openWhileBlank ?? []) need(key, 'the window (openWhileBlank)');
    }
    const person = need(list.person, 'person', 'id');
    if (person && person.personal !== 'person-id') problems.push(`${at}: the person column ${quote(list.person)} should be pseudonymised as "person-id".`);
    for (const key of list.rowKey) need(key, 'rowKey');
    for (const key of duplicates(list.rowKey)) problems.push(`${at}: rowKey names ${quote(key)} twice.`);

    for (const [a, b] of list.rules.order) {
      need(a, 'an order rule', 'date');
      need(b, 'an order rule', 'date');
      if (a === b) problems.push(`${at}: an order rule compares ${quote(a)} with itself.`);
    }
    for (const [a, b] of list.rules.together) {
      need(a, 'a together rule');
      need(b, 'a together rule');
    }
    for (const r of list.rules.requires) {
      need(r.if, 'a requires rule');
      need(r.then, 'a requires rule');
    }
    for (const r of list.rules.blankWhen) {
      const column = need(r.column, 'a blankWhen rule', 'code');
      for (const key of r.blank) need(key, 'a blankWhen rule');
      const set = column?.codeSet ? sets.get(column.codeSet) : undefined;
      for (const value of r.values) {
        if (set && !set.values.some((v) => v.value === value)) problems.push(`${at}: a blankWhen rule on ${quote(r.column)} names ${quote(value)}, which is not a value of code set ${quote(set.key)}.`);
      }
    }
  }

  for (const set of spec.codeSets) if (!used.has(set.key)) problems.push(`code set ${quote(set.key)} is not used by any column.`);

  for (const key of spec.crossRules.samePerson) {
    if (!spec.lists.some((l) => l.columns.some((c) => c.key === key))) problems.push(`crossRules.samePerson names column ${quote(key)}, which no list has.`);
  }
  for (const rule of spec.crossRules.appearsIn) {
    const from = lists.get(rule.list);
    const to = lists.get(rule.in);
    const at = `crossRules.appearsIn (${rule.list} → ${rule.in})`;
    if (!from) problems.push(`${at}: there is no list ${quote(rule.list)}.`);
    if (!to) problems.push(`${at}: there is no list ${quote(rule.in)}.`);
    if (from && to && from.person !== to.person) problems.push(`${at}: the lists identify different people (${quote(from.person)} and ${quote(to.person)}).`);
    if (from && rule.when) {
      const column = from.columns.find((c) => c.key === rule.when?.column);
      const set = column?.codeSet ? sets.get(column.codeSet) : undefined;
      if (!column) problems.push(`${at}: ${quote(rule.list)} has no column ${quote(rule.when.column)}.`);
      else if (!set) problems.push(`${at}: ${quote(rule.when.column)} is not a code column.`);
      else for (const value of rule.when.values) if (!set.values.some((v) => v.value === value)) problems.push(`${at}: ${quote(value)} is not a value of code set ${quote(set.key)}.`);
    }
    if (to && rule.openIn && !to.columns.some((c) => c.key === rule.openIn)) problems.push(`${at}: ${quote(rule.in)} has no column ${quote(rule.openIn)}.`);
  }
  return problems;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Checks one specification file (`name` is its file name); throws with the file and every problem. */
export function loadAnnexASpec(name: string, data: unknown): AnnexASpec {
  const parsed = AnnexASpec.safeParse(data);
  const problems = parsed.success
    ? crossCheck(parsed.data)
    : parsed.error.issues.map((issue) => `${describePath(data, issue.path)}: ${issue.message}`);
  if (parsed.success && `${parsed.data.id}.json` !== name) problems.push(`the id ${quote(parsed.data.id)} does not match the file name.`);
  if (!parsed.success || problems.length) {
    throw new Error(`Annex A specification ${name} is invalid:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  }
  return deepFreeze(parsed.data);
}

/** Checks the set of specifications: ids unique, `basedOn` known, exactly one default and it is `defaultId`. */
export function checkAnnexASpecs(specs: readonly AnnexASpec[], defaultId: string): void {
  const problems: string[] = [];
  const ids = specs.map((s) => s.id);
  for (const id of duplicates(ids)) problems.push(`${quote(id)} is built in twice.`);
  for (const s of specs) if (s.basedOn && !ids.includes(s.basedOn)) problems.push(`${quote(s.id)} is based on ${quote(s.basedOn)}, which is not built in.`);
  const defaults = specs.filter((s) => s.default).map((s) => s.id);
  if (defaults.length !== 1 || defaults[0] !== defaultId) {
    problems.push(`exactly one specification, ${quote(defaultId)}, should have "default": true (now: ${defaults.length ? defaults.map(quote).join(', ') : 'none'}).`);
  }
  if (problems.length) throw new Error(`The built-in Annex A specifications are inconsistent:\n${problems.map((p) => `- ${p}`).join('\n')}`);
}

/** Every built-in specification, oldest first. */
export const ANNEX_A_SPECS: readonly AnnexASpec[] = Object.freeze([
  loadAnnexASpec('annex-a-2019.json', annexA2019),
  loadAnnexASpec('annex-a-2024.json', annexA2024),
]);
checkAnnexASpecs(ANNEX_A_SPECS, DEFAULT_ANNEX_A_SPEC_ID);

/** A built-in specification by id. */
export function annexASpec(id: string): AnnexASpec | undefined {
  return ANNEX_A_SPECS.find((s) => s.id === id);
}

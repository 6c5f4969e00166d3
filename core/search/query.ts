/**
 * The search box's small query language, parsed by our code and never handed raw to FTS5.
 *
 *   care plan            both words (AND)
 *   "care plan"          the exact phrase
 *   -draft               without this word (or -"a phrase")
 *   audit OR review      either word
 *   safeguard*           words starting with "safeguard"
 *   type:pdf  folder:NAME  folder:"Two words"  modified:2024  modified:>2024-01-01  modified:<2024-06
 *
 * Whatever the input (unbalanced quotes, lone operators, FTS5 or SQL syntax), parsing succeeds:
 * what cannot be used is dropped and explained in `notes`.
 */

export type TermKind = 'word' | 'phrase' | 'prefix';

export interface Term {
  kind: TermKind;
  /** Lower-cased tokens, as the index's tokenizer would split them. */
  tokens: string[];
  /** The term as typed (without quotes or a trailing star), for matching inside words. */
  raw: string;
}

export interface Filters {
  types: string[];
  notTypes: string[];
  folders: string[];
  notFolders: string[];
  /** Epoch milliseconds, inclusive lower bound / exclusive upper bound on the file's modified time. */
  modifiedFrom: number | null;
  modifiedTo: number | null;
  /** Evidence filters: judgement and criterion ids, evidence status (or "stale"), owning team. */
  judgements: string[];
  criteria: string[];
  statuses: string[];
  teams: string[];
  /** tagged:yes / tagged:no; null when not asked. */
  tagged: boolean | null;
}

export interface ParsedQuery {
  /** AND of groups; each group is an OR of terms. */
  groups: Term[][];
  excluded: Term[];
  filters: Filters;
  notes: string[];
}

/** Letters, digits and combining marks: what FTS5's unicode61 tokenizer keeps as token characters. */
const TOKEN = /[\p{L}\p{N}\p{M}]+/gu;
/** A one-letter prefix matches most of the index and is slow to rank (toolchain probe: 0.4-1.6 s at 50k documents). */
const MIN_PREFIX = 2;

export function tokenize(text: string): string[] {
  return (text.normalize('NFKC').toLowerCase().match(TOKEN) ?? []) as string[];
}

interface RawUnit {
  negated: boolean;
  quoted: boolean;
  text: string;
}

/** Splits the input into units: quoted phrases, words and field:value pairs, each maybe negated. */
function lex(input: string): RawUnit[] {
  const units: RawUnit[] = [];
  let i = 0;
  const n = input.length;
  while (i < n) {
    while (i < n && /\s/u.test(input[i])) i++;
    if (i >= n) break;
    let negated = false;
    if (input[i] === '-' && i + 1 < n && !/\s/u.test(input[i + 1])) {
      negated = true;
      i++;
    }
    if (input[i] === '"') {
      const end = input.indexOf('"', i + 1);
      const stop = end === -1 ? n : end;
      units.push({ negated, quoted: true, text: input.slice(i + 1, stop) });
      i = stop + 1;
      continue;
    }
    let j = i;
    // A field value may be quoted: folder:"Children in care"
    const field = /^([A-Za-z]+):"/u.exec(input.slice(i));
    if (field) {
      const end = input.indexOf('"', i + field[0].length);
      const stop = end === -1 ? n : end;
      units.push({ negated, quoted: false, text: field[1] + ':' + input.slice(i + field[0].length, stop) });
      i = stop + 1;
      continue;
    }
    while (j < n && !/\s/u.test(input[j])) j++;
    units.push({ negated, quoted: false, text: input.slice(i, j) });
    i = j;
  }
  return units;
}

const FIELDS = new Set(['type', 'folder', 'modified', 'judgement', 'criterion', 'status', 'team', 'tagged']);
const STATUSES = new Set(['draft', 'approved', 'retired', 'stale']);

export function parseQuery(input: string): ParsedQuery {
  const result: ParsedQuery = {
    groups: [],
    excluded: [],
    filters: {
      types: [], notTypes: [], folders: [], notFolders: [], modifiedFrom: null, modifiedTo: null,
      judgements: [], criteria: [], statuses: [], teams: [], tagged: null,
    },
    notes: [],
  };
  let pendingOr = false;
  for (const unit of lex(input)) {
    if (!unit.quoted && unit.text === 'OR') {
      pendingOr = result.groups.length > 0;
      continue;
    }
    const fieldMatch = unit.quoted ? null : /^([A-Za-z]+):(.*)$/su.exec(unit.text);
    if (fieldMatch && FIELDS.has(fieldMatch[1].toLowerCase())) {
      applyFilter(result, fieldMatch[1].toLowerCase(), fieldMatch[2].trim(), unit.negated);
      pendingOr = false;
      continue;
    }
    const term = toTerm(unit, result.notes);
    if (!term) continue;
    if (unit.negated) {
      result.excluded.push(term);
    } else if (pendingOr) {
      result.groups[result.groups.length - 1].push(term);
    } else {
      result.groups.push([term]);
    }
    pendingOr = false;
  }
  return result;
}

function toTerm(unit: RawUnit, notes: string[]): Term | null {
  if (unit.quoted) {
    const tokens = tokenize(unit.text);
    return tokens.length ? { kind: tokens.length === 1 ? 'word' : 'phrase', tokens, raw: unit.text.trim() } : null;
  }
  const star = /\*+$/u.test(unit.text);
  const tokens = tokenize(unit.text);
  if (tokens.length === 0) {
    if (unit.text.trim()) notes.push(`Ignored “${unit.text}”: it has no letters or numbers to search for.`);
    return null;
  }
  if (star) {
    const last = tokens[tokens.length - 1];
    if (last.length < MIN_PREFIX) {
      notes.push(`Searched “${unit.text.replace(/\*+$/u, '')}” as a whole word: a prefix needs at least ${MIN_PREFIX} letters.`);
    } else {
      return { kind: 'prefix', tokens, raw: unit.text.replace(/\*+$/u, '') };
    }
  }
  return { kind: tokens.length === 1 ? 'word' : 'phrase', tokens, raw: unit.text.replace(/\*+$/u, '') };
}

function applyFilter(q: ParsedQuery, field: string, value: string, negated: boolean): void {
  if (!value) {
    q.notes.push(`Ignored “${field}:” with nothing after it.`);
    return;
  }
  const f = q.filters;
  if (field === 'type') {
    (negated ? f.notTypes : f.types).push(value.toLowerCase().replace(/^\./u, ''));
  } else if (field === 'folder') {
    (negated ? f.notFolders : f.folders).push(value);
  } else if (field === 'judgement' || field === 'criterion' || field === 'team') {
    if (negated) {
      q.notes.push(`Ignored “-${field}:${value}”: ${field} filters cannot be negated; try tagged:no.`);
      return;
    }
    (field === 'judgement' ? f.judgements : field === 'criterion' ? f.criteria : f.teams).push(value);
  } else if (field === 'status') {
    const v = value.toLowerCase();
    if (!STATUSES.has(v) || negated) {
      q.notes.push(`Ignored “${negated ? '-' : ''}status:${value}”: use status:draft, status:approved, status:retired or status:stale.`);
      return;
    }
    f.statuses.push(v);
  } else if (field === 'tagged') {
    const v = value.toLowerCase();
    if (v !== 'yes' && v !== 'no') {
      q.notes.push(`Ignored “tagged:${value}”: use tagged:yes or tagged:no.`);
      return;
    }
    f.tagged = (v === 'yes') !== negated;
  } else if (field === 'modified') {
    const range = parseDateRange(value);
    if (!range || negated) {
      q.notes.push(`Ignored “${negated ? '-' : ''}modified:${value}”: use a year (modified:2024), a month (modified:2024-03) or a bound (modified:>2024-01-01).`);
      return;
    }
    if (range.from !== null) f.modifiedFrom = Math.max(f.modifiedFrom ?? -Infinity, range.from);
    if (range.to !== null) f.modifiedTo = Math.min(f.modifiedTo ?? Infinity, range.to);
  }
}

/** A date written as YYYY, YYYY-MM or YYYY-MM-DD, as the span of time it names (UTC). */
function span(text: string): { from: number; to: number } | null {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/u.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) - 1 : null;
  const day = m[3] ? Number(m[3]) : null;
  if (month !== null && (month < 0 || month > 11)) return null;
  if (day !== null && (day < 1 || day > 31)) return null;
  if (month === null) return { from: Date.UTC(year, 0, 1), to: Date.UTC(year + 1, 0, 1) };
  if (day === null) return { from: Date.UTC(year, month, 1), to: Date.UTC(year, month + 1, 1) };
  const from = Date.UTC(year, month, day);
  if (new Date(from).getUTCDate() !== day) return null;
  return { from, to: from + 86_400_000 };
}

export function parseDateRange(value: string): { from: number | null; to: number | null } | null {
  const bound = /^(>=|<=|>|<)(.+)$/u.exec(value);
  if (bound) {
    const s = span(bound[2]);
    if (!s) return null;
    switch (bound[1]) {
      case '>': return { from: s.to, to: null };
      case '>=': return { from: s.from, to: null };
      case '<': return { from: null, to: s.from };
      default: return { from: null, to: s.to };
    }
  }
  const between = /^(.+)\.\.(.+)$/u.exec(value);
  if (between) {
    const a = span(between[1]);
    const b = span(between[2]);
    return a && b ? { from: a.from, to: b.to } : null;
  }
  const s = span(value);
  return s ? { from: s.from, to: s.to } : null;
}

/** Quotes a term for FTS5: every token is a plain string, so no input can become FTS5 syntax. */
function ftsTerm(term: Term): string {
  const phrase = '"' + term.tokens.map((t) => t.replaceAll('"', '""')).join(' ') + '"';
  return term.kind === 'prefix' ? phrase + '*' : phrase;
}

/** The FTS5 MATCH expression for the text part of a query, or null when it has no positive terms. */
export function toFtsMatch(q: ParsedQuery): string | null {
  if (q.groups.length === 0) return null;
  const positive = q.groups
    .map((group) => (group.length === 1 ? ftsTerm(group[0]) : '(' + group.map(ftsTerm).join(' OR ') + ')'))
    .join(' AND ');
  const negative = q.excluded.map((t) => ' NOT ' + ftsTerm(t)).join('');
  return positive + negative;
}

/** The FTS5 expression matching any excluded term (for queries that only exclude). */
export function toExcludedMatch(q: ParsedQuery): string | null {
  return q.excluded.length ? q.excluded.map(ftsTerm).join(' OR ') : null;
}

/** The terms to highlight in results and in the document view. */
export function highlightTerms(q: ParsedQuery): Term[] {
  return q.groups.flat();
}

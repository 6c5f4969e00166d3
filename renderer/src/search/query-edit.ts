/**
 * Editing filters inside the query text. The query box is the single source of truth: clicking a
 * facet writes `type:pdf`, `folder:"Name"` or `modified:2024` into it, and clicking again takes it
 * out, so what the user sees is exactly what is searched (and can be copied, edited or saved).
 *
 * The splitting mirrors the app's query language: quoted phrases, `field:"quoted value"`, words,
 * each maybe preceded by '-'. Pure functions, no DOM.
 */

export type FilterField = 'type' | 'folder' | 'modified' | 'judgement' | 'status' | 'team' | 'tagged';

const FILTER_FIELDS: ReadonlySet<string> = new Set<FilterField>(['type', 'folder', 'modified', 'judgement', 'status', 'team', 'tagged']);

export interface QueryUnit {
  /** Offsets of the unit in the query, including a leading '-'. */
  start: number;
  end: number;
  negated: boolean;
  /** Lower-cased field name when the unit is `field:value`. */
  field: string | null;
  /** The value (field units) or the word/phrase text, without quotes. */
  value: string;
}

/** Splits a query into units with their positions. Never throws, whatever the input. */
export function splitQuery(query: string): QueryUnit[] {
  const units: QueryUnit[] = [];
  const n = query.length;
  let i = 0;
  while (i < n) {
    while (i < n && /\s/u.test(query[i])) i++;
    if (i >= n) break;
    const start = i;
    let negated = false;
    if (query[i] === '-' && i + 1 < n && !/\s/u.test(query[i + 1])) {
      negated = true;
      i++;
    }
    if (query[i] === '"') {
      const close = query.indexOf('"', i + 1);
      const stop = close === -1 ? n : close;
      units.push({ start, end: Math.min(n, stop + 1), negated, field: null, value: query.slice(i + 1, stop) });
      i = stop + 1;
      continue;
    }
    const quotedField = /^([A-Za-z]+):"/u.exec(query.slice(i));
    if (quotedField) {
      const from = i + quotedField[0].length;
      const close = query.indexOf('"', from);
      const stop = close === -1 ? n : close;
      units.push({ start, end: Math.min(n, stop + 1), negated, field: quotedField[1].toLowerCase(), value: query.slice(from, stop) });
      i = stop + 1;
      continue;
    }
    let j = i;
    while (j < n && !/\s/u.test(query[j])) j++;
    const text = query.slice(i, j);
    const field = /^([A-Za-z]+):(.*)$/su.exec(text);
    units.push({ start, end: j, negated, field: field ? field[1].toLowerCase() : null, value: field ? field[2] : text });
    i = j;
  }
  return units;
}

/** How a filter is written into the query: folder and team names are always quoted (they often have spaces). */
export function filterText(field: FilterField, value: string): string {
  const clean = value.replaceAll('"', '');
  if (field === 'folder' || field === 'team' || /\s/u.test(clean)) return `${field}:"${clean}"`;
  return `${field}:${clean}`;
}

function sameValue(field: FilterField, a: string, b: string): boolean {
  // Folder and type names are matched without regard to case by the search; so are they here.
  return field === 'modified' ? a.trim() === b.trim() : a.trim().toLowerCase() === b.trim().toLowerCase();
}

function matches(unit: QueryUnit, field: FilterField, value: string): boolean {
  return !unit.negated && unit.field === field && sameValue(field, unit.value, value);
}

/** Whether the query filters on exactly this value (not negated). */
export function hasFilter(query: string, field: FilterField, value: string): boolean {
  return splitQuery(query).some((unit) => matches(unit, field, value));
}

/** Removes every (non-negated) occurrence of the filter, tidying the spaces it leaves. */
export function removeFilter(query: string, field: FilterField, value: string): string {
  const drop = splitQuery(query).filter((unit) => matches(unit, field, value));
  let out = query;
  for (const unit of drop.reverse()) out = out.slice(0, unit.start) + out.slice(unit.end);
  return out.replace(/\s{2,}/gu, ' ').trim();
}

/** Appends the filter to the query. */
export function addFilter(query: string, field: FilterField, value: string): string {
  const base = query.trimEnd();
  return (base ? base + ' ' : '') + filterText(field, value);
}

/** A facet click: add the filter if absent, remove it if present. */
export function toggleFilter(query: string, field: FilterField, value: string): string {
  return hasFilter(query, field, value) ? removeFilter(query, field, value) : addFilter(query, field, value);
}

/** The filters in a query, for "remove this filter" suggestions when nothing matched. */
export function filtersIn(query: string): { field: FilterField; value: string; text: string }[] {
  return splitQuery(query)
    .filter((u): u is QueryUnit & { field: FilterField } => !u.negated && u.field !== null && FILTER_FIELDS.has(u.field) && u.value.trim() !== '')
    .map((u) => ({ field: u.field, value: u.value, text: query.slice(u.start, u.end) }));
}

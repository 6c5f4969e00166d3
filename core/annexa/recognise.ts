/**
 * Which Annex A list a table is, from its headers alone: never from the file's or the sheet's name
 * (extracts are called anything, and old workbooks name their sheets `List 3` or `List_3`).
 *
 * Every list is scored by how well its columns and the table's headers agree (the template's
 * headers and the spec's synonyms, compared after `normaliseHeader`). The best list wins if the
 * table has the columns that make a list what it is: the person (child or adopter id) and the date
 * its window runs on (the contact date for List 1, the date started to be looked after for List 8;
 * List 9 has none). A table that has them but lacks other required columns is still that list:
 * the missing columns are listed for the mapping screen, and validation reports the blanks. A
 * table without them is not recognised, with the reason ("looks like List 8 but has no ‘Date
 * Started to be Looked After’ column").
 *
 * The other built-in template versions are consulted for the one list that changed: a 2019 List 9
 * read with the 2024 spec (or the reverse) is recognised, and the columns only the other version
 * has are named as such rather than as mistakes.
 */
import { ANNEX_A_SPECS, headerKeys, listByKey, normaliseHeader } from '../../shared/annexa/index.ts';
import type { AnnexASpec, ListSpec } from '../../shared/annexa/index.ts';
import { columnName, mapColumns } from './map-columns.ts';
import type { SavedListMapping } from './map-columns.ts';
import type { ColumnMapping, SourceTable } from './model.ts';
import type { SourceFile } from './read/index.ts';

export interface Recognition {
  status: 'recognised' | 'not-recognised';
  /** The list's key ("list8"): the one recognised, or the closest when not recognised (null when nothing is close). */
  list: string | null;
  /** How well the table's headers and the list's columns agree, 0-1 (1: exactly the template's columns). */
  confidence: number;
  /** The proposed mapping; null when not recognised. */
  mapping: ColumnMapping | null;
  /** Required columns of the list the table has no header for (keys). */
  missingRequired: string[];
  /** Optional columns the table has no header for (keys). */
  missingOptional: string[];
  /** Things a person checking the mapping should know, in words (a header used twice, a column of another template version). */
  notes: string[];
  /** Why the table is not recognised, in words; null when it is. */
  reason: string | null;
  /**
   * True for a workbook sheet that resembles no list at all (a front sheet, guidance, code
   * lists): it is left out without troubling anyone. A CSV file is never quiet.
   */
  quiet: boolean;
}

export interface RecogniseOptions {
  /** The user's saved mapping for their system: list key → column key → header. */
  saved?: Readonly<Record<string, SavedListMapping>>;
  /** The table is a sheet of a workbook (so resembling no list means it is quietly skipped). */
  sheet?: boolean;
}

/** Columns every list about a child has; matching them says nothing about which list a table is. */
const COMMON = new Set(['childId', 'gender', 'ethnicity', 'dateOfBirth', 'age', 'disability', 'allocatedTeam', 'allocatedWorker', 'familyId']);

/** The columns that make a list what it is: its person, and the date its window runs on. */
function decisiveColumns(list: ListSpec): { all: string[]; anyOf: string[] } {
  const w = list.window;
  if (w.kind === 'events') return { all: [list.person, w.column], anyOf: [] };
  if (w.kind === 'open-or-closed') return { all: [list.person, w.start], anyOf: [] };
  if (w.kind === 'any-event') return { all: [list.person], anyOf: w.columns };
  return { all: [list.person], anyOf: [] };
}

interface Score {
  list: ListSpec;
  matched: Set<string>;
  confidence: number;
  missingDecisive: string[];
  distinctive: number;
}

function scoreList(list: ListSpec, keys: readonly string[], saved: SavedListMapping | undefined): Score {
  const names = new Map<string, string>();
  for (const column of list.columns) for (const key of headerKeys(column)) names.set(key, column.key);
  for (const [column, header] of Object.entries(saved ?? {})) if (header !== null) names.set(normaliseHeader(header), column);
  const matched = new Set<string>();
  for (const key of keys) {
    const column = key ? names.get(key) : undefined;
    if (column) matched.add(column);
  }
  const filled = keys.filter(Boolean).length;
  const confidence = matched.size === 0 ? 0 : (2 * matched.size) / (list.columns.length + filled);
  const decisive = decisiveColumns(list);
  const missingDecisive = decisive.all.filter((c) => !matched.has(c));
  if (decisive.anyOf.length && !decisive.anyOf.some((c) => matched.has(c))) missingDecisive.push(decisive.anyOf[0]);
  const distinctive = [...matched].filter((c) => !COMMON.has(c) && c !== list.person).length;
  return { list, matched, confidence, missingDecisive, distinctive };
}

const listName = (list: ListSpec) => `List ${list.number} (${list.name})`;
const round = (n: number) => Math.round(n * 100) / 100;

/** Headers of other template versions' editions of this list that this version lacks, for the notes. */
function otherVersionNotes(spec: AnnexASpec, list: ListSpec, headers: readonly string[], mapping: ColumnMapping, missing: string[]): string[] {
  const notes: string[] = [];
  for (const other of ANNEX_A_SPECS) {
    if (other.id === spec.id) continue;
    const edition = listByKey(other, list.key);
    if (!edition) continue;
    const theirs = new Map<string, string>();
    for (const column of edition.columns) {
      if (list.columns.some((c) => c.key === column.key)) continue;
      for (const key of headerKeys(column)) theirs.set(key, column.header);
    }
    const extra = mapping.unmapped.filter((h) => theirs.has(normaliseHeader(h)));
    if (extra.length) {
      notes.push(`${extra.map((h) => `‘${h.trim()}’`).join(', ')} ${extra.length === 1 ? 'is a column' : 'are columns'} of ${listName(list)} in the ${other.id} template, not in ${spec.id}: dropped.`);
    }
    const onlyHere = missing.filter((key) => !edition.columns.some((c) => c.key === key));
    if (onlyHere.length && onlyHere.length === missing.filter((key) => list.columns.find((c) => c.key === key)).length) {
      notes.push(`This looks like ${listName(list)} in the ${other.id} layout: ${onlyHere.map((k) => columnName(list, k)).join(', ')} ${onlyHere.length === 1 ? 'was' : 'were'} added in ${spec.id}.`);
    }
  }
  return notes;
}

/** Which list a table with these headers is, with the proposed column mapping. */
export function recogniseHeaders(headers: readonly string[], spec: AnnexASpec, options: RecogniseOptions = {}): Recognition {
  const keys = headers.map((h) => normaliseHeader(h));
  const scores = spec.lists.map((list) => scoreList(list, keys, options.saved?.[list.key])).sort((a, b) => b.confidence - a.confidence || a.list.number - b.list.number);
  const best = scores[0];
  // The best-scoring list that has its decisive columns and something of its own beyond the
  // columns every list shares; unless a list that lacks its decisive columns has more of its own
  // (then the table is that list, missing a column, and saying so is better than a wrong guess).
  let candidate: Score | null = scores.find((s) => s.missingDecisive.length === 0 && s.distinctive > 0 && s.confidence >= 0.25) ?? null;
  const blocking = candidate && scores.find((s) => s.missingDecisive.length > 0 && s.confidence > candidate!.confidence && s.distinctive > candidate!.distinctive);
  if (blocking) candidate = null;
  const closest = blocking || best;
  const quiet = !!options.sheet && (closest.matched.size < 2 || !closest.matched.has(closest.list.person));

  if (!candidate) {
    const nothing: Recognition = { status: 'not-recognised', list: null, confidence: 0, mapping: null, missingRequired: [], missingOptional: [], notes: [], reason: null, quiet };
    if (closest.matched.size < 2) return { ...nothing, reason: 'Its headers match no Annex A list.' };
    const missing = closest.missingDecisive.map((k) => columnName(closest.list, k));
    const found = [...closest.matched].map((k) => columnName(closest.list, k)).join(', ');
    const reason =
      closest.distinctive === 0
        ? `It has only columns every list has (${found}), so which list it is cannot be told.`
        : missing.length
          ? `It looks like ${listName(closest.list)} but has no ${missing.join(' or ')} column.`
          : `Too few of its headers match ${listName(closest.list)} (${found}) to be sure which list it is.`;
    return { ...nothing, list: closest.list.key, confidence: round(closest.confidence), reason };
  }

  const list = candidate.list;
  const mapped = mapColumns(list, headers, options.saved?.[list.key]);
  const missingRequired = list.columns.filter((c) => c.required && mapped.mapping.columns[c.key] === null).map((c) => c.key);
  const missingOptional = list.columns.filter((c) => !c.required && mapped.mapping.columns[c.key] === null).map((c) => c.key);
  const notes = [...mapped.notes, ...otherVersionNotes(spec, list, headers, mapped.mapping, [...missingRequired, ...missingOptional])];
  // A close second is worth a look: the person checking the mapping should see it.
  const runnerUp = scores.find((s) => s !== candidate && s.missingDecisive.length === 0 && s.distinctive > 0);
  if (runnerUp && runnerUp.confidence > candidate.confidence - 0.1) {
    notes.push(`It could also be ${listName(runnerUp.list)}; check the list is right.`);
  }
  return { status: 'recognised', list: list.key, confidence: round(candidate.confidence), mapping: mapped.mapping, missingRequired, missingOptional, notes, reason: null, quiet: false };
}

/** A table recognised (or not), by its headers only. */
export function recogniseTable(table: SourceTable, spec: AnnexASpec, options: Omit<RecogniseOptions, 'sheet'> = {}): Recognition {
  return recogniseHeaders(table.headers, spec, { ...options, sheet: table.sheet !== null });
}

export interface RecognisedSources {
  /** Tables recognised as a list, in the order read; two tables may be the same list (one list split over two files). */
  recognised: Array<{ table: SourceTable; recognition: Recognition }>;
  /** Tables that are no list, with the reason; `quiet` ones are sheets that resemble no list at all. */
  notRecognised: Array<{ table: SourceTable; recognition: Recognition }>;
  /** Files that could not be read, and why. */
  unreadable: Array<{ file: string; message: string }>;
}

/**
 * Every table of every file recognised. A workbook in which nothing is recognised keeps its sheets'
 * reasons loud (no sheet is quiet), so the user hears why the whole file gave nothing.
 */
export function recogniseSources(files: readonly SourceFile[], spec: AnnexASpec, options: Omit<RecogniseOptions, 'sheet'> = {}): RecognisedSources {
  const out: RecognisedSources = { recognised: [], notRecognised: [], unreadable: [] };
  for (const file of files) {
    if (file.error) out.unreadable.push({ file: file.file, message: file.error });
    const results = file.tables.map((table) => ({ table, recognition: recogniseTable(table, spec, options) }));
    const any = results.some((r) => r.recognition.status === 'recognised');
    for (const result of results) {
      if (result.recognition.status === 'recognised') out.recognised.push(result);
      else out.notRecognised.push(any ? result : { ...result, recognition: { ...result.recognition, quiet: false } });
    }
  }
  return out;
}

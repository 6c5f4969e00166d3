/**
 * The query's filters (type:, folder:, modified:, judgement:, criterion:, status:, team:, tagged:)
 * as sets of documents, each read from an index, and one test built from them that the ranking,
 * counting and listing ask of each document they meet.
 *
 * Testing a filter in SQL on every match (the first design) cost 0.3-0.5 s at 50,000 documents for
 * a folder: filter, however few documents passed; reading the set once costs a few milliseconds.
 */
import type { Db } from '../store/database.ts';
import { expandType } from '../../shared/formats.ts';
import type { ParsedQuery } from './query.ts';

export interface DocumentFilter {
  /** Whether the document still has a file and passes every filter. */
  accepts(doc: number): boolean;
  /** Whether a document known to have a file passes every filter. */
  passes(doc: number): boolean;
  /** The documents every positive filter allows (the smallest set), or null when there is none. */
  candidates: ReadonlySet<number> | null;
  /** True when the query has filters beyond "has a file that is not missing". */
  filtered: boolean;
  /**
   * The first and last page of the documents the filter allows, when it allows few of them; null
   * otherwise. A folder's documents are read together, so their pages sit close: ranking and
   * counting look only there (a folder with 1 in 12 documents: 70 ms instead of 720 at 200,000).
   */
  pageSpan(): PageSpan | null;
}

/** Page ids from `from` to `to`, both included. */
export interface PageSpan {
  from: number;
  to: number;
}

/**
 * Above this many allowed documents the span is not worth finding (about 1 µs a document, and
 * filters that allow many, such as a type, are spread over the whole index anyway).
 */
export const SPAN_MAX_DOCUMENTS = 30_000;

type Ids = Set<number>;

function ids(db: Db, sql: string, ...params: unknown[]): Ids {
  return new Set(db.prepare(sql).pluck().all(...params) as number[]);
}

function typeSet(db: Db, values: string[]): Ids {
  const all = JSON.stringify(values.flatMap(expandType));
  // By what the content is, or by the extension a file carries (type:csv).
  // INDEXED BY: left to itself the planner reads every file that is not missing (80 ms at 50,000).
  return ids(
    db,
    `SELECT id FROM documents INDEXED BY documents_format WHERE format IN (SELECT value FROM json_each(?))
     UNION SELECT document_id FROM files INDEXED BY files_ext WHERE ext IN (SELECT value FROM json_each(?)) AND missing = 0`,
    all,
    all,
  );
}

/** A root's label, or any folder on the way to the file (not the file's own name), ignoring case. */
function folderSet(db: Db, name: string, folders: () => string[]): Ids {
  // SQLite's lower() folds ASCII only; so does this, so folder: means what it always meant.
  const asciiLower = (s: string) => s.replace(/[A-Z]+/gu, (c) => c.toLowerCase());
  const wanted = asciiLower(name);
  const dirs = folders().filter((d) => asciiLower(d).includes(wanted));
  const found = ids(db, `SELECT document_id FROM files INDEXED BY files_dir WHERE dir IN (SELECT value FROM json_each(?)) AND missing = 0`, JSON.stringify(dirs));
  const roots = db.prepare('SELECT id FROM roots WHERE lower(label) = lower(?)').pluck().all(name) as number[];
  if (roots.length) {
    for (const d of ids(db, `SELECT document_id FROM files INDEXED BY files_root WHERE root_id IN (SELECT value FROM json_each(?)) AND missing = 0`, JSON.stringify(roots))) found.add(d);
  }
  return found;
}

export function documentFilter(db: Db, q: ParsedQuery): DocumentFilter {
  const f = q.filters;
  const required: Ids[] = [];
  const refused: Ids[] = [];
  let folderList: string[] | null = null;
  const folders = () => (folderList ??= db.prepare('SELECT DISTINCT dir FROM files').pluck().all() as string[]);

  if (f.types.length) required.push(typeSet(db, f.types));
  if (f.notTypes.length) refused.push(typeSet(db, f.notTypes));
  for (const name of f.folders) required.push(folderSet(db, name, folders));
  for (const name of f.notFolders) refused.push(folderSet(db, name, folders));
  const tagged = (cond: string, value: string) =>
    ids(db, `SELECT e.document_id FROM evidence e JOIN tags t ON t.evidence_id = e.id WHERE e.status <> 'retired' AND ${cond}`, value);
  for (const j of f.judgements) required.push(tagged('lower(t.judgement_id) = lower(?)', j));
  for (const c of f.criteria) required.push(tagged('lower(t.criterion_id) = lower(?)', c));
  for (const t of f.teams) required.push(ids(db, 'SELECT document_id FROM evidence WHERE lower(team) = lower(?)', t));
  if (f.statuses.length) {
    const union: Ids = new Set();
    for (const st of f.statuses) {
      const found =
        st === 'stale'
          ? ids(db, `SELECT document_id FROM evidence WHERE status <> 'retired' AND review_by IS NOT NULL AND review_by < date('now')`)
          : ids(db, 'SELECT document_id FROM evidence WHERE status = ?', st);
      for (const d of found) union.add(d);
    }
    required.push(union);
  }
  if (f.tagged !== null) {
    const all = ids(db, `SELECT DISTINCT e.document_id FROM evidence e JOIN tags t ON t.evidence_id = e.id WHERE e.status <> 'retired'`);
    (f.tagged ? required : refused).push(all);
  }
  if (f.modifiedFrom !== null || f.modifiedTo !== null) {
    required.push(
      ids(
        db,
        'SELECT document_id FROM files INDEXED BY files_modified WHERE mtime_ms >= ? AND mtime_ms < ? AND missing = 0',
        f.modifiedFrom ?? Number.MIN_SAFE_INTEGER,
        f.modifiedTo ?? Number.MAX_SAFE_INTEGER,
      ),
    );
  }

  // Only documents that still have a file somewhere: missing files are kept but not found.
  const live = db.prepare('SELECT 1 FROM files WHERE document_id = ? AND missing = 0 LIMIT 1').pluck();
  const known = new Map<number, boolean>();
  const isLive = (doc: number) => {
    let ok = known.get(doc);
    if (ok === undefined) known.set(doc, (ok = live.get(doc) !== undefined));
    return ok;
  };
  required.sort((a, b) => a.size - b.size);
  const passes = (doc: number) => required.every((s) => s.has(doc)) && !refused.some((s) => s.has(doc));
  const candidates = required[0] ?? null;
  let span: PageSpan | null | undefined;
  return {
    accepts: (doc) => passes(doc) && isLive(doc),
    passes,
    candidates,
    filtered: required.length + refused.length > 0,
    pageSpan: () => (span === undefined ? (span = pageSpanOf(db, candidates)) : span),
  };
}

function pageSpanOf(db: Db, docs: ReadonlySet<number> | null): PageSpan | null {
  if (!docs || docs.size > SPAN_MAX_DOCUMENTS) return null;
  const [from, to] = db
    .prepare('SELECT MIN(id), MAX(id) FROM pages WHERE document_id IN (SELECT value FROM json_each(?))')
    .raw()
    .get(JSON.stringify([...docs])) as [number | null, number | null];
  // No pages at all: an empty span, which ranks and counts nothing.
  return from === null || to === null ? { from: 1, to: 0 } : { from, to };
}

/**
 * How many documents a query finds. Counting every match of a word in nearly every document costs
 * as much as ranking them all, so the search itself counts only up to COUNT_CAP ("1,000+": counting
 * to 10,000 took 50-80 ms at 50,000 documents, to 1,000 a few) and the exact number follows with
 * the facet counts (search.facets), which need every match anyway.
 */
import type { Db } from '../store/database.ts';
import type { DocumentFilter } from './filters.ts';

export const COUNT_CAP = 1_000;

export interface Count {
  total: number;
  /** The count stopped at the cap: there are at least `total`. */
  capped: boolean;
}

/**
 * The document still has a file: asked inside SQLite, about a microsecond a document, where the
 * filter's own test is a statement run from here (3-5 µs; a second for 200,000 documents).
 */
const LIVE = 'EXISTS (SELECT 1 FROM files f INDEXED BY files_live WHERE f.missing = 0 AND f.document_id = p.document_id)';

/**
 * The documents a query finds, one at a time: those with a page matching `match` or, for a query
 * with no words, every indexed document (those matching `excluded` left out), the filter's
 * candidates first when it has them. Each comes once, with whether it is known to have a file;
 * the filter is not applied.
 */
function* documentsOf(db: Db, filter: DocumentFilter, match: string | null, excluded: string | null): Generator<[number, boolean]> {
  if (match !== null && filter.candidates) {
    // A filter allows few documents: SQLite keeps only the matches among them, rather than every
    // match coming here to be refused one by one; and only within their pages when they sit
    // together (a folder in the middle of the index is not reached after every match before it).
    const span = filter.pageSpan() ?? { from: 1, to: Number.MAX_SAFE_INTEGER };
    const docs = db
      .prepare(
        `SELECT DISTINCT p.document_id FROM pages_fts JOIN pages p ON p.id = pages_fts.rowid
         WHERE pages_fts MATCH ? AND pages_fts.rowid BETWEEN ? AND ? AND p.document_id IN (SELECT value FROM json_each(?)) AND ${LIVE}`,
      )
      .pluck()
      // Rowids as BigInt: FTS5 ignores a rowid bound that is not an INTEGER (ranking.ts).
      .iterate(match, BigInt(span.from), BigInt(span.to), JSON.stringify([...filter.candidates])) as IterableIterator<number>;
    for (const doc of docs) yield [doc, true];
    return;
  }
  if (match !== null) {
    const docs = db
      .prepare(`SELECT DISTINCT p.document_id FROM pages_fts JOIN pages p ON p.id = pages_fts.rowid WHERE pages_fts MATCH ? AND ${LIVE}`)
      .pluck()
      .iterate(match) as IterableIterator<number>;
    for (const doc of docs) yield [doc, true];
    return;
  }
  const left = excluded === null
    ? new Set<number>()
    : new Set(db.prepare('SELECT p.document_id FROM pages_fts JOIN pages p ON p.id = pages_fts.rowid WHERE pages_fts MATCH ?').pluck().all(excluded) as number[]);
  if (filter.candidates) {
    const indexed = db.prepare(`SELECT 1 FROM documents WHERE id = ? AND status = 'indexed'`).pluck();
    for (const doc of filter.candidates) if (!left.has(doc) && indexed.get(doc) !== undefined) yield [doc, false];
    return;
  }
  const all = db
    .prepare(
      `SELECT DISTINCT f.document_id FROM files f INDEXED BY files_live JOIN documents d ON d.id = f.document_id
       WHERE f.missing = 0 AND d.status = 'indexed'`,
    )
    .pluck()
    .iterate() as IterableIterator<number>;
  // These have a file that is not missing, so only the filters are left to ask.
  for (const doc of all) if (!left.has(doc)) yield [doc, true];
}

/** Documents found, counted up to `cap`. */
export function countMatches(db: Db, filter: DocumentFilter, match: string | null, excluded: string | null, cap = COUNT_CAP): Count {
  let total = 0;
  for (const [doc, live] of documentsOf(db, filter, match, excluded)) {
    if (!(live ? filter.passes(doc) : filter.accepts(doc))) continue;
    if (++total > cap) return { total: cap, capped: true };
  }
  return { total, capped: false };
}

/** Every document found (for the facet counts). */
export function allMatches(db: Db, filter: DocumentFilter, match: string | null, excluded: string | null): number[] {
  const out: number[] = [];
  for (const [doc, live] of documentsOf(db, filter, match, excluded)) if (live ? filter.passes(doc) : filter.accepts(doc)) out.push(doc);
  return out;
}

/**
 * The best documents for a query, without ranking every match in SQL. FTS5 sorts its matches by
 * bm25 itself (`ORDER BY rank`); we read that sorted list only as far as the page being shown
 * needs, mapping pages to documents (a document's score is its best page's) and skipping those the
 * filters refuse. A word in nearly every document still costs one bm25 per match inside FTS5, but
 * no longer a join, a GROUP BY and a sort of every match, and the walk stops after a few rows.
 *
 * The listing of a query with no words (newest first) walks the files by modified time the same way.
 * Ties are broken by document id, as a full sort does, so the top results are the same.
 */
import type { Db } from '../store/database.ts';

/** bm25 weights for (title, body): a word in the file name or title counts ten times a word in the text. */
export const TITLE_WEIGHT = 10.0;
export const BODY_WEIGHT = 1.0;

export interface Match {
  doc: number;
  /** Lower is better: bm25 of the document's best page, or minus its newest modified time. */
  score: number;
}

export interface TopMatches {
  /** The best `want` documents (fewer when there are fewer), best first; all of them when `complete`. */
  matches: Match[];
  /** True when every row was read, so `matches` holds every accepted document. */
  complete: boolean;
}

/**
 * The best `want` documents from rows sorted best first (a document may come several times; its
 * first row is its best), keeping only those `accepts` allows.
 */
export function topOf(rows: Iterable<[number, number]>, accepts: (doc: number) => boolean, want: number): TopMatches {
  const seen = new Set<number>();
  const found: Match[] = [];
  let complete = true;
  for (const [doc, score] of rows) {
    // Enough documents, and this row ranks below the last one kept: nothing later can enter.
    if (found.length >= want && score > found[want - 1].score) {
      complete = false;
      break; // for…of closes the statement
    }
    if (seen.has(doc)) continue;
    seen.add(doc);
    if (accepts(doc)) found.push({ doc, score });
  }
  found.sort((a, b) => a.score - b.score || a.doc - b.doc);
  return { matches: complete ? found : found.slice(0, want), complete };
}

const RANK = `pages_fts.rank MATCH 'bm25(${TITLE_WEIGHT.toFixed(1)}, ${BODY_WEIGHT.toFixed(1)})'`;

export function topRanked(db: Db, match: string, accepts: (doc: number) => boolean, want: number): TopMatches {
  const rows = db
    .prepare(
      `SELECT p.document_id AS doc, pages_fts.rank AS score
       FROM pages_fts JOIN pages p ON p.id = pages_fts.rowid
       WHERE pages_fts MATCH ? AND ${RANK}
       ORDER BY pages_fts.rank`,
    )
    .raw()
    .iterate(match) as IterableIterator<[number, number]>;
  return topOf(rows, accepts, want);
}

/** The best rows among pages with ids in [from, to] (bound as BigInt), for one ranking worker. */
export const RANK_SQL_IN_RANGE = `
  SELECT p.document_id AS doc, pages_fts.rank AS score
  FROM pages_fts JOIN pages p ON p.id = pages_fts.rowid
  WHERE pages_fts MATCH ? AND ${RANK} AND pages_fts.rowid BETWEEN ? AND ?
  ORDER BY pages_fts.rank LIMIT ?`;

export interface RankRequest {
  id: number;
  match: string;
  from: number;
  to: number;
  /** Rows wanted (the worker reads one more to know whether there are more). */
  rows: number;
}

export type RankReply = { id: number; rows: [number, number][]; exhausted: boolean } | { id: number; error: string };

/**
 * The best documents from several workers' best rows, each over its own range of pages. A worker
 * that was not exhausted may hold more rows, but none better than its last: so the merged rows
 * are certain up to the smallest such last score, and the answer stands only if the walk stopped
 * inside that part. Otherwise null: the caller ranks in one piece.
 */
export function topOfParts(parts: { rows: [number, number][]; exhausted: boolean }[], accepts: (doc: number) => boolean, want: number): TopMatches | null {
  let certainUpTo = Infinity;
  for (const p of parts) if (!p.exhausted) certainUpTo = Math.min(certainUpTo, p.rows.length ? p.rows[p.rows.length - 1][1] : -Infinity);
  const merged = parts.flatMap((p) => p.rows).filter((r) => r[1] <= certainUpTo);
  merged.sort((a, b) => a[1] - b[1]);
  const top = topOf(merged, accepts, want);
  // The walk read every certain row without finding enough: rows past the cut could still count.
  if (top.complete && certainUpTo !== Infinity) return null;
  return top;
}

/** Documents newest first (by their newest file that is not missing), for a query with no words. */
export function topNewest(db: Db, accepts: (doc: number) => boolean, want: number): TopMatches {
  const rows = db
    .prepare(
      `SELECT f.document_id AS doc, -f.mtime_ms AS score FROM files f INDEXED BY files_modified
       JOIN documents d ON d.id = f.document_id
       WHERE f.missing = 0 AND d.status = 'indexed' ORDER BY f.mtime_ms DESC`,
    )
    .raw()
    .iterate() as IterableIterator<[number, number]>;
  return topOf(rows, accepts, want);
}

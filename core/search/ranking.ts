/**
 * The best documents for a query, without ranking every match in SQL and sorting them all.
 *
 * FTS5 scores every match with bm25 before returning the first (about 1 µs a match); what we save
 * is the rest. We ask SQLite for the best L pages only (`ORDER BY score LIMIT L`: SQLite keeps the
 * L best as it goes, where FTS5's own `ORDER BY rank` sorts every match, which costs as much again)
 * without joining anything to them, then map those pages to their documents (a document scores as
 * its best page) and skip those the filters refuse. If the L pages do not settle the page shown, we
 * ask again for 8 times as many; the first L is chosen from the filter's share so that is rare.
 *
 * A LIMIT cuts between rows of equal score in no particular order, so only rows strictly better
 * than the last one returned are certain; ties are broken by document id, as a full sort does,
 * and the top results are those of ranking every match (test/core/search/ranking.test.ts).
 *
 * The listing of a query with no words (newest first) walks the files by modified time.
 */
import type { Db } from '../store/database.ts';
import type { PageSpan } from './filters.ts';

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

/** The best `limit` pages among those with ids in [from, to] (bound as BigInt), best first. */
const RANK_SQL = `
  SELECT rowid, bm25(pages_fts, ${TITLE_WEIGHT.toFixed(1)}, ${BODY_WEIGHT.toFixed(1)}) AS score
  FROM pages_fts WHERE pages_fts MATCH ? AND rowid BETWEEN ? AND ?
  ORDER BY score LIMIT ?`;

/** A query's best rows among some pages: [document, score], best first. */
export interface RankPart {
  rows: [number, number][];
  /** True when these are all the matches in those pages. */
  exhausted: boolean;
}

/**
 * The best `rows` pages of a query within `span`, as [document, score] rows best first. Used in
 * one piece on the main thread and by each ranking worker on its part of the pages.
 */
export function rankedRows(db: Db, match: string, span: PageSpan, rows: number): RankPart {
  if (span.to < span.from) return { rows: [], exhausted: true };
  // Rowids as BigInt: better-sqlite3 binds a JS number as REAL, and FTS5 ignores a rowid bound
  // that is not an INTEGER (scanning every match instead).
  const best = db.prepare(RANK_SQL).raw().all(match, BigInt(span.from), BigInt(span.to), rows + 1) as [number, number][];
  const exhausted = best.length <= rows;
  const kept = exhausted ? best : best.slice(0, rows);
  const documentOf = new Map(
    db.prepare('SELECT id, document_id FROM pages WHERE id IN (SELECT value FROM json_each(?))').raw().all(JSON.stringify(kept.map((r) => r[0]))) as [number, number][],
  );
  // A page a scan removed between the two statements is left out; that only makes the cut earlier.
  return { rows: kept.flatMap(([page, score]): [number, number][] => (documentOf.has(page) ? [[documentOf.get(page)!, score]] : [])), exhausted };
}

export interface RankRequest {
  id: number;
  match: string;
  from: number;
  to: number;
  /** Rows wanted. */
  rows: number;
}

export type RankReply = ({ id: number } & RankPart) | { id: number; error: string };

/**
 * The best `want` documents from the best rows of one or more parts of the pages (each part's
 * rows best first). A part that was not exhausted may hold more rows, none better than its last,
 * but perhaps equal to it: so the rows are certain only below the smallest such last score, and
 * the answer stands only if `want` accepted documents were found there. Otherwise null: the caller
 * asks for more rows.
 */
export function topOfParts(parts: RankPart[], accepts: (doc: number) => boolean, want: number): TopMatches | null {
  let cut = Infinity;
  for (const p of parts) if (!p.exhausted) cut = Math.min(cut, p.rows.length ? p.rows[p.rows.length - 1][1] : -Infinity);
  const certain = parts.flatMap((p) => p.rows).filter((r) => r[1] < cut);
  certain.sort((a, b) => a[1] - b[1]);
  const top = topOf(certain, accepts, want);
  if (cut === Infinity) return top; // every match was read
  // Fewer than `want` below the cut: rows past it could still enter.
  if (top.matches.length < want) return null;
  return { matches: top.matches.slice(0, want), complete: false };
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

/**
 * Full-text search over the index: the best documents for the page shown, each with its best pages
 * and snippets, and how many documents match (exactly up to COUNT_CAP, then "1,000+"). Facet
 * counts, which need every match, come separately (`facetSteps`, the API's search.facets), so the
 * first results come back at once on a library of any size.
 *
 * Both run as steps (generators) so a newer search can cancel one between steps (cancel.ts).
 * Reads only; safe to run while a scan writes (WAL).
 */
import type { Db } from '../store/database.ts';
import type { SearchResponse, SearchResult, SearchFacets } from '../../shared/contract.ts';
import { parseQuery, toFtsMatch, toExcludedMatch, highlightTerms, type ParsedQuery } from './query.ts';
import { snippetSegments, HIT_OPEN, HIT_CLOSE } from './highlight.ts';
import { substringApplies, substringPages, substringSnippet, MAX_CANDIDATE_PAGES } from './substring.ts';
import { displayTitle } from '../store/titles.ts';
import { locationName } from '../../shared/locations.ts';
import { documentFilter, type DocumentFilter, type PageSpan } from './filters.ts';
import { spellOutPrefixes } from './prefixes.ts';
import { rankedRows, topNewest, topOfParts, type Match, type RankPart, type TopMatches } from './ranking.ts';
import { countMatches, allMatches } from './counting.ts';
import { facetCounts } from './facets.ts';
import { runNow, type Steps } from './cancel.ts';
import type { RankWorkers } from './rank-workers.ts';

export interface SearchOptions {
  limit?: number;
  offset?: number;
  /** Best pages shown per document. */
  hitsPerDocument?: number;
  /** Count up to this many documents, then say "at least" (tests use a small one). */
  countCap?: number;
  /** Pages checked for words inside longer words at most (substring.ts; tests use a small number). */
  insideWordCandidates?: number;
  /** Workers to rank a big library in parts at once (the API's searches; not `search()`). */
  rankWorkers?: RankWorkers;
  /** Best pages read first when ranking (tests use a small number, to make it read again). */
  firstRows?: number;
}

/** Inside-word matches listed at most (they rank after whole-word ones and are noisy). */
const MAX_INSIDE_WORD_DOCUMENTS = 1_000;

/** Runs a search at once (tests, scripts); the API runs `searchSteps` so it can be cancelled. */
export function search(db: Db, query: string, options: SearchOptions = {}): SearchResponse {
  return runNow(searchSteps(db, query, options));
}

export function* searchSteps(db: Db, query: string, options: SearchOptions = {}): Steps<SearchResponse> {
  const started = performance.now();
  const limit = options.limit ?? 20;
  const offset = options.offset ?? 0;
  const perDoc = options.hitsPerDocument ?? 3;
  const parsed = parseQuery(query);
  const match = toFtsMatch(parsed);
  const excluded = match ? null : toExcludedMatch(parsed);
  const notes = [...parsed.notes];
  yield 'parsed';

  let page: Match[];
  let total: number;
  let capped = false;
  let inside = new Map<number, number[]>();
  try {
    const filter = documentFilter(db, parsed);
    if (!match) {
      const newest = topNewest(db, notExcluded(db, filter, excluded), offset + limit);
      // Newest first has no relevance to show: a score of 0, as before.
      page = newest.matches.slice(offset, offset + limit).map((m) => ({ doc: m.doc, score: 0 }));
      yield 'listed';
      ({ total, capped } = newest.complete ? { total: newest.matches.length, capped: false } : countMatches(db, filter, null, excluded, options.countCap));
    } else {
      const top = yield* ranked(db, match, filter, offset + limit, options.rankWorkers, options.firstRows);
      yield 'ranked';
      const none = top.complete && top.matches.length === 0;
      if (substringApplies(parsed, none ? 0 : 1)) {
        // Inside-word matches wanted (numbers, scripts without spaces) or needed (no whole word
        // matched): they follow every whole-word match, so the whole-word count must be exact.
        const wholeTotal = top.complete ? top.matches.length : countMatches(db, filter, match, null, Infinity).total;
        const found = insideWordMatches(db, parsed, filter, match, options.insideWordCandidates);
        inside = found.inside;
        yield 'inside words';
        if (inside.size) {
          const more = inside.size >= MAX_INSIDE_WORD_DOCUMENTS || found.capped ? ' (the first ones found; add words to narrow the search)' : '';
          notes.push(`Also showing ${inside.size} document${inside.size === 1 ? '' : 's'} where the words appear inside longer words or runs of text${more}.`);
        } else if (found.capped) {
          notes.push(`Looked inside longer words on the first ${(options.insideWordCandidates ?? MAX_CANDIDATE_PAGES).toLocaleString('en-GB')} pages that could hold them, and found none; check the spelling or try fewer letters.`);
        }
        page = [...top.matches, ...[...inside.keys()].map((doc) => ({ doc, score: 0 }))].slice(offset, offset + limit);
        total = wholeTotal + inside.size;
      } else {
        page = top.matches.slice(offset, offset + limit);
        ({ total, capped } = top.complete ? { total: top.matches.length, capped: false } : countMatches(db, filter, match, null, options.countCap));
      }
    }
  } catch (error) {
    // Our MATCH strings are built from quoted tokens only, so this should not happen; if FTS5
    // still refuses one, the user gets an empty list and a note, never an error.
    return empty(query, started, [...notes, `The search could not be run (${(error as Error).message}).`]);
  }
  yield 'counted';

  // Long prefixes spelled out as their words: the same places in the text, found by seeking (prefixes.ts).
  const hits = match ? bestPages(db, toFtsMatch(spellOutPrefixes(db, parsed))!, page.filter((m) => !inside.has(m.doc)).map((m) => m.doc), perDoc) : new Map();
  for (const m of page) {
    if (inside.has(m.doc)) hits.set(m.doc, insideWordHits(db, inside.get(m.doc)!.slice(0, perDoc), highlightTerms(parsed)));
  }
  const details = documentRows(db, page.map((m) => m.doc));
  const results: SearchResult[] = [];
  for (const m of page) {
    const d = details.get(m.doc);
    if (!d) continue;
    results.push({ ...d, score: Number((-m.score).toFixed(4)), hits: hits.get(m.doc) ?? [] });
  }
  return {
    query,
    total,
    totalCapped: capped,
    results,
    terms: [...new Set(highlightTerms(parsed).flatMap((t) => t.tokens))],
    notes,
    millis: Math.round(performance.now() - started),
  };
}

/** Counts facets at once (tests, scripts); the API runs `facetSteps` so it can be cancelled. */
export function searchFacets(db: Db, query: string, judgementLabel: (id: string) => string = (id) => id): SearchFacets {
  return runNow(facetSteps(db, query, judgementLabel));
}

/** The facet counts and the exact number of documents a query finds. */
export function* facetSteps(db: Db, query: string, judgementLabel: (id: string) => string): Steps<SearchFacets> {
  const started = performance.now();
  const parsed = parseQuery(query);
  const match = toFtsMatch(parsed);
  yield 'parsed';
  let docs: number[];
  try {
    const filter = documentFilter(db, parsed);
    docs = allMatches(db, filter, match, match ? null : toExcludedMatch(parsed));
    if (match && substringApplies(parsed, docs.length)) {
      yield 'matched';
      docs.push(...insideWordMatches(db, parsed, filter, match).inside.keys());
    }
  } catch {
    docs = [];
  }
  yield 'matched';
  const facets = yield* facetCounts(db, docs, judgementLabel);
  return { query, total: docs.length, facets, millis: Math.round(performance.now() - started) };
}

function empty(query: string, started: number, notes: string[]): SearchResponse {
  return { query, total: 0, totalCapped: false, results: [], terms: [], notes, millis: Math.round(performance.now() - started) };
}

/** Best pages read at least, whatever the page shown: reading 2,000 costs hardly more than 20. */
const MIN_FIRST_ROWS = 200;
/** Best pages read at most at first (reading 20,000 costs a quarter more than 20). */
const MAX_FIRST_ROWS = 20_000;

/**
 * The best documents: the best pages read in parts on the workers when the library is big, else
 * here in one piece, within the filter's span of pages when it has one; read again, 8 times as
 * many, until they settle the page shown (ranking.ts).
 */
function* ranked(db: Db, match: string, filter: DocumentFilter, want: number, workers: RankWorkers | undefined, firstRows?: number): Steps<TopMatches> {
  const lastPage = (db.prepare('SELECT MAX(id) FROM pages').pluck().get() as number | null) ?? 0;
  const span: PageSpan = filter.pageSpan() ?? { from: 1, to: lastPage };
  const parallel = workers?.usable && span.to - span.from + 1 >= Math.max(1, workers.fromPages) ? workers : undefined;
  for (let rows = Math.max(1, firstRows ?? firstRowsFor(db, filter, want)); ; rows *= 8) {
    const parts = parallel ? ((yield parallel.parts(match, span, rows)) as RankPart[] | null) : null;
    const top = topOfParts(parts ?? [rankedRows(db, match, span, rows)], filter.accepts, want);
    if (top) return top;
    yield 'ranking further';
  }
}

/**
 * Enough best pages that the filter still leaves `want` documents among them: four pages a
 * document wanted (documents with several matching pages), divided by the share of documents the
 * filter allows.
 */
function firstRowsFor(db: Db, filter: DocumentFilter, want: number): number {
  let share = 1;
  if (filter.candidates) {
    const documents = (db.prepare('SELECT MAX(id) FROM documents').pluck().get() as number | null) ?? 1;
    share = Math.min(1, Math.max(filter.candidates.size, 1) / documents);
  }
  return Math.min(MAX_FIRST_ROWS, Math.max(MIN_FIRST_ROWS, Math.ceil((want * 4) / share)));
}

/** The filter, less the documents matching the excluded words of a query with no words to rank. */
function notExcluded(db: Db, filter: DocumentFilter, excluded: string | null): (doc: number) => boolean {
  if (excluded === null) return filter.accepts;
  const left = new Set(db.prepare('SELECT p.document_id FROM pages_fts JOIN pages p ON p.id = pages_fts.rowid WHERE pages_fts MATCH ?').pluck().all(excluded) as number[]);
  return (doc) => !left.has(doc) && filter.accepts(doc);
}

/**
 * Documents with pages where the query's terms occur inside words, not found as whole words,
 * with those page ids; more matching pages first, as a rough relevance.
 */
function insideWordMatches(db: Db, q: ParsedQuery, filter: DocumentFilter, match: string, maxCandidates?: number): { inside: Map<number, number[]>; capped: boolean } {
  const { pages, capped } = substringPages(db, q, maxCandidates);
  if (!pages.size) return { inside: new Map(), capped };
  const excluded = toExcludedMatch(q);
  const rows = db
    .prepare(
      `SELECT p.document_id AS doc, p.id AS pid FROM pages p JOIN documents d ON d.id = p.document_id
       WHERE p.id IN (SELECT value FROM json_each(?))
       AND d.id NOT IN (SELECT p2.document_id FROM pages_fts JOIN pages p2 ON p2.id = pages_fts.rowid WHERE pages_fts MATCH ?)
       ${excluded ? 'AND d.id NOT IN (SELECT p3.document_id FROM pages_fts JOIN pages p3 ON p3.id = pages_fts.rowid WHERE pages_fts MATCH ?)' : ''}
       ORDER BY p.document_id, p.number`,
    )
    .all(JSON.stringify([...pages]), match, ...(excluded ? [excluded] : [])) as { doc: number; pid: number }[];
  const out = new Map<number, number[]>();
  for (const r of rows) {
    if (!filter.accepts(r.doc)) continue;
    const list = out.get(r.doc) ?? [];
    list.push(r.pid);
    out.set(r.doc, list);
  }
  const sorted = [...out].sort((a, b) => b[1].length - a[1].length || a[0] - b[0]).slice(0, MAX_INSIDE_WORD_DOCUMENTS);
  return { inside: new Map(sorted), capped };
}

function insideWordHits(db: Db, pageIds: number[], terms: ReturnType<typeof highlightTerms>): SearchResult['hits'] {
  const get = db.prepare('SELECT p.number, p.label, p.body, d.format FROM pages p JOIN documents d ON d.id = p.document_id WHERE p.id = ?');
  return pageIds.map((id) => {
    const p = get.get(id) as { number: number; label: string; body: string; format: string };
    return { page: p.number, pageLabel: locationName(p.format, p), snippet: substringSnippet(p.body, terms) };
  });
}

/** Matching pages of one document looked at for its best pages (a 2,000-page PDF is not read whole). */
const PAGES_RANKED_PER_DOCUMENT = 200;

/**
 * The best pages of each document shown, with snippets: the pages where the query's words occur
 * most, then in page order. Counted from FTS5's highlight(), not bm25(): bm25 first counts the
 * query's matches in the whole library (35 ms for a common phrase at 50,000 documents), and would
 * pay that again for every document shown. A title match makes every page match, so only the
 * text is counted, or the user would be sent to an arbitrary page.
 */
function bestPages(db: Db, match: string, docs: number[], perDoc: number): Map<number, SearchResult['hits']> {
  const out = new Map<number, SearchResult['hits']>();
  if (!docs.length) return out;
  // A document's pages are stored together, so their ids form a range FTS5 can seek to. Rowids are
  // bound as BigInt: better-sqlite3 binds a JS number as REAL, and FTS5 ignores a rowid bound that
  // is not an INTEGER, scanning every match instead (1.4 s instead of 0.3 ms for one page).
  const spans = db
    .prepare(`SELECT document_id AS doc, MIN(id) AS first, MAX(id) AS last FROM pages WHERE document_id IN (SELECT value FROM json_each(?)) GROUP BY document_id`)
    .all(JSON.stringify(docs)) as { doc: number; first: number; last: number }[];
  const pagesOf = db.prepare(
    `SELECT p.id AS pid, p.number AS number, highlight(pages_fts, 1, char(1), '') AS marked
     FROM pages_fts JOIN pages p ON p.id = pages_fts.rowid
     WHERE pages_fts MATCH ? AND pages_fts.rowid BETWEEN ? AND ? AND p.document_id = ?
     LIMIT ${PAGES_RANKED_PER_DOCUMENT}`,
  );
  const snippet = db.prepare(
    `SELECT p.number AS number, p.label AS label, d.format AS format, snippet(pages_fts, 1, '${HIT_OPEN}', '${HIT_CLOSE}', '…', 24) AS snippet
     FROM pages_fts JOIN pages p ON p.id = pages_fts.rowid JOIN documents d ON d.id = p.document_id WHERE pages_fts MATCH ? AND pages_fts.rowid = ?`,
  );
  for (const { doc, first, last } of spans) {
    const pages = (pagesOf.all(match, BigInt(first), BigInt(last), doc) as { pid: number; number: number; marked: string | null }[])
      .map((pg) => ({ ...pg, hits: countOf(pg.marked ?? '', '\u0001') }))
      .sort((a, b) => b.hits - a.hits || a.number - b.number)
      .slice(0, perDoc);
    out.set(
      doc,
      pages.flatMap((pg) => {
        const r = snippet.get(match, BigInt(pg.pid)) as { number: number; label: string; format: string; snippet: string | null } | undefined;
        return r ? [{ page: r.number, pageLabel: locationName(r.format, r), snippet: snippetSegments(r.snippet ?? '') }] : [];
      }),
    );
  }
  return out;
}

function countOf(text: string, mark: string): number {
  let n = 0;
  for (let i = text.indexOf(mark); i !== -1; i = text.indexOf(mark, i + 1)) n++;
  return n;
}

type ResultDetails = Omit<SearchResult, 'score' | 'hits'>;

/** Title, primary location and dates of each document. */
function documentRows(db: Db, docs: number[]): Map<number, ResultDetails> {
  const out = new Map<number, ResultDetails>();
  if (!docs.length) return out;
  const rows = db
    .prepare(
      `SELECT d.id, d.title, d.format, d.page_count, f.path, f.name, f.size, f.mtime_ms, r.label AS root_label, r.path AS root_path
       FROM documents d
       JOIN files f ON f.id = (SELECT f2.id FROM files f2 WHERE f2.document_id = d.id AND f2.missing = 0 ORDER BY f2.path LIMIT 1)
       JOIN roots r ON r.id = f.root_id
       WHERE d.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(docs)) as {
    id: number; title: string | null; format: string; page_count: number; path: string; name: string;
    size: number; mtime_ms: number; root_label: string; root_path: string;
  }[];
  for (const r of rows) {
    const dir = r.path.slice(0, r.path.length - r.name.length).replace(/[\\/]+$/u, '');
    out.set(r.id, {
      documentId: r.id,
      title: displayTitle(r.title, r.name),
      path: r.path,
      folder: dir,
      format: r.format,
      size: r.size,
      modified: new Date(r.mtime_ms).toISOString(),
      pageCount: r.page_count,
    });
  }
  return out;
}


/**
 * Full-text search over the index: ranked documents, each with its best pages and snippets,
 * plus facet counts. Reads only; safe to run while a scan writes (WAL).
 */
import type { Db } from '../store/database.ts';
import type { SearchResponse, SearchResult, FacetValue } from '../../shared/contract.ts';
import { parseQuery, toFtsMatch, toExcludedMatch, highlightTerms, type ParsedQuery } from './query.ts';
import { snippetSegments, HIT_OPEN, HIT_CLOSE } from './highlight.ts';
import { expandType, formatLabel } from '../../shared/formats.ts';
import { substringApplies, substringPages, substringSnippet } from './substring.ts';
import { displayTitle } from '../store/titles.ts';

export interface SearchOptions {
  limit?: number;
  offset?: number;
  /** Best pages shown per document. */
  hitsPerDocument?: number;
  /** A judgement id's name for the facet (from the frameworks in use). */
  judgementLabel?: (id: string) => string;
}

/** bm25 weights for (title, body): a word in the file name or title counts ten times a word in the text. */
const TITLE_WEIGHT = 10.0;
const BODY_WEIGHT = 1.0;

interface Match {
  doc: number;
  score: number;
}

export function search(db: Db, query: string, options: SearchOptions = {}): SearchResponse {
  const started = performance.now();
  const limit = options.limit ?? 20;
  const offset = options.offset ?? 0;
  const parsed = parseQuery(query);
  const match = toFtsMatch(parsed);
  const { where, params } = filterSql(parsed);

  let matches: Match[];
  try {
    matches = match ? rankedMatches(db, match, where, params) : listing(db, parsed, where, params);
  } catch (error) {
    // Our MATCH strings are built from quoted tokens only, so this should not happen; if FTS5
    // still refuses one, the user gets an empty list and a note, never an error.
    return empty(query, parsed, started, `The search could not be run (${(error as Error).message}).`);
  }

  const notes = [...parsed.notes];
  // Whole-word matches first; then, where it helps, documents where the words appear inside longer words.
  let inside = new Map<number, number[]>();
  if (match && substringApplies(parsed, matches.length)) {
    inside = insideWordMatches(db, parsed, where, params, new Set(matches.map((m) => m.doc)));
    for (const doc of inside.keys()) matches.push({ doc, score: 0 });
    if (inside.size) notes.push(`Also showing ${inside.size} document${inside.size === 1 ? '' : 's'} where the words appear inside longer words or runs of text.`);
  }

  const page = matches.slice(offset, offset + limit);
  const perDoc = options.hitsPerDocument ?? 3;
  const hits = match ? bestPages(db, match, page.filter((m) => !inside.has(m.doc)).map((m) => m.doc), perDoc) : new Map();
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
    total: matches.length,
    results,
    facets: facets(db, matches.map((m) => m.doc), options.judgementLabel ?? ((id) => id)),
    terms: [...new Set(highlightTerms(parsed).flatMap((t) => t.tokens))],
    notes,
    millis: Math.round(performance.now() - started),
  };
}

function empty(query: string, parsed: ParsedQuery, started: number, note: string): SearchResponse {
  return {
    query,
    total: 0,
    results: [],
    facets: { type: [], folder: [], year: [], judgement: [], status: [], team: [], tagged: [] },
    terms: [],
    notes: [...parsed.notes, note],
    millis: Math.round(performance.now() - started),
  };
}

/** SQL conditions on `d` (documents) for the query's filters, and their parameters. */
function filterSql(q: ParsedQuery): { where: string; params: unknown[] } {
  const conds: string[] = [
    // Only documents that still have a file somewhere; missing files are kept but not found.
    `EXISTS (SELECT 1 FROM files f WHERE f.document_id = d.id AND f.missing = 0)`,
  ];
  const params: unknown[] = [];
  const f = q.filters;
  const typeCond = (values: string[]) => {
    const all = values.flatMap(expandType);
    params.push(JSON.stringify(all), JSON.stringify(all));
    return `(d.format IN (SELECT value FROM json_each(?)) OR EXISTS (SELECT 1 FROM files f WHERE f.document_id = d.id AND f.missing = 0 AND f.ext IN (SELECT value FROM json_each(?))))`;
  };
  if (f.types.length) conds.push(typeCond(f.types));
  if (f.notTypes.length) conds.push('NOT ' + typeCond(f.notTypes));
  const folderCond = (name: string) => {
    params.push(name, name);
    // A root's label, or any folder on the way to the file (not the file's own name).
    return `EXISTS (SELECT 1 FROM files f JOIN roots r ON r.id = f.root_id WHERE f.document_id = d.id AND f.missing = 0
      AND (lower(r.label) = lower(?) OR instr(lower(substr(f.path, 1, length(f.path) - length(f.name))), lower(?)) > 0))`;
  };
  for (const name of f.folders) conds.push(folderCond(name));
  for (const name of f.notFolders) conds.push('NOT ' + folderCond(name));
  const evidence = (cond: string, value?: string) => {
    if (value !== undefined) params.push(value);
    return `EXISTS (SELECT 1 FROM evidence e WHERE e.document_id = d.id AND ${cond})`;
  };
  const tagged = (cond: string, value: string) => {
    params.push(value);
    return `EXISTS (SELECT 1 FROM evidence e JOIN tags t ON t.evidence_id = e.id WHERE e.document_id = d.id AND e.status <> 'retired' AND ${cond})`;
  };
  for (const j of f.judgements) conds.push(tagged('lower(t.judgement_id) = lower(?)', j));
  for (const c of f.criteria) conds.push(tagged('lower(t.criterion_id) = lower(?)', c));
  for (const t of f.teams) conds.push(evidence('lower(e.team) = lower(?)', t));
  if (f.statuses.length) {
    conds.push(
      '(' +
        f.statuses
          .map((st) =>
            st === 'stale'
              ? evidence(`e.status <> 'retired' AND e.review_by IS NOT NULL AND e.review_by < date('now')`)
              : evidence('e.status = ?', st),
          )
          .join(' OR ') +
        ')',
    );
  }
  if (f.tagged !== null) {
    conds.push(`${f.tagged ? '' : 'NOT '}EXISTS (SELECT 1 FROM evidence e JOIN tags t ON t.evidence_id = e.id WHERE e.document_id = d.id AND e.status <> 'retired')`);
  }
  if (f.modifiedFrom !== null || f.modifiedTo !== null) {
    params.push(f.modifiedFrom ?? Number.MIN_SAFE_INTEGER, f.modifiedTo ?? Number.MAX_SAFE_INTEGER);
    conds.push(`EXISTS (SELECT 1 FROM files f WHERE f.document_id = d.id AND f.missing = 0 AND f.mtime_ms >= ? AND f.mtime_ms < ?)`);
  }
  return { where: conds.join(' AND '), params };
}

function rankedMatches(db: Db, match: string, where: string, params: unknown[]): Match[] {
  // bm25() only works in the query that runs MATCH, so rank pages in a materialised step first.
  const sql = `
    WITH m AS MATERIALIZED (
      SELECT p.document_id AS doc, bm25(pages_fts, ${TITLE_WEIGHT}, ${BODY_WEIGHT}) AS score
      FROM pages_fts JOIN pages p ON p.id = pages_fts.rowid
      WHERE pages_fts MATCH ?
    )
    SELECT m.doc AS doc, MIN(m.score) AS score FROM m JOIN documents d ON d.id = m.doc
    WHERE ${where}
    GROUP BY m.doc
    ORDER BY score, m.doc`;
  return db.prepare(sql).all(match, ...params) as Match[];
}

/** Documents (not already found) with pages where the query's terms occur inside words, and those page ids. */
function insideWordMatches(db: Db, q: ParsedQuery, where: string, params: unknown[], found: Set<number>): Map<number, number[]> {
  const pageIds = [...substringPages(db, q)];
  if (!pageIds.length) return new Map();
  const excluded = toExcludedMatch(q);
  const rows = db
    .prepare(
      `SELECT p.document_id AS doc, p.id AS pid FROM pages p JOIN documents d ON d.id = p.document_id
       WHERE p.id IN (SELECT value FROM json_each(?)) AND ${where}
       ${excluded ? 'AND d.id NOT IN (SELECT p2.document_id FROM pages_fts JOIN pages p2 ON p2.id = pages_fts.rowid WHERE pages_fts MATCH ?)' : ''}
       ORDER BY p.document_id, p.number`,
    )
    .all(JSON.stringify(pageIds), ...params, ...(excluded ? [excluded] : [])) as { doc: number; pid: number }[];
  const out = new Map<number, number[]>();
  for (const r of rows) {
    if (found.has(r.doc)) continue;
    const list = out.get(r.doc) ?? [];
    list.push(r.pid);
    out.set(r.doc, list);
  }
  // More matching pages first, as a rough relevance.
  return new Map([...out].sort((a, b) => b[1].length - a[1].length || a[0] - b[0]));
}

function insideWordHits(db: Db, pageIds: number[], terms: ReturnType<typeof highlightTerms>): SearchResult['hits'] {
  const get = db.prepare('SELECT number, label, body FROM pages WHERE id = ?');
  return pageIds.map((id) => {
    const p = get.get(id) as { number: number; label: string; body: string };
    return { page: p.number, pageLabel: p.label, snippet: substringSnippet(p.body, terms) };
  });
}

/** No words to rank by: every document that passes the filters (and excludes), newest first. */
function listing(db: Db, q: ParsedQuery, where: string, params: unknown[]): Match[] {
  const excluded = toExcludedMatch(q);
  const exclusion = excluded
    ? `AND d.id NOT IN (SELECT p.document_id FROM pages_fts JOIN pages p ON p.id = pages_fts.rowid WHERE pages_fts MATCH ?)`
    : '';
  const sql = `
    SELECT d.id AS doc, 0 AS score FROM documents d
    WHERE d.status = 'indexed' AND ${where} ${exclusion}
    ORDER BY (SELECT MAX(f.mtime_ms) FROM files f WHERE f.document_id = d.id) DESC, d.id`;
  return db.prepare(sql).all(...params, ...(excluded ? [excluded] : [])) as Match[];
}

/**
 * The best pages of each document, with snippets (computed only for the pages shown). Pages are
 * ranked on their text alone: a title match makes every page match, and would otherwise send the
 * user to an arbitrary page.
 */
function bestPages(db: Db, match: string, docs: number[], perDoc: number): Map<number, SearchResult['hits']> {
  const out = new Map<number, SearchResult['hits']>();
  if (!docs.length) return out;
  const ranked = db
    .prepare(
      `WITH m AS MATERIALIZED (
         SELECT p.id AS pid, p.document_id AS doc, p.number AS number, bm25(pages_fts, 0.0, 1.0) AS score
         FROM pages_fts JOIN pages p ON p.id = pages_fts.rowid
         WHERE pages_fts MATCH ? AND p.document_id IN (SELECT value FROM json_each(?))
       )
       SELECT pid FROM (SELECT pid, row_number() OVER (PARTITION BY doc ORDER BY score, number) AS rn FROM m) WHERE rn <= ?`,
    )
    .pluck()
    .all(match, JSON.stringify(docs), perDoc) as number[];
  const rows = db
    .prepare(
      `SELECT p.document_id AS doc, p.number AS number, p.label AS label,
              snippet(pages_fts, 1, '${HIT_OPEN}', '${HIT_CLOSE}', '…', 24) AS snippet,
              bm25(pages_fts, 0.0, 1.0) AS score
       FROM pages_fts JOIN pages p ON p.id = pages_fts.rowid
       WHERE pages_fts MATCH ? AND pages_fts.rowid IN (SELECT value FROM json_each(?))
       ORDER BY score, p.number`,
    )
    .all(match, JSON.stringify(ranked)) as { doc: number; number: number; label: string; snippet: string }[];
  for (const r of rows) {
    const list = out.get(r.doc) ?? [];
    list.push({ page: r.number, pageLabel: r.label, snippet: snippetSegments(r.snippet ?? '') });
    out.set(r.doc, list);
  }
  return out;
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

function facets(db: Db, docs: number[], judgementLabel: (id: string) => string): SearchResponse['facets'] {
  if (!docs.length) return { type: [], folder: [], year: [], judgement: [], status: [], team: [], tagged: [] };
  const ids = JSON.stringify(docs);
  const type = (db
    .prepare(`SELECT format AS value, COUNT(*) AS count FROM documents WHERE id IN (SELECT value FROM json_each(?)) GROUP BY format ORDER BY count DESC, value`)
    .all(ids) as { value: string; count: number }[]).map((r): FacetValue => ({ ...r, label: formatLabel(r.value) }));
  const folder = (db
    .prepare(
      `SELECT r.label AS value, COUNT(DISTINCT f.document_id) AS count FROM files f JOIN roots r ON r.id = f.root_id
       WHERE f.missing = 0 AND f.document_id IN (SELECT value FROM json_each(?)) GROUP BY r.id ORDER BY count DESC, value`,
    )
    .all(ids) as { value: string; count: number }[]).map((r): FacetValue => ({ ...r, label: r.value }));
  const year = (db
    .prepare(
      `SELECT y AS value, COUNT(*) AS count FROM (
         SELECT f.document_id, strftime('%Y', MAX(f.mtime_ms) / 1000, 'unixepoch') AS y FROM files f
         WHERE f.missing = 0 AND f.document_id IN (SELECT value FROM json_each(?)) GROUP BY f.document_id
       ) GROUP BY y ORDER BY y DESC`,
    )
    .all(ids) as { value: string; count: number }[]).map((r): FacetValue => ({ ...r, label: r.value }));
  const counted = (sql: string, label: (v: string) => string = (v) => v) =>
    (db.prepare(sql).all(ids) as { value: string; count: number }[]).map((r): FacetValue => ({ ...r, label: label(r.value) }));
  const judgement = counted(
    `SELECT t.judgement_id AS value, COUNT(DISTINCT e.document_id) AS count FROM evidence e JOIN tags t ON t.evidence_id = e.id
     WHERE e.status <> 'retired' AND e.document_id IN (SELECT value FROM json_each(?)) GROUP BY t.judgement_id ORDER BY count DESC, value`,
    judgementLabel,
  );
  const status = counted(
    `SELECT e.status AS value, COUNT(*) AS count FROM evidence e WHERE e.document_id IN (SELECT value FROM json_each(?))
     GROUP BY e.status ORDER BY count DESC, value`,
    (v) => v[0].toUpperCase() + v.slice(1),
  );
  const team = counted(
    `SELECT e.team AS value, COUNT(*) AS count FROM evidence e WHERE e.team <> '' AND e.document_id IN (SELECT value FROM json_each(?))
     GROUP BY lower(e.team) ORDER BY count DESC, value`,
  );
  const taggedCount = db
    .prepare(
      `SELECT COUNT(DISTINCT e.document_id) FROM evidence e JOIN tags t ON t.evidence_id = e.id
       WHERE e.status <> 'retired' AND e.document_id IN (SELECT value FROM json_each(?))`,
    )
    .pluck()
    .get(ids) as number;
  const tagged = [
    { value: 'yes', label: 'Tagged', count: taggedCount },
    { value: 'no', label: 'Not tagged', count: docs.length - taggedCount },
  ].filter((t) => t.count > 0);
  return { type, folder, year, judgement, status, team, tagged };
}

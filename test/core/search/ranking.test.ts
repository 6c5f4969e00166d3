/**
 * The quick paths against the slow, obviously right ones on a small library: the top results of
 * reading FTS5's sorted matches only as far as the page needs must be exactly those of ranking
 * every match in SQL (ties included), filtered or not, at every page; the newest-first listing
 * likewise against a full sort; and a count that stops at its cap says so.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Db } from '../../../core/store/database.ts';
import { search } from '../../../core/search/search.ts';
import { parseQuery, toFtsMatch } from '../../../core/search/query.ts';
import { indexFixture, type FixtureDoc } from '../../helpers/index-fixture.ts';
import { tempDir } from '../../helpers/temp.ts';
import { testDatabase } from '../../helpers/core.ts';

const WORDS = 'child care plan family court review audit visit placement carer coram correspondence north normal marlo'.split(' ');
const FOLDERS = ['Fostering', 'Quality Assurance', 'Front Door/2024', 'Front Door/2025'];

let db: Db;
let folderOf: Map<number, string>;
let spanFolder: number[];

beforeAll(() => {
  const dir = tempDir();
  db = testDatabase(join(dir, 'index.db'));
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  // Skewed word choice (common words often, rare ones seldom) and repeated texts, so many
  // documents tie on score; a few documents have several pages.
  const word = () => WORDS[Math.floor(WORDS.length * random() ** 2.5)];
  const docs: FixtureDoc[] = Array.from({ length: 240 }, (_, i) => {
    const pages = Array.from({ length: i % 9 === 0 ? 3 : 1 }, () =>
      i % 5 === 0 ? 'child care plan review' : Array.from({ length: 4 + Math.floor(random() * 30) }, word).join(' '),
    );
    return {
      name: `doc-${i}${i % 4 === 0 ? ` ${word()}` : ''}.txt`,
      format: i % 6 === 0 ? 'docx' : 'text',
      pages,
      // Whole days, a few of them, so modified times tie too.
      mtime: new Date(Date.UTC(2024, 0, 1 + (i % 7))).toISOString(),
      folder: FOLDERS[i % FOLDERS.length],
    };
  });
  const ids = indexFixture(db, join(dir, 'Library'), docs);
  folderOf = new Map(docs.map((d) => [ids.get(d.name)!, d.folder!]));
  // Documents read again get new page ids: move every other document of the same text to the end,
  // so among rows that tie, page order is not document order (as after a rescan) and a LIMIT
  // that cuts through a tie keeps documents the full sort would not.
  db.prepare(`UPDATE pages SET id = id + 100000 WHERE body = 'child care plan review' AND document_id % 2 = 0`).run();
  // A folder whose documents are read together, one page each: the first and the last hold a word.
  spanFolder = [...indexFixture(db, join(dir, 'Together'), Array.from({ length: 6 }, (_, i) => ({
    name: `together-${i}.txt`, format: 'text', folder: 'Together', pages: [i === 0 || i === 5 ? 'zephyr child' : 'child'],
  }))).values()];
});

/** Every match ranked in SQL, as the search did before: a document's best page, ties by id. */
function exactRanking(query: string, keep: (doc: number) => boolean = () => true): number[] {
  const match = toFtsMatch(parseQuery(query))!;
  const rows = db
    .prepare(
      `WITH m AS MATERIALIZED (
         SELECT p.document_id AS doc, bm25(pages_fts, 10.0, 1.0) AS score FROM pages_fts JOIN pages p ON p.id = pages_fts.rowid
         WHERE pages_fts MATCH ?
       )
       SELECT doc, MIN(score) AS score FROM m GROUP BY doc ORDER BY score, doc`,
    )
    .all(match) as { doc: number }[];
  return rows.map((r) => r.doc).filter(keep);
}

const ids = (query: string, limit: number, offset = 0, firstRows?: number) =>
  search(db, query, { limit, offset, firstRows }).results.map((r) => r.documentId);

describe('the quick ranking', () => {
  it.each(['child', 'care plan', '"care plan"', 'plan -court', 'audit OR marlo', 'co*', 'cor*', 'marlo', 'child care plan review'])(
    'gives the same documents in the same order as ranking every match, page by page: %s',
    (query) => {
      const exact = exactRanking(query);
      expect(exact.length).toBeGreaterThan(0);
      for (const [limit, offset] of [[1, 0], [5, 0], [20, 0], [20, 20], [7, 3], [500, 0]]) {
        expect(ids(query, limit, offset), `${query} limit ${limit} offset ${offset}`).toEqual(exact.slice(offset, offset + limit));
      }
      expect(search(db, query, { limit: 20 }).total).toBe(exact.length);
    },
  );

  it.each(['child', 'child care plan review', '"care plan"', 'co*', 'plan -court'])(
    'reads more best pages when the first ones do not settle the page, and cuts only between different scores: %s',
    (query) => {
      // A fifth of the documents have the same text, so whole runs of rows tie on score, and a
      // small first read ends inside such a run: the rows tied with its last one may be missing.
      const exact = exactRanking(query);
      for (const firstRows of [1, 2, 3, 7]) {
        for (const [limit, offset] of [[1, 0], [5, 0], [20, 0], [7, 3]]) {
          expect(ids(query, limit, offset, firstRows), `${query} first ${firstRows}, limit ${limit} offset ${offset}`).toEqual(exact.slice(offset, offset + limit));
        }
      }
    },
  );

  it('keeps to the filters while walking, as filtering every match would', () => {
    const notFrontDoorOf = (doc: number) => !folderOf.get(doc)!.startsWith('Front Door');
    const inFostering = (doc: number) => folderOf.get(doc) === 'Fostering';
    expect(ids('child folder:Fostering', 30)).toEqual(exactRanking('child', inFostering).slice(0, 30));
    // Read from a few best pages at a time, the walk must go back for more until 30 pass.
    expect(ids('child folder:Fostering', 30, 0, 2)).toEqual(exactRanking('child', inFostering).slice(0, 30));
    expect(ids('care -folder:"front door"', 40, 0, 3)).toEqual(exactRanking('care', notFrontDoorOf).slice(0, 40));
    const notFrontDoor = (doc: number) => !folderOf.get(doc)!.startsWith('Front Door');
    expect(ids('care -folder:"front door"', 500)).toEqual(exactRanking('care', notFrontDoor));
    expect(search(db, 'care -folder:"front door"').total).toBe(exactRanking('care', notFrontDoor).length);
  });

  it('finds a folder’s documents from its first page to its last, when it looks only among their pages', () => {
    expect(new Set(ids('zephyr folder:Together', 10))).toEqual(new Set([spanFolder[0], spanFolder[5]]));
    expect(new Set(ids('child folder:Together', 10))).toEqual(new Set(spanFolder));
    // One shown, so the rest are counted (within the same pages).
    expect(search(db, 'child folder:Together', { limit: 1 })).toMatchObject({ total: 6, totalCapped: false });
  });

  it('lists a query with no words newest first, ties by document, at every page', () => {
    const all = db
      .prepare(
        `SELECT d.id FROM documents d ORDER BY (SELECT MAX(f.mtime_ms) FROM files f WHERE f.document_id = d.id AND f.missing = 0) DESC, d.id`,
      )
      .pluck()
      .all() as number[];
    for (const [limit, offset] of [[10, 0], [10, 10], [33, 100], [500, 0]]) {
      expect(ids('', limit, offset)).toEqual(all.slice(offset, offset + limit));
    }
    const docx = all.filter((d) => (db.prepare('SELECT format FROM documents WHERE id = ?').pluck().get(d) as string) === 'docx');
    expect(ids('type:word', 500)).toEqual(docx);
  });

  it('counts up to its cap and then says the number is a lower bound', () => {
    const exact = exactRanking('child').length;
    expect(exact).toBeGreaterThan(30);
    const capped = search(db, 'child', { limit: 5, countCap: 30 });
    expect(capped).toMatchObject({ total: 30, totalCapped: true });
    expect(search(db, 'child', { limit: 5, countCap: exact })).toMatchObject({ total: exact, totalCapped: false });
    expect(search(db, '', { limit: 5, countCap: 30 })).toMatchObject({ total: 30, totalCapped: true });
    // Everything fitted on the page: the walk saw every match, so the count is exact whatever the cap.
    expect(search(db, 'marlo', { limit: 500, countCap: 1 })).toMatchObject({ totalCapped: false });
  });
});

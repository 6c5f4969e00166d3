/**
 * Ranking in parts on worker threads gives exactly the documents and order of ranking in one piece,
 * filtered or not, at every page; when the parts' rows cannot settle the page, the search ranks in
 * one piece instead; and the merge of parts is certain only up to the rows each part returned.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { search, searchSteps } from '../../../core/search/search.ts';
import { runCancellable } from '../../../core/search/cancel.ts';
import { topOf, topOfParts } from '../../../core/search/ranking.ts';
import { RankWorkers } from '../../../core/search/rank-workers.ts';
import { indexFixture, type FixtureDoc } from '../../helpers/index-fixture.ts';
import { tempDir } from '../../helpers/temp.ts';
import { testCore, testHost } from '../../helpers/core.ts';
import type { Core } from '../../../core/core.ts';
import type { SearchResponse } from '../../../shared/contract.ts';

const WORDS = 'child care plan family court review audit visit placement carer coram north marlo'.split(' ');
let core: Core;
let dispatch: ReturnType<Core['api']>['dispatch'];

beforeAll(() => {
  const dir = tempDir();
  core = testCore(dir, { workers: 1, parallelRankingFromPages: 0 });
  let seed = 11;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const word = () => WORDS[Math.floor(WORDS.length * random() ** 2.5)];
  const docs: FixtureDoc[] = Array.from({ length: 400 }, (_, i) => ({
    name: `doc-${i}.txt`,
    format: 'text',
    pages: Array.from({ length: i % 7 === 0 ? 4 : 1 }, () => (i % 6 === 0 ? 'child care plan' : Array.from({ length: 3 + Math.floor(random() * 25) }, word).join(' '))),
    folder: i % 3 === 0 ? 'Fostering' : 'Assessment',
  }));
  indexFixture(core.db, join(dir, 'Library'), docs);
  ({ dispatch } = core.api(testHost));
});

afterAll(() => core.close());

async function viaApi(query: string, limit: number, offset = 0): Promise<SearchResponse> {
  const r = await dispatch('search.query', { query, limit, offset });
  if (!r.ok) throw new Error(r.error.message);
  return r.data as SearchResponse;
}

describe('ranking in parts on worker threads', () => {
  it.each(['child', 'care plan', '"care plan"', 'plan -court', 'audit OR marlo', 'ca*', 'child folder:Fostering', 'marlo folder:Assessment'])(
    'answers %s exactly as ranking in one piece does',
    async (query) => {
      for (const [limit, offset] of [[1, 0], [20, 0], [20, 40], [200, 0]]) {
        const parts = await viaApi(query, limit, offset);
        const one = search(core.db, query, { limit, offset });
        expect(parts.results.map((r) => r.documentId), `${query} ${limit}/${offset}`).toEqual(one.results.map((r) => r.documentId));
        expect(parts.total).toBe(one.total);
      }
    },
  );
});

describe('reading more from the workers', () => {
  it('asks each part again for more rows until their merge settles the page, with the same answer', async () => {
    const workers = new RankWorkers(core.db.name, 0, 2);
    try {
      for (const query of ['child', '"care plan"', 'child folder:Fostering', 'plan -court']) {
        const one = search(core.db, query, { limit: 20 }).results.map((r) => r.documentId);
        for (const firstRows of [1, 3]) {
          const steps = searchSteps(core.db, query, { limit: 20, rankWorkers: workers, firstRows });
          const parts = await runCancellable(steps, new AbortController().signal);
          expect(parts.results.map((r) => r.documentId), `${query} first ${firstRows}`).toEqual(one);
        }
      }
      // The parts came from the workers, not from ranking here after a failure.
      expect(workers.usable).toBe(true);
    } finally {
      await workers.close();
    }
  });
});

describe('merging the parts', () => {
  const all = (doc: number) => doc > 0;
  it('stands when the walk stopped inside the rows both parts are sure of', () => {
    const a = { rows: [[1, -9], [2, -8], [3, -5]] as [number, number][], exhausted: false };
    const b = { rows: [[4, -7], [5, -6], [6, -4]] as [number, number][], exhausted: false };
    // Sure up to -5 (a's last): the 2 best are 1 and 2, and -7 already ranks below the second.
    expect(topOfParts([a, b], all, 2)?.matches.map((m) => m.doc)).toEqual([1, 2]);
  });

  it('is sure only of rows better than a part’s last, which may tie with rows it did not return', () => {
    const a = { rows: [[1, -9], [2, -5]] as [number, number][], exhausted: false };
    const b = { rows: [[4, -7], [5, -5], [6, -5]] as [number, number][], exhausted: true };
    // a may hold more rows at -5 (say document 3): the third best is not certain.
    expect(topOfParts([a, b], all, 3)).toBeNull();
    expect(topOfParts([a, b], all, 2)?.matches.map((m) => m.doc)).toEqual([1, 4]);
  });

  it('gives up when rows past a part’s last could still enter', () => {
    const a = { rows: [[1, -9], [2, -8]] as [number, number][], exhausted: false };
    const b = { rows: [[4, -7], [5, -6], [6, -4]] as [number, number][], exhausted: false };
    // a may hold more rows at -8 or worse: a fourth best is not certain.
    expect(topOfParts([a, b], all, 4)).toBeNull();
    // ...nor is any page a filter empties.
    expect(topOfParts([a, b], (doc) => doc > 100, 1)).toBeNull();
  });

  it('is complete when every part was read to its end', () => {
    const a = { rows: [[1, -9], [2, -3]] as [number, number][], exhausted: true };
    const b = { rows: [[4, -7]] as [number, number][], exhausted: true };
    expect(topOfParts([a, b], all, 10)).toEqual(topOf([[1, -9], [4, -7], [2, -3]], all, 10));
  });
});

describe('workers that cannot work', () => {
  it('answer null, so the search ranks in one piece, and are given up on after a few losses', async () => {
    // No index there: each worker fails as it opens it.
    const workers = new RankWorkers(join(tempDir(), 'not-there', 'index.db'), 0);
    try {
      expect(workers.usable).toBe(true);
      expect(await workers.parts('"child"', { from: 1, to: 100 }, 10)).toBeNull();
      expect(await workers.parts('"child"', { from: 1, to: 100 }, 10)).toBeNull();
      expect(workers.usable).toBe(false);
      // Given up: no worker is started, the answer is at once.
      expect(await workers.parts('"child"', { from: 1, to: 100 }, 10)).toBeNull();
    } finally {
      await workers.close();
    }
  });
});

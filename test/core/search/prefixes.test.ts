/**
 * A long prefix is spelled out as the index's words that start that way, for the shown documents'
 * best pages and snippets: the same pages and the same marked words as the prefix itself.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Db } from '../../../core/store/database.ts';
import { parseQuery, toFtsMatch } from '../../../core/search/query.ts';
import { spellOutPrefixes, MAX_SPELLED_WORDS } from '../../../core/search/prefixes.ts';
import { search } from '../../../core/search/search.ts';
import { indexFixture } from '../../helpers/index-fixture.ts';
import { tempDir } from '../../helpers/temp.ts';
import { testDatabase } from '../../helpers/core.ts';

let db: Db;

beforeAll(() => {
  const dir = tempDir();
  db = testDatabase(join(dir, 'index.db'));
  // "safeguardz…" words sort after every other "safeguard…" word; "safeguare" sorts just after them all.
  const many = Array.from({ length: MAX_SPELLED_WORDS + 1 }, (_, i) => `manyword${String(i).padStart(3, '0')}`).join(' ');
  indexFixture(db, join(dir, 'Library'), [
    { name: 'a.txt', format: 'text', pages: ['Safeguarding partners met.', 'Nothing here.', 'The safeguarded child and the safeguardzz plan.'] },
    { name: 'b.txt', format: 'text', pages: ['Safeguard the child. Safeguare is not a word.'] },
    { name: 'c.txt', format: 'text', pages: [many] },
  ]);
});

const words = (query: string) => spellOutPrefixes(db, parseQuery(query)).groups.map((g) => g.map((t) => `${t.kind}:${t.tokens.join(' ')}`));

describe('spelling out a long prefix', () => {
  it('names every word of the index that starts that way, and no other', () => {
    expect(words('safeguard*')).toEqual([['word:safeguard', 'word:safeguarded', 'word:safeguarding', 'word:safeguardzz']]);
    // Kept with the other words of its group, and the rest of the query as it was.
    expect(words('child safeguard* OR partners')).toEqual([['word:child'], ['word:safeguard', 'word:safeguarded', 'word:safeguarding', 'word:safeguardzz', 'word:partners']]);
  });

  it('leaves short prefixes (FTS5 has an index for them), phrases and prefixes with too many words', () => {
    expect(words('sa*')).toEqual([['prefix:sa']]);
    expect(words('saf*')).toEqual([['prefix:saf']]);
    expect(words('manyword*')).toEqual([['prefix:manyword']]);
    expect(words('the-safeguard*')).toEqual([['prefix:the safeguard']]);
    // No word starts that way: the prefix stays, and finds nothing, as before.
    expect(words('zzzz*')).toEqual([['prefix:zzzz']]);
  });

  it('finds the same pages with the same words marked as the prefix would', () => {
    const q = parseQuery('safeguard*');
    const same = (match: string) =>
      db.prepare(`SELECT rowid, highlight(pages_fts, 1, '[', ']') FROM pages_fts WHERE pages_fts MATCH ? ORDER BY rowid`).raw().all(match);
    expect(same(toFtsMatch(spellOutPrefixes(db, q))!)).toEqual(same(toFtsMatch(q)!));
    const hits = search(db, 'safeguard*').results.flatMap((r) => r.hits.map((h) => h.snippet.filter((s) => s.hit).map((s) => s.text.toLowerCase())));
    expect(hits.flat().sort()).toEqual(['safeguard', 'safeguarded', 'safeguarding', 'safeguardzz']);
  });
});

/**
 * A search that a newer one replaces stops at its next step, and says it was cancelled; one on
 * another channel, or with none, runs to the end.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { LatestPerChannel, SearchCancelled, runCancellable, runNow } from '../../../core/search/cancel.ts';
import { indexFixture } from '../../helpers/index-fixture.ts';
import { tempDir } from '../../helpers/temp.ts';
import { testCore, testHost } from '../../helpers/core.ts';

/** Steps that record how far they got, and whether they were closed. */
function recorded(name: string, log: string[]): Generator<string, string> {
  return (function* () {
    try {
      for (const step of ['ranked', 'counted', 'snippets']) {
        log.push(`${name}: ${step}`);
        yield step;
      }
      return `${name}: done`;
    } finally {
      log.push(`${name}: closed`);
    }
  })();
}

describe('cancelling a search', () => {
  it('runs every step at once when nothing can cancel it', () => {
    const log: string[] = [];
    expect(runNow(recorded('a', log))).toBe('a: done');
    expect(log).toEqual(['a: ranked', 'a: counted', 'a: snippets', 'a: closed']);
  });

  it('stops before the next step once its signal aborts, and closes the steps', async () => {
    const log: string[] = [];
    const controller = new AbortController();
    const running = runCancellable(recorded('a', log), controller.signal);
    // Let it take its first step, then cancel.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    await expect(running).rejects.toBeInstanceOf(SearchCancelled);
    expect(log).toContain('a: closed');
    expect(log).not.toContain('a: snippets');
  });

  it('cancels the search a newer one on the same channel replaces, and only that one', async () => {
    const log: string[] = [];
    const channels = new LatestPerChannel();
    const first = channels.run('box', recorded('first', log));
    const other = channels.run('finder', recorded('other', log));
    const unnamed = channels.run(undefined, recorded('unnamed', log));
    const second = channels.run('box', recorded('second', log));
    await expect(first).rejects.toMatchObject({ code: 'cancelled' });
    await expect(second).resolves.toBe('second: done');
    await expect(other).resolves.toBe('other: done');
    await expect(unnamed).resolves.toBe('unnamed: done');
    // Replaced before its first step: it never ranked anything.
    expect(log.filter((l) => l.startsWith('first'))).toEqual([]);
  });

  it('through the API: typing a new query cancels the one it replaces, which answers "cancelled"', async () => {
    const dir = tempDir();
    const core = testCore(dir, { workers: 1 });
    indexFixture(core.db, join(dir, 'Evidence'), [
      { name: 'a.txt', format: 'text', pages: ['care plan for the child'] },
      { name: 'b.txt', format: 'text', pages: ['care leavers offer'] },
    ]);
    const { dispatch } = core.api(testHost);
    const typed = ['c', 'ca', 'car', 'care'].map((query) => dispatch('search.query', { query, channel: 'search-box' }));
    const facets = dispatch('search.facets', { query: 'care', channel: 'search-box' });
    const answers = await Promise.all(typed);
    for (const a of answers.slice(0, 3)) expect(a).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    // The facet count asked last replaced the search for "care" too.
    expect(answers[3]).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await facets).toMatchObject({ ok: true, data: { query: 'care', total: 2 } });
    // Without a channel nothing is cancelled.
    const both = await Promise.all([dispatch('search.query', { query: 'care' }), dispatch('search.query', { query: 'child' })]);
    expect(both.map((r) => r.ok && (r.data as { total: number }).total)).toEqual([2, 1]);
  });
});

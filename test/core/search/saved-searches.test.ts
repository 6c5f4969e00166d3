import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../helpers/temp.ts';
import { testCore, testHost } from '../../helpers/core.ts';
import type { Dispatch } from '../../../core/api/dispatch.ts';
import type { Core } from '../../../core/core.ts';
import type { SavedSearch } from '../../../shared/saved-searches.ts';
import type { DocumentHits } from '../../../shared/contract.ts';
import type { InspectorRequest } from '../../../shared/requests.ts';
import { buildPdf } from '../../fixtures/extract/build-pdf.ts';

async function call<T>(dispatch: Dispatch, method: string, input: unknown): Promise<T> {
  const r = await dispatch(method, input);
  if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
  return r.data as T;
}

const api = (core: Core) => core.api(testHost).dispatch;

describe('saved searches', () => {
  it('keeps a search and its filters under a name, in the index file, across closing and opening it again', async () => {
    const dir = tempDir();
    const first = testCore(dir);
    const saved = await call<SavedSearch>(api(first), 'savedSearches.save', { name: '  LADO referrals ', query: '"allegation" type:pdf -draft' });
    expect(saved).toMatchObject({ name: 'LADO referrals', query: '"allegation" type:pdf -draft' });
    await call(api(first), 'savedSearches.save', { name: 'care leavers', query: 'pathway plan folder:Leaving' });
    await first.close();

    const again = testCore(dir);
    const list = await call<SavedSearch[]>(api(again), 'savedSearches.list', {});
    // By name, case ignored.
    expect(list.map((s) => [s.name, s.query])).toEqual([
      ['care leavers', 'pathway plan folder:Leaving'],
      ['LADO referrals', '"allegation" type:pdf -draft'],
    ]);
    expect(list[1].id).toBe(saved.id);
  });

  it('refuses a name already used (whatever its case) unless asked to replace it', async () => {
    const dispatch = api(testCore(tempDir()));
    const a = await call<SavedSearch>(dispatch, 'savedSearches.save', { name: 'Front door', query: 'mash' });
    expect(await dispatch('savedSearches.save', { name: 'FRONT DOOR', query: 'contacts' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', field: 'name', message: expect.stringContaining('already a saved search called “Front door”') },
    });
    const replaced = await call<SavedSearch>(dispatch, 'savedSearches.save', { name: 'Front door', query: 'contacts', replace: true });
    expect(replaced).toMatchObject({ id: a.id, query: 'contacts' });
    expect(await call<SavedSearch[]>(dispatch, 'savedSearches.list', {})).toHaveLength(1);
  });

  it('renames (refusing another search’s name) and deletes, answering what was deleted so it can be saved again', async () => {
    const dispatch = api(testCore(tempDir()));
    const a = await call<SavedSearch>(dispatch, 'savedSearches.save', { name: 'One', query: 'supervision' });
    const b = await call<SavedSearch>(dispatch, 'savedSearches.save', { name: 'Two', query: 'audit' });
    expect(await call<SavedSearch>(dispatch, 'savedSearches.rename', { id: a.id, name: 'Supervision notes' })).toMatchObject({ id: a.id, name: 'Supervision notes', query: 'supervision' });
    // Its own name in another case is not a clash.
    expect(await call<SavedSearch>(dispatch, 'savedSearches.rename', { id: b.id, name: 'TWO' })).toMatchObject({ name: 'TWO' });
    expect(await dispatch('savedSearches.rename', { id: b.id, name: 'supervision NOTES' })).toMatchObject({ ok: false, error: { code: 'invalid-argument', field: 'name' } });

    const gone = await call<SavedSearch>(dispatch, 'savedSearches.delete', { id: a.id });
    expect(gone).toMatchObject({ name: 'Supervision notes', query: 'supervision' });
    expect((await call<SavedSearch[]>(dispatch, 'savedSearches.list', {})).map((s) => s.name)).toEqual(['TWO']);
    await call(dispatch, 'savedSearches.save', { name: gone.name, query: gone.query });
    expect((await call<SavedSearch[]>(dispatch, 'savedSearches.list', {})).map((s) => s.name)).toEqual(['Supervision notes', 'TWO']);

    expect(await dispatch('savedSearches.delete', { id: a.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await dispatch('savedSearches.rename', { id: 999, name: 'x' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('says what is wrong with a blank name or an empty search, and saves nothing', async () => {
    const dispatch = api(testCore(tempDir()));
    expect(await dispatch('savedSearches.save', { name: '   ', query: 'x' })).toMatchObject({ ok: false, error: { field: 'name', message: expect.stringContaining('give the search a name') } });
    expect(await dispatch('savedSearches.save', { name: 'x', query: '  ' })).toMatchObject({ ok: false, error: { field: 'query', message: expect.stringContaining('type a search first') } });
    expect(await dispatch('savedSearches.save', { name: 'x'.repeat(101), query: 'x' })).toMatchObject({ ok: false, error: { field: 'name' } });
    expect(await call<SavedSearch[]>(dispatch, 'savedSearches.list', {})).toEqual([]);
  });

  it('is linked from a request by its query, with its name in the link’s label', async () => {
    const dispatch = api(testCore(tempDir()));
    const saved = await call<SavedSearch>(dispatch, 'savedSearches.save', { name: 'Missing episodes', query: 'missing type:word' });
    const { id } = await call<InspectorRequest>(dispatch, 'requests.add', { text: 'Return home interviews', inspector: 'Jo' });
    const linked = await call<InspectorRequest>(dispatch, 'requests.link', { id, link: { kind: 'search', query: saved.query, name: saved.name } });
    expect(linked.links).toEqual([expect.objectContaining({ kind: 'search', query: 'missing type:word', label: 'Missing episodes: missing type:word' })]);
    // The link stays as made when the saved search is renamed or deleted.
    await call(dispatch, 'savedSearches.delete', { id: saved.id });
    expect((await call<InspectorRequest>(dispatch, 'requests.get', { id })).links[0].label).toBe('Missing episodes: missing type:word');
  });
});

describe('documents.hits', () => {
  it('lists the pages holding a hit, in page order, counted as each page counts them', async () => {
    const dir = tempDir();
    const root = join(dir, 'Evidence');
    mkdirSync(root);
    writeFileSync(
      join(root, 'review.pdf'),
      buildPdf({
        pages: ['Osprey checks on page one.\nAnother osprey here.', 'Nothing to see.', 'A third osprey.', 'Ospreys and osprey once more.'],
        info: { title: 'Osprey review' },
      }),
    );
    const core = testCore(dir);
    const dispatch = api(core);
    await call(dispatch, 'roots.add', { path: root, scan: false });
    await call(dispatch, 'scan.run', {});
    const found = await call<{ results: { documentId: number }[] }>(dispatch, 'search.query', { query: 'osprey' });
    const documentId = found.results[0].documentId;

    const hits = await call<DocumentHits>(dispatch, 'documents.hits', { documentId, query: 'osprey' });
    expect(hits.pages.map((p) => [p.page, p.count])).toEqual([
      [1, 2],
      [3, 1],
      [4, 1],
    ]);
    expect(hits.total).toBe(4);
    for (const p of hits.pages) {
      const page = await call<{ hitCount: number }>(dispatch, 'documents.page', { documentId, page: p.page, query: 'osprey' });
      expect(page.hitCount).toBe(p.count);
    }
    expect(await call<DocumentHits>(dispatch, 'documents.hits', { documentId, query: '' })).toEqual({ documentId, pages: [], total: 0 });
    expect(await dispatch('documents.hits', { documentId: 999, query: 'osprey' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

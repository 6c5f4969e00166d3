/**
 * The library's counts are defined once (core/store/library.ts) and agree with what the rest of
 * the app lists: search's "All documents", the failures list, the folders' own counts.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addRoot, listRoots } from '../../../core/store/roots.ts';
import { libraryCounts } from '../../../core/store/library.ts';
import { listFailures } from '../../../core/store/failures.ts';
import { tempDir } from '../../helpers/temp.ts';
import { testCore, testHost } from '../../helpers/core.ts';
import type { SearchFacets, SearchResponse } from '../../../shared/contract.ts';

async function library(dir: string) {
  const core = testCore(dir);
  const first = join(dir, 'Team A');
  const second = join(dir, 'Team B');
  mkdirSync(first, { recursive: true });
  mkdirSync(second, { recursive: true });
  writeFileSync(join(first, 'visits.txt'), 'Statutory visits were on time.');
  writeFileSync(join(first, 'supervision.txt'), 'Reflective supervision is regular.');
  writeFileSync(join(first, 'gone.txt'), 'A file deleted after the first scan.');
  writeFileSync(join(first, 'blank.txt'), '');
  writeFileSync(join(first, 'archive.7z'), Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4, 1, 2, 3, 4]));
  writeFileSync(join(first, 'scan.html'), '<html><body><img src="page1.png"></body></html>');
  // The same content in both folders, and twice in one: one document, three files.
  copyFileSync(join(first, 'visits.txt'), join(second, 'visits copy.txt'));
  copyFileSync(join(first, 'visits.txt'), join(first, 'visits again.txt'));
  writeFileSync(join(second, 'empty.txt'), '');
  const a = addRoot(core.db, first);
  const b = addRoot(core.db, second);
  await core.indexer.scanRoot(a.id);
  await core.indexer.scanRoot(b.id);
  rmSync(join(first, 'gone.txt'));
  await core.indexer.scanRoot(a.id);
  return core;
}

describe('library counts', () => {
  it('counts a document once however many files hold it, as search does, and leaves missing files out', async () => {
    const dir = tempDir();
    const core = await library(dir);
    const counts = libraryCounts(core.db);
    // visits (three files), supervision, and the no-text page: gone.txt is missing, so not counted.
    expect(counts.documents).toBe(3);
    expect(counts.missing).toBe(1);
    // Adding up the folders counts the copy in each folder: that is not the library's number.
    expect(listRoots(core.db).reduce((n, r) => n + r.documents, 0)).toBe(4);

    const { dispatch } = core.api(testHost);
    const all = (await dispatch('search.query', { query: '' })) as { ok: true; data: SearchResponse };
    const facets = (await dispatch('search.facets', { query: '' })) as { ok: true; data: SearchFacets };
    expect(all.data.total).toBe(counts.documents);
    expect(facets.data.total).toBe(counts.documents);
    const summary = await dispatch('library.summary', {});
    expect(summary).toMatchObject({ ok: true, data: { documents: counts.documents, needsAttention: counts.needsAttention, failed: counts.failed } });
  });

  it('counts what needs attention exactly as the failures list lists it, and the files that could not be read as the folders do', async () => {
    const dir = tempDir();
    const core = await library(dir);
    const counts = libraryCounts(core.db);
    const failures = listFailures(core.db);
    expect(counts.needsAttention).toBe(failures.length);
    expect(counts.failed).toBe(failures.filter((f) => f.status === 'failed').length);
    expect(counts.unsupported).toBe(failures.filter((f) => f.status === 'unsupported').length);
    expect(counts.noText).toBe(failures.filter((f) => f.status === 'warning').length);
    expect(counts).toMatchObject({ failed: 2, unsupported: 1, noText: 1, needsAttention: 4 });
    const roots = listRoots(core.db);
    expect(roots.reduce((n, r) => n + r.failed, 0)).toBe(counts.failed);
    expect(roots.reduce((n, r) => n + r.unsupported, 0)).toBe(counts.unsupported);
  });

  it('counts nothing in an empty library', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    expect(libraryCounts(core.db)).toEqual({ documents: 0, pages: 0, files: 0, missing: 0, failed: 0, unsupported: 0, noText: 0, needsAttention: 0 });
  });
});

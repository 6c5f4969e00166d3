import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { methods, type MethodName, type Output } from '../../../shared/contract.ts';
import { tempDir } from '../../helpers/temp.ts';
import { testCore, testHost } from '../../helpers/core.ts';

function folderWithDocs(dir: string): string {
  const root = join(dir, 'Evidence');
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'visits.txt'), 'Line one.\nStatutory visits to children in care were on time.\nLine three.');
  writeFileSync(join(root, 'broken.pdf'), '%PDF-1.7\nthis is not really a pdf');
  return root;
}

describe('API handlers', () => {
  it('adds a folder, scans it, and answers every read method in the contract’s shape', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const { dispatch } = core.api(testHost);
    const added = await dispatch('roots.add', { path: folderWithDocs(dir) });
    expect(added.ok).toBe(true);
    await core.indexer.idle();

    /** Calls a method and checks its result against the contract's output schema. */
    const check = async <M extends MethodName>(method: M, input: unknown): Promise<Output<M>> => {
      const r = await dispatch(method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return methods[method].output.parse(r.data) as Output<M>;
    };
    const roots = await check('roots.list', {});
    expect(roots).toHaveLength(1);
    const found = await check('search.query', { query: 'statutory visits' });
    const documentId = found.results[0].documentId;
    const detail = await check('documents.get', { documentId });
    expect(detail.locations[0].path).toMatch(/visits\.txt$/);
    const page = await check('documents.page', { documentId, page: 1, query: 'visits' });
    expect(page.hitCount).toBe(1);
    expect(page.segments.find((s) => s.hit)?.text).toBe('visits');
    const bytes = await check('documents.file', { documentId });
    expect(new TextDecoder().decode(bytes)).toContain('Statutory visits');
    const failures = await check('failures.list', {});
    expect(failures).toEqual([expect.objectContaining({ status: 'failed', reason: 'corrupt', message: expect.stringMatching(/damaged/) })]);
    expect(await check('scan.status', {})).toMatchObject({ state: 'idle' });
    expect(await check('app.info', {})).toMatchObject({ mode: 'browser', canPickFolders: false });
    expect(await check('dialog.pickFolder', {})).toEqual({ path: null });
    expect(await check('documents.byPath', { path: detail.locations[0].path })).toEqual({ documentId });
    expect(await check('library.summary', {})).toMatchObject({ documents: 1, failed: 1, roots: [{ lastScan: { outcome: 'complete', problem: null } }] });
    const [summary] = await check('scan.run', { rootIds: [roots[0].id] });
    expect(summary).toMatchObject({ outcome: 'complete', files: 2, unchanged: 1, failed: [expect.objectContaining({ reason: 'corrupt' })] });
  });

  it('answers a refused argument with the field it refers to, for forms', async () => {
    const dir = tempDir();
    const { dispatch } = testCore(dir).api(testHost);
    expect(await dispatch('settings.set', { workers: 0 })).toMatchObject({ ok: false, error: { code: 'invalid-argument', field: 'workers' } });
    expect(await dispatch('evidence.save', { documentId: 1, fields: { title: '' } })).toMatchObject({ ok: false, error: { field: 'fields.title' } });
    expect(await dispatch('documents.byPath', { path: join(dir, 'never-indexed.txt') })).toMatchObject({ ok: false, error: { code: 'not-found', field: 'path' } });
  });

  it('tags with a criterion id typed in any case, storing the framework’s own id', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const { dispatch } = core.api(testHost);
    await dispatch('roots.add', { path: folderWithDocs(dir) });
    await core.indexer.idle();
    const found = await dispatch('documents.byPath', { path: join(dir, 'Evidence', 'visits.txt') });
    if (!found.ok) throw new Error(found.error.message);
    const { documentId } = found.data as { documentId: number };
    const tagged = await dispatch('tags.add', { documentIds: [documentId], frameworkId: 'ilacs-2026', criterionId: 'cic07' });
    expect(tagged).toMatchObject({ ok: true, data: [{ tags: [{ criterionId: 'CIC07' }] }] });
    const coverage = await dispatch('coverage.evidence', { frameworkId: 'ilacs-2026', criterionId: 'CIC07' });
    expect(coverage).toMatchObject({ ok: true, data: [{ documentId }] });
    expect(await dispatch('tags.remove', { evidenceId: (tagged as { data: { id: number }[] }).data[0].id, frameworkId: 'ilacs-2026', criterionId: 'Cic07' })).toMatchObject({ ok: true });
  });

  it('opens documents but never hands a program or script to the operating system', async () => {
    const dir = tempDir();
    const opened: string[] = [];
    const core = testCore(dir);
    const { dispatch } = core.api({ ...testHost, openPath: async (path) => void opened.push(path) });
    const root = folderWithDocs(dir);
    writeFileSync(join(root, 'Ofsted report.bat'), '@echo off\r\necho Statutory visits report\r\n');
    writeFileSync(join(root, 'minutes.pdf.hta'), '<html><body>Statutory visits minutes</body></html>');
    // Text under a name no document type uses: indexed, so it can be found, but not opened.
    writeFileSync(join(root, 'handover.xyz'), 'Statutory visits handover notes.');
    await dispatch('roots.add', { path: root });
    await core.indexer.idle();
    const docOf = async (name: string) => {
      const r = await dispatch('documents.byPath', { path: join(root, name) });
      return r.ok ? (r.data as { documentId: number }).documentId : null;
    };
    const visits = (await docOf('visits.txt'))!;
    expect(await dispatch('documents.open', { documentId: visits })).toEqual({ ok: true, data: { ok: true } });
    expect(opened).toEqual([join(root, 'visits.txt')]);
    expect(await docOf('handover.xyz')).not.toBeNull();
    for (const name of ['handover.xyz', 'Ofsted report.bat', 'minutes.pdf.hta']) {
      const id = await docOf(name);
      // Scripts are not indexed as documents at all; where one is, Open refuses it with the reason.
      if (id === null) continue;
      const detail = await dispatch('documents.get', { documentId: id });
      expect(detail).toMatchObject({ ok: true, data: { openRefusal: expect.stringMatching(/could run as a program/) } });
      expect(await dispatch('documents.open', { documentId: id })).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/Not opened/) } });
    }
    expect(opened).toHaveLength(1);
  });

  it('explains why a folder cannot be added', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const { dispatch } = core.api(testHost);
    const root = folderWithDocs(dir);
    expect(await dispatch('roots.add', { path: join(dir, 'nope') })).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/could not be found/) } });
    expect(await dispatch('roots.add', { path: join(root, 'visits.txt') })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/is a file/) } });
    await dispatch('roots.add', { path: root });
    expect(await dispatch('roots.add', { path: root })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/already in the library/) } });
    mkdirSync(join(root, 'sub'));
    expect(await dispatch('roots.add', { path: join(root, 'sub') })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/is inside/) } });
    // The folder that holds the index itself is never a library folder, and the form is told which field.
    expect(await dispatch('roots.add', { path: dir })).toMatchObject({ ok: false, error: { code: 'invalid-argument', field: 'path', message: expect.stringMatching(/own index/) } });
    expect(await dispatch('roots.add', { path: '/' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/whole system drive/) } });
    await core.indexer.idle();
  });

  it('removes a folder and everything indexed under it, without touching the files', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const { dispatch } = core.api(testHost);
    const added = await dispatch('roots.add', { path: folderWithDocs(dir) });
    if (!added.ok) throw new Error('add failed');
    await core.indexer.idle();
    expect(await dispatch('roots.remove', { rootId: (added.data as { id: number }).id })).toEqual({ ok: true, data: { ok: true, textForgotten: 0 } });
    expect(core.db.prepare('SELECT COUNT(*) FROM documents').pluck().get()).toBe(0);
    expect(core.db.prepare('SELECT COUNT(*) FROM pages_fts').pluck().get()).toBe(0);
    const search = await dispatch('search.query', { query: 'visits' });
    expect(search).toMatchObject({ ok: true, data: { total: 0 } });
  });

  it('refuses unknown methods and invalid arguments before the core sees them', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const { dispatch } = core.api(testHost);
    expect(await dispatch('roots.drop', {})).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/no method/) } });
    expect(await dispatch('search.query', { query: 42 })).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/query/) } });
    expect(await dispatch('search.query', { query: 'x', sql: 'DROP' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await dispatch('documents.get', { documentId: -1 })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await dispatch('documents.get', { documentId: 999 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await dispatch('documents.page', { documentId: 999, page: 1 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

import { describe, expect, it } from 'vitest';
import { mkdirSync, renameSync, rmSync, writeFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { addRoot, getRoot } from '../../../core/store/roots.ts';
import { search } from '../../../core/search/search.ts';
import { tempDir } from '../../helpers/temp.ts';
import { testCore } from '../../helpers/core.ts';

function evidenceFolder(dir: string): string {
  const root = join(dir, 'Evidence');
  mkdirSync(join(root, 'Quality Assurance'), { recursive: true });
  writeFileSync(join(root, 'plan.txt'), 'The improvement plan sets out our priorities for children in care.');
  writeFileSync(join(root, 'Quality Assurance', 'audit.html'), '<html><head><title>Audit summary</title><script>var hidden = "scriptword";</script></head><body><p>Supervision audit findings.</p></body></html>');
  writeFileSync(join(root, 'Quality Assurance', 'copy of plan.txt'), 'The improvement plan sets out our priorities for children in care.');
  writeFileSync(join(root, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]));
  writeFileSync(join(root, 'empty.txt'), '');
  writeFileSync(join(root, '~$plan.docx'), 'office lock file');
  return root;
}

const docIdOf = (core: ReturnType<typeof testCore>, path: string) =>
  core.db.prepare('SELECT document_id FROM files WHERE path = ?').pluck().get(path) as number | undefined;

describe('Indexer', () => {
  it('indexes a folder in place and records what it could not read', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const root = addRoot(core.db, evidenceFolder(dir));
    const summary = await core.indexer.scanRoot(root.id);
    expect(summary).toMatchObject({ files: 5, indexed: 3, unsupported: 1, unchanged: 0, outcome: 'complete' });
    expect(summary.failed).toEqual([{ path: join(root.path, 'empty.txt'), reason: 'empty', detail: expect.any(String) }]);
    expect(search(core.db, 'supervision').results[0].title).toBe('Audit summary');
    expect(search(core.db, 'scriptword').total).toBe(0);
    expect(getRoot(core.db, root.id)).toMatchObject({ state: 'online', documents: 2, failed: 1, unsupported: 1 });
    expect(getRoot(core.db, root.id)!.lastScannedAt).not.toBeNull();
  });

  it('keeps one document for identical content at two paths', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const root = addRoot(core.db, evidenceFolder(dir));
    await core.indexer.scanRoot(root.id);
    expect(docIdOf(core, join(root.path, 'plan.txt'))).toBe(docIdOf(core, join(root.path, 'Quality Assurance', 'copy of plan.txt')));
    expect(search(core.db, 'improvement plan').total).toBe(1);
  });

  it('does not read unchanged files again on a rescan', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const root = addRoot(core.db, evidenceFolder(dir));
    await core.indexer.scanRoot(root.id);
    const again = await core.indexer.scanRoot(root.id);
    // every file is accounted for: the unchanged failure and unsupported file are still reported
    expect(again).toMatchObject({ files: 5, indexed: 0, unchanged: 3, unsupported: 1, missing: 0 });
    expect(again.failed.map((f) => f.reason)).toEqual(['empty']);
  });

  it('keeps a renamed or moved file as the same document', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const root = addRoot(core.db, evidenceFolder(dir));
    await core.indexer.scanRoot(root.id);
    const before = docIdOf(core, join(root.path, 'Quality Assurance', 'audit.html'));
    renameSync(join(root.path, 'Quality Assurance', 'audit.html'), join(root.path, 'supervision-audit-2024.html'));
    const summary = await core.indexer.scanRoot(root.id);
    expect(summary.missing).toBe(1);
    expect(docIdOf(core, join(root.path, 'supervision-audit-2024.html'))).toBe(before);
    const hit = search(core.db, 'supervision').results[0];
    expect(hit.documentId).toBe(before);
    expect(hit.path).toBe(join(root.path, 'supervision-audit-2024.html'));
    // and the new name is searchable
    expect(search(core.db, '2024').results.map((r) => r.documentId)).toContain(before);
  });

  it('re-extracts a file whose content changed', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const root = addRoot(core.db, evidenceFolder(dir));
    await core.indexer.scanRoot(root.id);
    const path = join(root.path, 'plan.txt');
    writeFileSync(path, 'A new plan about care leavers.');
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    const summary = await core.indexer.scanRoot(root.id);
    expect(summary.indexed).toBe(1);
    expect(search(core.db, 'leavers').results[0].path).toBe(path);
    // the copy still holds the old text
    expect(search(core.db, 'priorities').results[0].path).toBe(join(root.path, 'Quality Assurance', 'copy of plan.txt'));
  });

  it('marks a deleted file missing, keeps its record, and stops finding it', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const root = addRoot(core.db, evidenceFolder(dir));
    await core.indexer.scanRoot(root.id);
    rmSync(join(root.path, 'Quality Assurance', 'audit.html'));
    const summary = await core.indexer.scanRoot(root.id);
    expect(summary.missing).toBe(1);
    expect(core.db.prepare('SELECT missing FROM files WHERE path = ?').pluck().get(join(root.path, 'Quality Assurance', 'audit.html'))).toBe(1);
    expect(search(core.db, 'supervision').total).toBe(0);
  });

  it('marks a root that went away offline and changes nothing under it', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const root = addRoot(core.db, evidenceFolder(dir));
    await core.indexer.scanRoot(root.id);
    renameSync(root.path, join(dir, 'unplugged'));
    const summary = await core.indexer.scanRoot(root.id);
    expect(summary.outcome).toBe('offline');
    expect(getRoot(core.db, root.id)!.state).toBe('offline');
    expect(core.db.prepare('SELECT COUNT(*) FROM files WHERE missing = 1').pluck().get()).toBe(0);
    expect(search(core.db, 'supervision').total).toBe(1);
    renameSync(join(dir, 'unplugged'), root.path);
    const back = await core.indexer.scanRoot(root.id);
    expect(back).toMatchObject({ outcome: 'complete', unchanged: 3, missing: 0 });
    expect(getRoot(core.db, root.id)!.state).toBe('online');
  });

  it('reports progress while it works and goes idle at the end', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const root = addRoot(core.db, evidenceFolder(dir));
    const states: string[] = [];
    core.indexer.on('progress', (p) => states.push(`${p.state}:${p.done}/${p.total}`));
    core.indexer.enqueue([root.id]);
    await core.indexer.idle();
    expect(states[0]).toBe('scanning:0/0');
    expect(states.at(-1)).toBe('idle:5/5');
    expect(core.indexer.progress).toMatchObject({ state: 'idle', done: 5, total: 5, indexed: 3, failed: 1, unsupported: 1 });
  });
});

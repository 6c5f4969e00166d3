import { describe, expect, it, vi } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addRoot } from '../../../core/store/roots.ts';
import { tempDir } from '../../helpers/temp.ts';
import { testCore, testHost } from '../../helpers/core.ts';

function folder(dir: string, files: number): string {
  const root = join(dir, 'Evidence');
  mkdirSync(root);
  for (let i = 0; i < files; i++) writeFileSync(join(root, `note-${i}.txt`), `Note ${i} about supervision.`);
  return root;
}

const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error(`never happened: ${what}`);
};

describe('controlling a scan', () => {
  it('pauses without reading further files, and resumes to the end', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const root = addRoot(core.db, folder(dir, 30));
    core.indexer.pause();
    core.indexer.enqueue([root.id]);
    await new Promise((r) => setTimeout(r, 300));
    expect(core.indexer.progress).toMatchObject({ state: 'scanning', paused: true, done: 0 });
    core.indexer.resume();
    await core.indexer.idle();
    expect(core.indexer.progress).toMatchObject({ state: 'idle', paused: false, done: 30, indexed: 30 });
  });

  it('cancels: what was stored stays, and the next scan finishes the job', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const root = addRoot(core.db, folder(dir, 200));
    const scan = core.indexer.scanRoot(root.id);
    await until(() => core.indexer.progress.done >= 5, 'five files done');
    core.indexer.cancel();
    const summary = await scan;
    expect(summary.outcome).toBe('cancelled');
    expect(summary.files).toBeLessThan(200);
    // a cancelled scan never marks unseen files missing
    expect(core.db.prepare('SELECT COUNT(*) FROM files WHERE missing = 1').pluck().get()).toBe(0);
    const next = await core.indexer.scanRoot(root.id);
    expect(next.indexed + next.unchanged).toBe(200);
  });

  it('reports a rate and, once every file is found and enough of the scan seen, the time left', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const root = addRoot(core.db, folder(dir, 60));
    // A clock that moves 300 ms each time it is read, so 60 small files look like a long scan.
    let clock = Date.now();
    const now = vi.spyOn(Date, 'now').mockImplementation(() => (clock += 300));
    const seen: { rate: number; left: number | null; walking: boolean }[] = [];
    core.indexer.on('progress', (p) => p.state === 'scanning' && seen.push({ rate: p.filesPerSecond, left: p.secondsLeft, walking: p.walking }));
    try {
      await core.indexer.scanRoot(root.id);
    } finally {
      now.mockRestore();
    }
    // Nothing is promised at the start: too few samples.
    expect(seen[0]).toMatchObject({ rate: 0, left: null });
    expect(seen.some((s) => s.rate > 0 && s.left !== null && !s.walking)).toBe(true);
    expect(seen.filter((s) => s.walking).every((s) => s.left === null)).toBe(true);
  });

  it('says nothing about time left while paused', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const root = addRoot(core.db, folder(dir, 30));
    const seen: { paused: boolean; left: number | null }[] = [];
    core.indexer.on('progress', (p) => p.state === 'scanning' && seen.push({ paused: p.paused, left: p.secondsLeft }));
    core.indexer.pause();
    core.indexer.enqueue([root.id]);
    await until(() => core.indexer.progress.state === 'scanning', 'the scan started');
    core.indexer.resume();
    await core.indexer.idle();
    expect(seen.some((s) => s.paused)).toBe(true);
    expect(seen.filter((s) => s.paused).every((s) => s.left === null)).toBe(true);
  });

  it('reads failed files again on request, even unchanged ones', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const root = addRoot(core.db, folder(dir, 1));
    writeFileSync(join(root.path, 'broken.pdf'), '%PDF-1.4 garbage');
    await core.indexer.scanRoot(root.id);
    const again = await core.indexer.scanRoot(root.id);
    expect(again.failed).toHaveLength(1); // still failed, and not re-read: same summary from the index
    const { dispatch } = core.api(testHost);
    expect(await dispatch('failures.retry', {})).toEqual({ ok: true, data: { ok: true } });
    await core.indexer.idle();
    const scans = core.db.prepare("SELECT COUNT(*) FROM scans WHERE outcome = 'complete'").pluck().get();
    expect(scans).toBe(3);
    expect(core.indexer.progress.failed).toBe(1);
  });

  it('drives pause, resume and cancel through the API', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const { dispatch } = core.api(testHost);
    expect(await dispatch('scan.control', { action: 'pause' })).toEqual({ ok: true, data: { ok: true } });
    expect(core.indexer.progress.paused).toBe(true);
    await dispatch('scan.control', { action: 'resume' });
    expect(core.indexer.progress.paused).toBe(false);
    expect(await dispatch('scan.control', { action: 'explode' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });
});

/**
 * Removing a folder and forgetting its text says how far it is: the text leaves in counted batches,
 * then the index is compacted (no count: SQLite reports none), then it is done or failed. Meanwhile
 * search answers, scanning waits, and a second removal is refused with the reason.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLocalApi } from '../../../core/api/local-client.ts';
import type { RemovalOptions } from '../../../core/scan/remove-folder.ts';
import type { RemovalProgress } from '../../../shared/contract.ts';
import { testCore, testHost } from '../../helpers/core.ts';
import { tempDir } from '../../helpers/temp.ts';

const DOCUMENTS = 30;

/** A gate a test opens when it has seen what it wants to see while the removal waits at it. */
function gate() {
  let open = () => {};
  let reached = () => {};
  const opened = new Promise<void>((r) => (open = r));
  const arrived = new Promise<void>((r) => (reached = r));
  return { wait: () => (reached(), opened), arrived, open };
}

async function library(removal: RemovalOptions) {
  const dir = tempDir();
  const core = testCore(dir, { databasePath: join(dir, 'index.db'), workers: 1, timeoutMs: 30_000, removal });
  const api = createLocalApi(core.api(testHost).dispatch, core.subscribe);
  const leaving = join(dir, 'Leaving');
  const staying = join(dir, 'Staying');
  mkdirSync(leaving);
  mkdirSync(staying);
  for (let i = 0; i < DOCUMENTS - 1; i++) writeFileSync(join(leaving, `note-${i}.txt`), `Visit note ${i}: the family was seen at home.`);
  writeFileSync(join(leaving, 'audit.txt'), 'Case audit: plans up to date.');
  writeFileSync(join(staying, 'policy.txt'), 'Supervision policy for the safeguarding teams.');
  const gone = await api.call('roots.add', { path: leaving, scan: false });
  await api.call('roots.add', { path: staying, scan: false });
  await api.call('scan.run', {});
  const auditDoc = await api.call('documents.byPath', { path: join(leaving, 'audit.txt') });
  await api.call('evidence.save', { documentId: auditDoc.documentId, fields: { title: 'Case audit', status: 'approved' } });
  const events: RemovalProgress[] = [];
  api.on('removal.progress', (p) => events.push(p));
  return { api, gone, events, core, leaving };
}

describe('removing a folder and forgetting its text, with progress', () => {
  it('counts the documents forgotten in batches, then compacts, then says it is done', async () => {
    const { api, gone, events } = await library({ batchSize: 7 });
    expect(await api.call('removal.status', {})).toBeNull();

    expect(await api.call('roots.remove', { rootId: gone.id, forgetText: true })).toEqual({ ok: true, textForgotten: DOCUMENTS });

    expect(events.map((e) => e.phase)).toEqual([...events.filter((e) => e.phase === 'forgetting').map(() => 'forgetting'), 'compacting', 'done']);
    const forgetting = events.filter((e) => e.phase === 'forgetting');
    // It starts from nothing, never goes back, and ends with every document counted.
    expect(forgetting[0]).toMatchObject({ rootId: gone.id, rootPath: gone.path, done: 0, total: DOCUMENTS, finishedAt: null });
    expect(forgetting.map((e) => e.done)).toEqual([...forgetting.map((e) => e.done)].sort((a, b) => a - b));
    expect(forgetting.at(-1)!.done).toBe(DOCUMENTS);
    // Compacting has no count of its own and no time left to promise.
    expect(events.at(-2)).toMatchObject({ phase: 'compacting', done: DOCUMENTS, total: DOCUMENTS, evidenceKept: 1, secondsLeft: null });
    expect(events.at(-1)).toMatchObject({ phase: 'done', done: DOCUMENTS, evidenceKept: 1, message: null, finishedAt: expect.any(String) });
    expect(await api.call('removal.status', {})).toEqual(events.at(-1));
  });

  it('goes on answering searches while it compacts; scanning waits, and another removal is refused', async () => {
    const compacting = gate();
    const { api, gone, events } = await library({ beforeCompacting: compacting.wait });
    const removed = api.call('roots.remove', { rootId: gone.id, forgetText: true });
    await compacting.arrived;

    expect(events.at(-1)).toMatchObject({ phase: 'compacting' });
    expect(await api.call('removal.status', {})).toMatchObject({ phase: 'compacting', rootId: gone.id });
    // The folder is already out of the library and out of search; the other folder is still found.
    expect((await api.call('roots.list', {})).map((r) => r.id)).not.toContain(gone.id);
    expect((await api.call('search.query', { query: 'family' })).total).toBe(0);
    expect((await api.call('search.query', { query: 'supervision policy' })).total).toBe(1);
    expect(await api.call('scan.status', {})).toMatchObject({ paused: true });
    // Scanning cannot be resumed under it, and cancelling leaves it paused.
    await expect(api.call('scan.control', { action: 'resume' })).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('once the folder being removed is done') });
    await api.call('scan.control', { action: 'cancel' });
    expect(await api.call('scan.status', {})).toMatchObject({ paused: true });
    const [other] = await api.call('roots.list', {});
    await expect(api.call('roots.remove', { rootId: other.id })).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining(`“${gone.path}” is being removed`) });

    compacting.open();
    expect(await removed).toEqual({ ok: true, textForgotten: DOCUMENTS });
    expect(await api.call('scan.status', {})).toMatchObject({ paused: false });
    // Once it is done, the other folder can go.
    expect(await api.call('roots.remove', { rootId: other.id })).toEqual({ ok: true, textForgotten: 0 });
  });

  it('ends with a failed event that says why, and the audit log records the failure', async () => {
    const { api, gone, events } = await library({
      beforeCompacting: async () => {
        throw new Error('The disk is full.');
      },
    });
    await expect(api.call('roots.remove', { rootId: gone.id, forgetText: true })).rejects.toMatchObject({ code: 'internal' });
    expect(events.at(-1)).toMatchObject({
      phase: 'failed',
      message: 'Its text was forgotten, but the index could not be compacted: The disk is full.',
      finishedAt: expect.any(String),
    });
    expect(await api.call('scan.status', {})).toMatchObject({ paused: false });
    expect((await api.call('audit.list', {})).entries[0]).toMatchObject({ action: 'roots.remove', outcome: 'failed' });
  });

  it('keeps a scan the user paused paused', async () => {
    const { api, gone } = await library({ batchSize: 7 });
    await api.call('scan.control', { action: 'pause' });
    await api.call('roots.remove', { rootId: gone.id, forgetText: true });
    expect(await api.call('scan.status', {})).toMatchObject({ paused: true });
  });

  it('keeps scanning paused when Pause is pressed during the removal', async () => {
    const compacting = gate();
    const { api, gone } = await library({ beforeCompacting: compacting.wait });
    const removed = api.call('roots.remove', { rootId: gone.id, forgetText: true });
    await compacting.arrived;
    await api.call('scan.control', { action: 'pause' });
    compacting.open();
    await removed;
    expect(await api.call('scan.status', {})).toMatchObject({ paused: true });
  });

  it('stops between batches when the app closes, and the next scan reads the forgotten text again', async () => {
    let closed: Promise<void> | null = null;
    // The app closes after the third batch of one document.
    const { api, gone, core, leaving } = await library({ batchSize: 1, afterBatch: async (done) => void (done === 3 && (closed = core.close())) });
    const outcome = await api.call('roots.remove', { rootId: gone.id, forgetText: true }).then(() => 'finished', () => 'stopped');
    expect(outcome).toBe('stopped');
    await closed;
    const dir = join(leaving, '..');

    // Opened again: the folder is still in the library, with some documents' text forgotten.
    const again = testCore(dir, { databasePath: join(dir, 'index.db'), workers: 1, timeoutMs: 30_000 });
    try {
      const api2 = createLocalApi(again.api(testHost).dispatch, again.subscribe);
      expect((await api2.call('roots.list', {})).map((r) => r.id)).toContain(gone.id);
      // Three documents forgotten (the audit note among them, which does not say "family").
      expect((await api2.call('search.query', { query: 'family', limit: 50 })).total).toBeLessThan(DOCUMENTS - 1);
      // An unchanged rescan reads them again: nothing was lost.
      await api2.call('scan.run', { rootIds: [gone.id] });
      expect((await api2.call('search.query', { query: 'family', limit: 50 })).total).toBe(DOCUMENTS - 1);
    } finally {
      await again.close();
    }
  });
});

/**
 * Whatever goes wrong while scanning, the scan says so and the data survives: a reader that throws
 * fails that file with the reason, the database refusing one document fails that document, and the
 * database refusing every write ends the scan as failed with nothing marked missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Indexer } from '../../../core/scan/indexer.ts';
import type { ExtractionService } from '../../../core/scan/extraction-service.ts';
import { createPoolService } from '../../../core/scan/pool-service.ts';
import { addRoot, getRoot } from '../../../core/store/roots.ts';
import { search } from '../../../core/search/search.ts';
import { tempDir } from '../../helpers/temp.ts';
import { testCore } from '../../helpers/core.ts';
import { whenDone } from '../../helpers/cleanup.ts';

function folder(dir: string): string {
  const root = join(dir, 'Evidence');
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'visits.txt'), 'Statutory visits were on time.');
  writeFileSync(join(root, 'supervision.txt'), 'Reflective supervision is regular.');
  writeFileSync(join(root, 'audit.txt'), 'Audit of care plans.');
  return root;
}

/** The real worker pool, except that reading one file throws, as a reader with a bug would. */
function throwingOn(name: string): ExtractionService {
  const real = createPoolService({ size: 1 });
  whenDone(() => real.close());
  return {
    size: real.size,
    hash: (path) => real.hash(path),
    close: () => real.close(),
    extract: (path) => (path.endsWith(name) ? Promise.reject(new TypeError('Cannot read properties of undefined (reading "pages")')) : real.extract(path)),
  };
}

// A rejection nobody handled would crash the app; here it is caught and must never happen.
const rejected: unknown[] = [];
const onRejection = (reason: unknown) => void rejected.push(reason);
beforeAll(() => void process.on('unhandledRejection', onRejection));
afterAll(() => void process.off('unhandledRejection', onRejection));

describe('a scan that meets errors', () => {
  it('fails only the file whose reader threw, with the reason, and finishes the rest', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const root = addRoot(core.db, folder(dir));
    const indexer = new Indexer(core.db, throwingOn('audit.txt'));
    const [summary] = await indexer.run([root.id]);
    expect(summary).toMatchObject({ outcome: 'complete', problem: null, files: 3, indexed: 2 });
    expect(summary.failed).toEqual([{ path: join(root.path, 'audit.txt'), reason: 'internal-error', detail: expect.stringContaining('Cannot read properties') }]);
    expect(search(core.db, 'supervision').total).toBe(1);
    expect(getRoot(core.db, root.id)!.lastScan).toMatchObject({ outcome: 'complete', problem: null });
    expect(rejected).toEqual([]);

    // Like a locked file, it is read again at the next scan.
    const [again] = await core.indexer.run([root.id]);
    expect(again).toMatchObject({ indexed: 1, unchanged: 2, failed: [] });
    expect(search(core.db, 'audit').total).toBe(1);
  });

  it('reads a damaged file again only when asked to ("Retry failed")', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const root = addRoot(core.db, folder(dir));
    // The first reading finds audit.txt damaged (as an older reader might have).
    const real = createPoolService({ size: 1 });
    whenDone(() => real.close());
    const damaging: ExtractionService = {
      ...real,
      size: real.size,
      extract: async (path) => {
        const r = await real.extract(path);
        return path.endsWith('audit.txt') ? { ...r, outcome: { status: 'failed', format: 'text', reason: 'corrupt', detail: 'bad bytes' } } : r;
      },
    };
    await new Indexer(core.db, damaging).run([root.id]);
    const [rescan] = await core.indexer.run([root.id]);
    expect(rescan).toMatchObject({ indexed: 0, failed: [{ reason: 'corrupt' }] });
    const [retried] = await core.indexer.run([root.id], { retryFailed: true });
    expect(retried).toMatchObject({ indexed: 1, failed: [] });
    expect(search(core.db, 'audit').total).toBe(1);
  });

  it('fails only the document the database refused, and finishes the rest', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const root = addRoot(core.db, folder(dir));
    // A real SQLite refusal, as a full disk or a damaged page would give, for one document only.
    core.db.exec(`CREATE TEMP TRIGGER refuse_one BEFORE INSERT ON main.pages WHEN new.body LIKE '%supervision%'
                  BEGIN SELECT RAISE(ABORT, 'database disk image is malformed'); END`);
    const [summary] = await core.indexer.run([root.id]);
    expect(summary).toMatchObject({ outcome: 'complete', indexed: 2 });
    expect(summary.failed).toEqual([{ path: join(root.path, 'supervision.txt'), reason: 'internal-error', detail: expect.stringContaining('malformed') }]);
    // The refused document left nothing half-stored behind.
    expect(core.db.prepare("SELECT COUNT(*) FROM documents WHERE status = 'indexed'").pluck().get()).toBe(2);
  });

  it('ends as failed, with the reason, when the database refuses every write, and marks nothing missing', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const path = folder(dir);
    const root = addRoot(core.db, path);
    await core.indexer.run([root.id]);
    // Now a file disappears and the index stops accepting writes mid-life.
    rmSync(join(path, 'audit.txt'));
    writeFileSync(join(path, 'new.txt'), 'A new document.');
    for (const table of ['files', 'documents']) {
      for (const when of ['INSERT', 'UPDATE']) {
        core.db.exec(`CREATE TEMP TRIGGER refuse_${table}_${when} BEFORE ${when} ON main.${table} BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
      }
    }
    const [summary] = await core.indexer.run([root.id]);
    expect(summary).toMatchObject({ outcome: 'failed', problem: expect.stringContaining('disk I/O error'), missing: 0 });
    expect(getRoot(core.db, root.id)!.lastScan).toMatchObject({ outcome: 'failed', problem: expect.stringContaining('disk I/O error') });
    expect(core.db.prepare('SELECT COUNT(*) FROM files WHERE missing = 1').pluck().get()).toBe(0);
    expect(search(core.db, 'audit').total).toBe(1);
    expect(rejected).toEqual([]);
  });

  it('leaves everything as it was, and the folder offline, when the drive goes away mid-scan', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const path = folder(dir);
    mkdirSync(join(path, 'Team'));
    for (let i = 0; i < 20; i++) writeFileSync(join(path, 'Team', `note-${i}.txt`), `Team note ${i} about supervision.`);
    const root = addRoot(core.db, path);
    await core.indexer.run([root.id]);
    writeFileSync(join(path, 'visits.txt'), 'Statutory visits were late this month.');

    // The share drops while the changed file is being read.
    const real = createPoolService({ size: 1 });
    whenDone(() => real.close());
    const dropping: ExtractionService = {
      ...real,
      size: real.size,
      extract: async (file) => {
        renameSync(path, `${path}-gone`);
        return real.extract(file);
      },
    };
    const [summary] = await new Indexer(core.db, dropping).run([root.id]);
    expect(summary).toMatchObject({ outcome: 'offline', missing: 0 });
    expect(getRoot(core.db, root.id)).toMatchObject({ state: 'offline' });
    expect(core.db.prepare('SELECT COUNT(*) FROM files WHERE missing = 1').pluck().get()).toBe(0);
    // The file it was reading when the share dropped still points at what it held, to be read again.
    expect(core.db.prepare('SELECT status, reason, document_id IS NOT NULL AS linked FROM files WHERE path = ?').get(join(path, 'visits.txt'))).toEqual({
      status: 'failed', reason: 'unreadable', linked: 1,
    });
    expect(search(core.db, 'statutory visits').total).toBe(1);
  });
});

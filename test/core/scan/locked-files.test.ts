import { describe, expect, it, afterEach } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addRoot, getRoot } from '../../../core/store/roots.ts';
import { Indexer } from '../../../core/scan/indexer.ts';
import { createPoolService } from '../../../core/scan/pool-service.ts';
import type { ExtractionService } from '../../../core/scan/extraction-service.ts';
import { search } from '../../../core/search/search.ts';
import { tempDir } from '../../helpers/temp.ts';
import { whenDone } from '../../helpers/cleanup.ts';
import { testDatabase } from '../../helpers/core.ts';

/**
 * The real worker pool, except that one file reports "busy" (as Windows does for a file open in
 * Word) the first few times: the operating system's lock is the one thing a test here cannot make.
 */
function lockedFor(times: number, lockedPath: string, real: ExtractionService): ExtractionService {
  let left = times;
  return {
    size: real.size,
    hash: async (path) => (path === lockedPath && left-- > 0 ? { ok: false, reason: 'unreadable', detail: 'EBUSY: resource busy or locked' } : real.hash(path)),
    extract: (path) => real.extract(path),
    close: () => real.close(),
  };
}

const services: ExtractionService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.close();
});

describe('locked files', () => {
  it('are tried again later with backoff until they can be read', async () => {
    const dir = tempDir();
    const root = join(dir, 'Evidence');
    mkdirSync(root);
    writeFileSync(join(root, 'open-in-word.txt'), 'Minutes of the kinship panel.');
    const db = testDatabase(join(dir, 'index.db'));
    const real = createPoolService({ size: 1 });
    services.push(real);
    const indexer = new Indexer(db, lockedFor(2, join(root, 'open-in-word.txt'), real), { retryDelaysMs: [50, 100, 200] });
    // A retry still waiting when the test ends must not fire on a closed database.
    whenDone(() => indexer.cancel());
    indexer.enableRetries();
    const rootId = addRoot(db, root).id;
    const first = await indexer.scanRoot(rootId);
    expect(first.failed).toEqual([{ path: join(root, 'open-in-word.txt'), reason: 'unreadable', detail: expect.stringMatching(/EBUSY/) }]);
    for (let i = 0; i < 200 && search(db, 'kinship').total === 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
      await indexer.idle();
    }
    expect(search(db, 'kinship').total).toBe(1);
    expect(db.prepare("SELECT COUNT(*) FROM scans WHERE outcome = 'complete'").pluck().get()).toBe(3);
    db.close();
  });
});

describe('a root whose folder is deleted', () => {
  it('is marked offline and keeps everything indexed under it', async () => {
    const dir = tempDir();
    const root = join(dir, 'Evidence');
    mkdirSync(root);
    writeFileSync(join(root, 'a.txt'), 'Permanence planning meeting.');
    const db = testDatabase(join(dir, 'index.db'));
    const real = createPoolService({ size: 1 });
    services.push(real);
    const indexer = new Indexer(db, real);
    const rootId = addRoot(db, root).id;
    await indexer.scanRoot(rootId);
    rmSync(root, { recursive: true, force: true });
    expect((await indexer.scanRoot(rootId)).outcome).toBe('offline');
    expect(getRoot(db, rootId)).toMatchObject({ state: 'offline', documents: 1 });
    expect(search(db, 'permanence').total).toBe(1);
    db.close();
  });
});

import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Host } from '../../../core/api/handlers.ts';
import type { Failure, Root } from '../../../shared/contract.ts';
import { tempDir } from '../../helpers/temp.ts';
import { testCore, testHost } from '../../helpers/core.ts';

const GOOD_PDF = fileURLToPath(new URL('../../fixtures/e2e/evidence/Placement-Stability-Review-2024.pdf', import.meta.url));

/** A folder with a readable note and two damaged PDFs. */
function folder(dir: string): string {
  const root = join(dir, 'Evidence');
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'visits.txt'), 'Statutory visits to children in care were on time.');
  writeFileSync(join(root, 'plan.pdf'), '%PDF-1.7\nthis is not really a pdf');
  writeFileSync(join(root, 'review.pdf'), '%PDF-1.7\nnor is this one');
  return root;
}

function statusOf(core: ReturnType<typeof testCore>, path: string): string {
  return core.db.prepare('SELECT status FROM files WHERE path = ?').pluck().get(path) as string;
}

describe('failures: one file at a time', () => {
  it('reads again only the file asked for: a damaged file replaced by a good copy is indexed, the other stays failed', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const { dispatch } = core.api(testHost);
    const root = folder(dir);
    expect((await dispatch('roots.add', { path: root })).ok).toBe(true);
    await core.indexer.idle();
    const plan = join(root, 'plan.pdf');
    const review = join(root, 'review.pdf');
    expect([statusOf(core, plan), statusOf(core, review)]).toEqual(['failed', 'failed']);

    // The owner sends good copies of both; the user retries only one of them.
    copyFileSync(GOOD_PDF, plan);
    copyFileSync(GOOD_PDF, review);
    expect(await dispatch('failures.retry', { paths: [plan] })).toEqual({ ok: true, data: { ok: true } });
    await core.indexer.idle();

    expect(statusOf(core, plan)).toBe('indexed');
    expect(statusOf(core, review)).toBe('failed');
    const listed = (await dispatch('failures.list', {})) as { ok: true; data: Failure[] };
    expect(listed.data.map((f) => f.path)).toEqual([review]);
    // Nothing else was touched: the untouched files were not marked missing.
    expect(core.db.prepare('SELECT COUNT(*) FROM files WHERE missing = 1').pluck().get()).toBe(0);
  });

  it('refuses to read again a path that is not a file of the library', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const { dispatch } = core.api(testHost);
    await dispatch('roots.add', { path: folder(dir) });
    await core.indexer.idle();
    const outside = join(dir, 'elsewhere.pdf');
    writeFileSync(outside, '%PDF-1.7');
    expect(await dispatch('failures.retry', { paths: [outside] })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('failures: show in folder', () => {
  it('reveals a file of the library, and refuses any path outside the library folders or not in the library', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const revealed: string[] = [];
    const host: Host = { ...testHost, revealPath: async (p) => void revealed.push(p) };
    const { dispatch } = core.api(host);
    const root = folder(dir);
    await dispatch('roots.add', { path: root });
    await core.indexer.idle();

    expect(await dispatch('failures.reveal', { path: join(root, 'plan.pdf') })).toEqual({ ok: true, data: { ok: true } });
    expect(revealed).toEqual([join(root, 'plan.pdf')]);

    const secret = join(dir, 'secret.txt');
    writeFileSync(secret, 'not in the library');
    writeFileSync(join(root, 'added-after-the-scan.txt'), 'not indexed yet');
    for (const path of [secret, `${root}${sep}..${sep}secret.txt`, join(root, 'added-after-the-scan.txt'), root, sep === '/' ? '/etc/passwd' : 'C:\\Windows\\win.ini']) {
      expect(await dispatch('failures.reveal', { path })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    }
    expect(revealed).toHaveLength(1);

    // Even an index that names a file outside its folder (damaged, or edited by hand) reveals nothing.
    core.db.prepare('UPDATE files SET path = ? WHERE path = ?').run(secret, join(root, 'review.pdf'));
    expect(await dispatch('failures.reveal', { path: secret })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(revealed).toHaveLength(1);
  });

  it('refuses a file whose folder was removed from the library', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const revealed: string[] = [];
    const { dispatch } = core.api({ ...testHost, revealPath: async (p) => void revealed.push(p) });
    const root = folder(dir);
    const added = (await dispatch('roots.add', { path: root })) as { ok: true; data: Root };
    await core.indexer.idle();
    await dispatch('roots.remove', { rootId: added.data.id });
    expect(await dispatch('failures.reveal', { path: join(root, 'plan.pdf') })).toMatchObject({ ok: false });
    expect(revealed).toEqual([]);
  });
});

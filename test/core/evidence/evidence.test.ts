import { describe, expect, it } from 'vitest';
import { renameSync, writeFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../helpers/temp.ts';
import { testCore, testHost } from '../../helpers/core.ts';
import { evidenceLibrary } from '../../helpers/evidence-fixture.ts';
import type { EvidenceItem } from '../../../shared/contract.ts';

describe('evidence items and tags', () => {
  it('makes a document evidence, tags it, and records every change with who made it', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const { doc } = await evidenceLibrary(core, dir);
    const { dispatch } = core.api(testHost);
    const id = doc('pathway-plans.txt');
    const saved = await dispatch('evidence.save', { documentId: id, fields: { summary: 'Shows pathway plans improving', team: 'Care Leavers', reviewBy: '2099-01-01' } });
    expect(saved).toMatchObject({ ok: true, data: { title: 'pathway plans', status: 'draft', team: 'Care Leavers', changedSinceTagged: false } });
    const tagged = await dispatch('tags.add', { documentIds: [id], frameworkId: 'test-improvement-plan', criterionId: 'R1.1', strength: 'key' });
    expect(tagged).toMatchObject({ ok: true, data: [{ tags: [{ frameworkId: 'test-improvement-plan', judgementId: 'r1', criterionId: 'R1.1', strength: 'key' }] }] });
    await dispatch('evidence.save', { documentId: id, fields: { status: 'approved' } });
    const item = (await dispatch('evidence.get', { documentId: id })) as { ok: true; data: EvidenceItem };
    const history = await dispatch('evidence.history', { evidenceId: item.data.id });
    if (!history.ok) throw new Error(history.error.message);
    const actions = (history.data as { action: string; user: string }[]).map((h) => h.action);
    expect(actions).toEqual(['updated', 'tagged', 'updated', 'created']);
    expect((history.data as { user: string }[]).every((h) => h.user.length > 0)).toBe(true);
  });

  it('refuses tags against criteria that do not exist, and bad dates', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const { doc } = await evidenceLibrary(core, dir);
    const { dispatch } = core.api(testHost);
    expect(await dispatch('tags.add', { documentIds: [doc('housing.txt')], frameworkId: 'test-improvement-plan', criterionId: 'R9' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await dispatch('tags.add', { documentIds: [doc('housing.txt')], frameworkId: 'nope', criterionId: 'R1.2' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await dispatch('evidence.save', { documentId: doc('housing.txt'), fields: { reviewBy: '31/12/2026' } })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('tags several documents at once from search results', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const { doc } = await evidenceLibrary(core, dir);
    const { dispatch } = core.api(testHost);
    const r = await dispatch('tags.add', { documentIds: [doc('housing.txt'), doc('pathway-plans.txt')], frameworkId: 'test-improvement-plan', criterionId: 'R1.2' });
    expect(r.ok && (r.data as EvidenceItem[]).length).toBe(2);
    expect(core.db.prepare('SELECT COUNT(*) FROM evidence').pluck().get()).toBe(2);
  });

  it('keeps evidence and tags when the file is renamed, and follows it when its content changes', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const { root, doc } = await evidenceLibrary(core, dir);
    const { dispatch } = core.api(testHost);
    await dispatch('tags.add', { documentIds: [doc('housing.txt')], frameworkId: 'test-improvement-plan', criterionId: 'R1.2' });
    renameSync(join(root, 'housing.txt'), join(root, 'housing-2026.txt'));
    await core.indexer.scanRoot(1);
    const renamed = await dispatch('evidence.get', { documentId: doc('housing-2026.txt') });
    expect(renamed).toMatchObject({ ok: true, data: { tags: [{ criterionId: 'R1.2' }], changedSinceTagged: false, fileMissing: false } });

    writeFileSync(join(root, 'housing-2026.txt'), 'Updated: supported lodgings expanded in 2026.');
    utimesSync(join(root, 'housing-2026.txt'), new Date(), new Date(Date.now() + 10_000));
    await core.indexer.scanRoot(1);
    const changed = (await dispatch('evidence.get', { documentId: doc('housing-2026.txt') })) as { ok: true; data: EvidenceItem };
    expect(changed.data).toMatchObject({ tags: [{ criterionId: 'R1.2' }], changedSinceTagged: true });
    const confirmed = await dispatch('evidence.confirmContent', { evidenceId: changed.data.id });
    expect(confirmed).toMatchObject({ ok: true, data: { changedSinceTagged: false } });
  });

  it('keeps evidence when its folder is removed from the library, showing the file as missing', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const { doc } = await evidenceLibrary(core, dir);
    const { dispatch } = core.api(testHost);
    const id = doc('housing.txt');
    await dispatch('tags.add', { documentIds: [id], frameworkId: 'test-improvement-plan', criterionId: 'R1.2' });
    await dispatch('roots.remove', { rootId: 1 });
    expect(await dispatch('evidence.get', { documentId: id })).toMatchObject({ ok: true, data: { fileMissing: true } });
  });
});

import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp.ts';
import { testCore, testHost } from '../../helpers/core.ts';
import { evidenceLibrary } from '../../helpers/evidence-fixture.ts';
import type { EvidenceTable } from '../../../shared/evidence-table.ts';

async function api() {
  const dir = tempDir();
  const core = testCore(dir);
  const { doc } = await evidenceLibrary(core, dir);
  const { dispatch } = core.api(testHost);
  await dispatch('tags.add', { documentIds: [doc('housing.txt'), doc('pathway-plans.txt')], frameworkId: 'test-improvement-plan', criterionId: 'r1.2' });
  await dispatch('evidence.save', { documentId: doc('supervision-audit.txt'), fields: { team: 'Social Work' } });
  return dispatch;
}

describe('the Evidence area’s API', () => {
  it('answers the table with its defaults: title order, the first page, facets named from the frameworks', async () => {
    const dispatch = await api();
    const r = await dispatch('evidence.table', {});
    if (!r.ok) throw new Error(r.error.message);
    const t = r.data as EvidenceTable;
    expect(t.rows.map((x) => x.title)).toEqual(['housing', 'pathway plans', 'supervision audit']);
    expect(t.facets.judgement).toEqual([{ value: 'r1', label: 'Recommendation 1: care leavers', count: 2 }]);
    const chosen = await dispatch('evidence.table', { filters: { judgement: ['r1'] } });
    expect(chosen).toMatchObject({ ok: true, data: { matched: 2, facets: { criterion: [{ value: 'R1.2', label: 'R1.2 Housing for care leavers', count: 2 }] } } });
  });

  it('refuses a column it cannot sort by and a page too big, naming the field', async () => {
    const dispatch = await api();
    expect(await dispatch('evidence.table', { sort: 'size' })).toMatchObject({ ok: false, error: { code: 'invalid-argument', field: 'sort' } });
    expect(await dispatch('evidence.table', { limit: 10_000 })).toMatchObject({ ok: false, error: { code: 'invalid-argument', field: 'limit' } });
    expect(await dispatch('evidence.table', { filters: { colour: ['red'] } })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('sets the status of several items as the OS user, and sets them back', async () => {
    const dispatch = await api();
    const t = ((await dispatch('evidence.table', {})) as { ok: true; data: EvidenceTable }).data;
    const set = await dispatch('evidence.setStatus', { changes: t.ids.map((evidenceId) => ({ evidenceId, status: 'approved' })) });
    expect(set).toMatchObject({ ok: true, data: { changed: t.ids.map((evidenceId) => ({ evidenceId, from: 'draft', to: 'approved' })) } });
    const history = await dispatch('evidence.history', { evidenceId: t.ids[0] });
    expect(history.ok && (history.data as unknown[])[0]).toMatchObject({ action: 'updated', detail: { status: { from: 'draft', to: 'approved' } } });
    const changed = (set as { ok: true; data: { changed: { evidenceId: number; from: 'draft' }[] } }).data.changed;
    await dispatch('evidence.setStatus', { changes: changed.map((c) => ({ evidenceId: c.evidenceId, status: c.from })) });
    expect(await dispatch('evidence.table', { filters: { status: ['draft'] } })).toMatchObject({ ok: true, data: { matched: 3 } });
  });

  it('says what to do when an item has gone, and refuses an empty change or an unknown status', async () => {
    const dispatch = await api();
    const gone = await dispatch('evidence.setStatus', { changes: [{ evidenceId: 4242, status: 'approved' }] });
    expect(gone).toMatchObject({ ok: false, error: { code: 'not-found', field: 'changes' } });
    expect((gone as { ok: false; error: { message: string } }).error.message).toMatch(/Nothing was changed: refresh the table/u);
    expect(await dispatch('evidence.setStatus', { changes: [] })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await dispatch('evidence.setStatus', { changes: [{ evidenceId: 1, status: 'lost' }] })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });
});

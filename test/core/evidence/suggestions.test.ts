import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp.ts';
import { testCore, testHost } from '../../helpers/core.ts';
import { evidenceLibrary } from '../../helpers/evidence-fixture.ts';
import type { Suggestion } from '../../../shared/contract.ts';

describe('suggested criteria', () => {
  it('ranks the criterion whose keywords the document is about first, with the words that led to it', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const { doc } = await evidenceLibrary(core, dir);
    const { dispatch } = core.api(testHost);
    const r = (await dispatch('suggestions.list', { documentId: doc('supervision-audit.txt'), frameworkId: 'test-improvement-plan' })) as { ok: true; data: Suggestion[] };
    expect(r.data[0]).toMatchObject({ criterionId: 'R2.1', judgementId: 'r2' });
    expect(r.data[0].words).toEqual(expect.arrayContaining(['reflective supervision', 'management oversight']));
    const plans = (await dispatch('suggestions.list', { documentId: doc('pathway-plans.txt'), frameworkId: 'test-improvement-plan' })) as { ok: true; data: Suggestion[] };
    expect(plans.data[0].criterionId).toBe('R1.1');
  });

  it('drops a dismissed suggestion and criteria already tagged', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const { doc } = await evidenceLibrary(core, dir);
    const { dispatch } = core.api(testHost);
    const id = doc('pathway-plans.txt');
    await dispatch('suggestions.dismiss', { documentId: id, frameworkId: 'test-improvement-plan', criterionId: 'R1.1' });
    await dispatch('tags.add', { documentIds: [id], frameworkId: 'test-improvement-plan', criterionId: 'R1.2' });
    const r = (await dispatch('suggestions.list', { documentId: id, frameworkId: 'test-improvement-plan' })) as { ok: true; data: Suggestion[] };
    expect(r.data.map((s) => s.criterionId)).not.toContain('R1.1');
    expect(r.data.map((s) => s.criterionId)).not.toContain('R1.2');
  });
});

import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { tempDir } from '../../helpers/temp.ts';
import { testCore, testHost } from '../../helpers/core.ts';
import { evidenceLibrary } from '../../helpers/evidence-fixture.ts';
import type { EvidenceItem } from '../../../shared/contract.ts';
import { listHistory } from '../../../core/evidence/history.ts';
import { SAVE_RUN_MS } from '../../../core/evidence/self-evaluation.ts';

describe('self-evaluation', () => {
  it('saves the three answers and a grade per judgement, and exports them to Word with the evidence', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const { doc } = await evidenceLibrary(core, dir);
    const { dispatch } = core.api(testHost);
    const tagged = (await dispatch('tags.add', { documentIds: [doc('pathway-plans.txt')], frameworkId: 'test-improvement-plan', criterionId: 'R1.1' })) as { ok: true; data: EvidenceItem[] };
    const evidenceId = tagged.data[0].id;
    const saved = await dispatch('selfEvaluation.save', {
      frameworkId: 'test-improvement-plan', judgementId: 'r1', know: 'Pathway plans are now timely.', how: 'Quarterly audits.', next: 'Extend staying close.', grade: 'on-track', evidenceIds: [evidenceId],
    });
    expect(saved).toMatchObject({ ok: true, data: { grade: 'on-track', evidenceIds: [evidenceId] } });
    expect(await dispatch('selfEvaluation.save', {
      frameworkId: 'test-improvement-plan', judgementId: 'r1', know: '', how: '', next: '', grade: 'outstanding', evidenceIds: [],
    })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });

    const exported = await dispatch('selfEvaluation.export', { frameworkId: 'test-improvement-plan' });
    if (!exported.ok) throw new Error(exported.error.message);
    const files = unzipSync(exported.data as Uint8Array);
    const xml = strFromU8(files['word/document.xml']);
    for (const text of ['Pathway plans are now timely.', 'Quarterly audits.', 'Extend staying close.', 'On track', `E${evidenceId}`, 'pathway-plans', 'Recommendation 2: supervision']) {
      expect(xml).toContain(text);
    }
  });

  it('records a run of saves as one history entry, so saving as the user types does not flood the history', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    await evidenceLibrary(core, dir);
    const { dispatch } = core.api(testHost);
    const save = (judgementId: string, know: string) =>
      dispatch('selfEvaluation.save', { frameworkId: 'test-improvement-plan', judgementId, know, how: '', next: '', grade: null, evidenceIds: [] });
    const saves = () => listHistory(core.db).filter((h) => h.action === 'self-evaluation saved');
    for (const text of ['P', 'Pa', 'Path', 'Pathway plans']) expect(await save('r1', text)).toMatchObject({ ok: true, data: { know: text } });
    expect(saves()).toHaveLength(1);
    // Another judgement is another entry; coming back starts a new one.
    await save('r2', 'Supervision');
    await save('r1', 'Pathway plans are timely');
    expect(saves().map((h) => h.detail.judgementId)).toEqual(['r1', 'r2', 'r1']);
    // A save long after the last one is a new entry too.
    core.db.prepare("UPDATE history SET at = ? WHERE action = 'self-evaluation saved'").run(new Date(Date.now() - SAVE_RUN_MS - 1000).toISOString());
    await save('r1', 'Pathway plans are timely and written with the young person');
    expect(saves()).toHaveLength(4);
  });
});

import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { tempDir } from '../../helpers/temp.ts';
import { testCore, testHost } from '../../helpers/core.ts';
import { evidenceLibrary } from '../../helpers/evidence-fixture.ts';
import type { EvidenceItem } from '../../../shared/contract.ts';

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
});

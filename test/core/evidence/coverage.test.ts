import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp.ts';
import { testCore, testHost } from '../../helpers/core.ts';
import { evidenceLibrary } from '../../helpers/evidence-fixture.ts';
import type { Coverage, Checks } from '../../../shared/contract.ts';
import { isGap } from '../../../core/evidence/coverage.ts';

describe('coverage and checks', () => {
  it('counts approved, draft and stale evidence per criterion and marks the gaps', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const { doc } = await evidenceLibrary(core, dir);
    const { dispatch } = core.api(testHost);
    const fw = 'test-improvement-plan';
    await dispatch('tags.add', { documentIds: [doc('pathway-plans.txt')], frameworkId: fw, criterionId: 'R1.1', strength: 'key' });
    await dispatch('evidence.save', { documentId: doc('pathway-plans.txt'), fields: { status: 'approved' } });
    await dispatch('tags.add', { documentIds: [doc('housing.txt')], frameworkId: fw, criterionId: 'R1.1' });
    await dispatch('tags.add', { documentIds: [doc('supervision-audit.txt')], frameworkId: fw, criterionId: 'R2.1' });
    await dispatch('evidence.save', { documentId: doc('supervision-audit.txt'), fields: { status: 'approved', reviewBy: '2020-01-01' } });

    const r = (await dispatch('coverage.get', { frameworkId: fw })) as { ok: true; data: Coverage };
    const [r1, r2] = r.data.judgements;
    expect(r1.criteria.map((c) => [c.id, c.approved, c.draft, c.stale, c.key, c.supporting, c.gap])).toEqual([
      ['R1.1', 1, 1, 0, 1, 1, false],
      ['R1.1a', 0, 0, 0, 0, 0, true],
      ['R1.2', 0, 0, 0, 0, 0, true],
    ]);
    expect(r1).toMatchObject({ approved: 1, draft: 1, gaps: 2 });
    expect(r2.criteria[0]).toMatchObject({ id: 'R2.1', approved: 0, stale: 1, gap: true });
    expect(r.data.evidenceCount).toBe(3);

    const cell = await dispatch('coverage.evidence', { frameworkId: fw, criterionId: 'R1.1' });
    expect(cell.ok && (cell.data as { title: string }[]).map((e) => e.title)).toEqual(['pathway plans', 'housing']);

    const c = (await dispatch('checks.list', { frameworkId: fw })) as { ok: true; data: Checks };
    // The gaps coverage marks: R2.1's only evidence is past its review date, so it is one.
    expect(c.data.criteriaWithoutEvidence.map((x) => x.id)).toEqual(['R1.1a', 'R1.2', 'R2.1']);
    expect(c.data.pastReview).toHaveLength(1);
    expect(c.data.untagged).toEqual([]);
  });

  it('lists evidence tagged to nothing, and retired evidence counts for nothing', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const { doc } = await evidenceLibrary(core, dir);
    const { dispatch } = core.api(testHost);
    await dispatch('evidence.save', { documentId: doc('housing.txt'), fields: {} });
    await dispatch('tags.add', { documentIds: [doc('pathway-plans.txt')], frameworkId: 'test-improvement-plan', criterionId: 'R1.1' });
    await dispatch('evidence.save', { documentId: doc('pathway-plans.txt'), fields: { status: 'retired' } });
    const c = (await dispatch('checks.list', { frameworkId: 'test-improvement-plan' })) as { ok: true; data: Checks };
    expect(c.data.untagged).toHaveLength(1);
    const cov = (await dispatch('coverage.get', { frameworkId: 'test-improvement-plan' })) as { ok: true; data: Coverage };
    expect(cov.data.evidenceCount).toBe(0);
  });

  it('has one definition of a gap: the checks list exactly the criteria coverage counts as gaps', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const { doc } = await evidenceLibrary(core, dir);
    const { dispatch } = core.api(testHost);
    const fw = 'test-improvement-plan';
    // R1.1: approved and in date (not a gap). R1.2: draft only. R2.1: approved but past review. R1.1a: nothing.
    await dispatch('tags.add', { documentIds: [doc('pathway-plans.txt')], frameworkId: fw, criterionId: 'R1.1' });
    await dispatch('evidence.save', { documentId: doc('pathway-plans.txt'), fields: { status: 'approved' } });
    await dispatch('tags.add', { documentIds: [doc('housing.txt')], frameworkId: fw, criterionId: 'R1.2' });
    await dispatch('tags.add', { documentIds: [doc('supervision-audit.txt')], frameworkId: fw, criterionId: 'R2.1' });
    await dispatch('evidence.save', { documentId: doc('supervision-audit.txt'), fields: { status: 'approved', reviewBy: '2020-01-01' } });

    const cov = (await dispatch('coverage.get', { frameworkId: fw })) as { ok: true; data: Coverage };
    const c = (await dispatch('checks.list', { frameworkId: fw })) as { ok: true; data: Checks };
    const gaps = cov.data.judgements.flatMap((j) => j.criteria.filter((x) => x.gap).map((x) => x.id));
    expect(gaps).toEqual(['R1.1a', 'R1.2', 'R2.1']);
    expect(c.data.criteriaWithoutEvidence.map((x) => x.id)).toEqual(gaps);
    expect(c.data.criteriaWithoutEvidence).toHaveLength(cov.data.judgements.reduce((n, j) => n + j.gaps, 0));
    expect(c.data.criteriaWithoutEvidence.map((x) => x.judgementId)).toEqual(['r1', 'r1', 'r2']);
  });

  it('calls a criterion a gap when nothing approved and in date shows it', () => {
    expect(isGap({ approved: 0 })).toBe(true);
    expect(isGap({ approved: 1 })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp.ts';
import { testCore, testHost } from '../../helpers/core.ts';
import { evidenceLibrary } from '../../helpers/evidence-fixture.ts';
import { search } from '../../../core/search/search.ts';

describe('searching evidence', () => {
  it('filters by judgement, criterion, status, team and whether tagged, with facets', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const { doc } = await evidenceLibrary(core, dir);
    const { dispatch } = core.api(testHost);
    const fw = 'test-improvement-plan';
    await dispatch('tags.add', { documentIds: [doc('pathway-plans.txt')], frameworkId: fw, criterionId: 'R1.1' });
    await dispatch('evidence.save', { documentId: doc('pathway-plans.txt'), fields: { status: 'approved', team: 'Care Leavers' } });
    await dispatch('tags.add', { documentIds: [doc('supervision-audit.txt')], frameworkId: fw, criterionId: 'R2.1' });
    const titles = (q: string) => search(core.db, q).results.map((r) => r.title).sort();
    expect(titles('tagged:yes')).toEqual(['pathway plans', 'supervision audit']);
    expect(titles('tagged:no')).toEqual(['housing']);
    expect(titles('judgement:r1')).toEqual(['pathway plans']);
    expect(titles('criterion:R2.1')).toEqual(['supervision audit']);
    expect(titles('status:approved')).toEqual(['pathway plans']);
    expect(titles('status:draft')).toEqual(['supervision audit']);
    expect(titles('team:"care leavers"')).toEqual(['pathway plans']);
    expect(titles('care tagged:no')).toEqual(['housing']);
    const r = await dispatch('search.facets', { query: '' });
    if (!r.ok) throw new Error(r.error.message);
    const facets = (r.data as { facets: Record<string, { value: string; label: string; count: number }[]> }).facets;
    expect(facets.judgement).toEqual(
      expect.arrayContaining([{ value: 'r1', label: 'Recommendation 1: care leavers', count: 1 }, { value: 'r2', label: 'Recommendation 2: supervision', count: 1 }]),
    );
    expect(facets.status).toEqual(expect.arrayContaining([{ value: 'approved', label: 'Approved', count: 1 }]));
    expect(facets.tagged).toEqual([{ value: 'yes', label: 'Tagged', count: 2 }, { value: 'no', label: 'Not tagged', count: 1 }]);
    expect(search(core.db, 'status:maybe').notes.join(' ')).toMatch(/status:draft/);
  });
});

import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp.ts';
import { testCore, testHost } from '../../helpers/core.ts';
import { PLAN_JSON, evidenceLibrary } from '../../helpers/evidence-fixture.ts';

describe('frameworks in the app', () => {
  it('lists the built-in frameworks with ILACS 2026 as the default, and the group’s own', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const { dispatch } = core.api(testHost);
    await dispatch('frameworks.save', { json: PLAN_JSON });
    const r = await dispatch('frameworks.list', {});
    if (!r.ok) throw new Error(r.error.message);
    const list = r.data as { id: string; builtIn: boolean; isDefault: boolean; judgements: number }[];
    expect(list.find((f) => f.isDefault)).toMatchObject({ id: 'ilacs-2026', builtIn: true, judgements: 4 });
    expect(list.filter((f) => f.builtIn).length).toBeGreaterThanOrEqual(7);
    expect(list.find((f) => f.id === 'test-improvement-plan')).toMatchObject({ builtIn: false, judgements: 2 });
  });

  it('refuses a malformed framework file with the line and the problem, and changes nothing', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const { dispatch } = core.api(testHost);
    const broken = PLAN_JSON.replace('"title": "Pathway plans are up to date",', '"title": "Pathway plans are up to date"');
    const r = await dispatch('frameworks.save', { json: broken });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/[Ll]ine \d+/) } });
    const dup = PLAN_JSON.replace('"id": "R1.2"', '"id": "R1.1"');
    expect(await dispatch('frameworks.save', { json: dup })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/R1\.1/) } });
    expect(await dispatch('frameworks.save', { json: PLAN_JSON.replace('"test-improvement-plan"', '"ilacs-2026"') })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/built-in/) },
    });
    expect(core.db.prepare('SELECT COUNT(*) FROM frameworks').pluck().get()).toBe(0);
  });

  it('exports a framework as JSON that imports again', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const { dispatch } = core.api(testHost);
    await dispatch('frameworks.save', { json: PLAN_JSON });
    const got = await dispatch('frameworks.get', { frameworkId: 'test-improvement-plan' });
    if (!got.ok) throw new Error(got.error.message);
    const { json } = got.data as { json: string };
    await dispatch('frameworks.delete', { frameworkId: 'test-improvement-plan' });
    expect(await dispatch('frameworks.save', { json })).toMatchObject({ ok: true, data: { id: 'test-improvement-plan' } });
  });

  it('deletes a user framework with its tags, but never a built-in one', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const { doc } = await evidenceLibrary(core, dir);
    const { dispatch } = core.api(testHost);
    await dispatch('tags.add', { documentIds: [doc('housing.txt')], frameworkId: 'test-improvement-plan', criterionId: 'R1.2' });
    expect(await dispatch('frameworks.delete', { frameworkId: 'ilacs-2026' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/cannot be deleted/) } });
    expect(await dispatch('frameworks.delete', { frameworkId: 'test-improvement-plan' })).toMatchObject({ ok: true });
    expect(core.db.prepare('SELECT COUNT(*) FROM tags').pluck().get()).toBe(0);
  });
});

/**
 * The export verifies the pack it built before putting it in place: something wrong in the working
 * folder (here a file slipped in while the evidence copied) fails the export and leaves the
 * destination as it was.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writePack } from '../../../core/pack/export.ts';
import { planPack } from '../../../core/pack/plan.ts';
import { PACK_FILES, PACK_SCHEMA } from '../../../shared/pack.ts';
import { addTag, saveEvidence } from '../../../core/evidence/evidence.ts';
import { testCore } from '../../helpers/core.ts';
import { evidenceLibrary } from '../../helpers/evidence-fixture.ts';
import { tempDir } from '../../helpers/temp.ts';

describe('an export that does not verify', () => {
  it('fails, and the previous pack stays exactly as it was', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const { doc } = await evidenceLibrary(core, dir);
    addTag(core.db, [doc('pathway-plans.txt')], { frameworkId: 'test-improvement-plan', judgementId: 'r1', criterionId: 'R1.1', strength: 'key', note: '' }, 'tester');
    saveEvidence(core.db, doc('pathway-plans.txt'), { status: 'approved' }, 'tester');
    const destination = join(dir, 'Pack');
    mkdirSync(destination);
    writeFileSync(join(destination, PACK_FILES.meta), JSON.stringify({ schema: PACK_SCHEMA }));
    writeFileSync(join(destination, 'marker.txt'), 'the previous pack');
    const plan = planPack(core.db, { framework: core.frameworks.require('test-improvement-plan'), judgementIds: [], statuses: ['approved'] }, new Date().toISOString(), 'test');
    expect(plan.sources).toHaveLength(1);

    const slipIn = async () => {
      const working = readdirSync(dir).find((n) => n.startsWith('.Pack.export-'))!;
      writeFileSync(join(dir, working, 'slipped-in.exe'), 'not from the export');
    };
    await expect(
      writePack({ destination, plan, extras: [], readExcerpts: slipIn, request: {}, signal: new AbortController().signal, onProgress: () => {} }),
    ).rejects.toThrow(/did not verify \(slipped-in\.exe\).*left as it was/u);

    expect(readdirSync(destination).sort()).toEqual(['marker.txt', PACK_FILES.meta]);
    expect(readFileSync(join(destination, 'marker.txt'), 'utf8')).toBe('the previous pack');
    expect(readdirSync(dir).filter((n) => n.startsWith('.Pack'))).toEqual([]);
  });
});

/**
 * The committed fixture test/fixtures/annexa/samples.json is exactly what the two public sample
 * Annex A workbooks hold, so the unit tests that read it (test/shared/annexa/samples.test.ts) check
 * the spec against the real workbooks. Needs ../shared/reference/annexa-samples (or
 * $EVIDENCE_ANNEXA_SAMPLES); if the samples change, remake the fixture with
 * `npx node scripts/annexa-samples.ts`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE, SAMPLES_DIR, fixtureText, readSamples } from '../../scripts/annexa-samples.ts';

/** Where the samples are; throws with instructions when they are not there (never a silent skip). */
function locateSamples(): string {
  const fromEnv = process.env.EVIDENCE_ANNEXA_SAMPLES;
  const repoRoot = resolve(import.meta.dirname, '../..');
  const dir = fromEnv ? (isAbsolute(fromEnv) ? fromEnv : resolve(repoRoot, fromEnv)) : SAMPLES_DIR;
  if (!existsSync(dir)) {
    throw new Error(
      `Annex A sample workbooks not found in ${dir}. Set EVIDENCE_ANNEXA_SAMPLES to their folder, ` +
        'or place them at <repo>/../shared/reference/annexa-samples.',
    );
  }
  return dir;
}

describe('the Annex A samples fixture', () => {
  it('is what the sample workbooks hold, byte for byte', () => {
    const made = fixtureText(readSamples(locateSamples()));
    expect(made).toBe(readFileSync(FIXTURE, 'utf8'));
  });
});

import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../../core/api/errors.ts';
import { buildPackSiteInWorker } from '../../../../core/pack/site/build-in-worker.ts';
import { packSiteFiles } from '../../../../core/pack/site/site.ts';
import { packFixture } from './fixture.ts';

describe('buildPackSiteInWorker: the site made off the main thread', () => {
  it('gives the same files as packSiteFiles', async () => {
    const content = packFixture();
    const [inWorker, here] = await Promise.all([buildPackSiteInWorker(content, { timeoutMs: 60_000 }), packSiteFiles(content)]);
    expect(inWorker.map((f) => f.path)).toEqual(here.map((f) => f.path));
    inWorker.forEach((file, i) => expect(Buffer.from(file.bytes).equals(Buffer.from(here[i].bytes)), file.path).toBe(true));
  });

  it('stops a build that takes longer than allowed, saying so', async () => {
    const failure = await buildPackSiteInWorker(packFixture(), { timeoutMs: 1 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiFailure);
    expect((failure as ApiFailure).message).toMatch(/took longer than 1 seconds? and was stopped/u);
  });

  it('stops when the export is cancelled, with the cancel’s reason', async () => {
    const controller = new AbortController();
    const building = buildPackSiteInWorker(packFixture(), { signal: controller.signal });
    const reason = new Error('cancelled by the user');
    controller.abort(reason);
    await expect(building).rejects.toBe(reason);
    const already = AbortSignal.abort(reason);
    await expect(buildPackSiteInWorker(packFixture(), { signal: already })).rejects.toBe(reason);
  });
});

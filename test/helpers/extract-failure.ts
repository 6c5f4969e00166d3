import { expect } from 'vitest';
import { ExtractError } from '../../core/extract/types.ts';

/** The ExtractError an extraction must fail with (fails the test if it succeeds or throws anything else). */
export async function extractFailure(run: Promise<unknown>): Promise<ExtractError> {
  const err = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ExtractError);
  return err as ExtractError;
}

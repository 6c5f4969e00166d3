/**
 * Vitest global setup: fails the run if a temp folder made by test/helpers/temp.ts outlives it.
 *
 * Each run gets its own folder-name prefix (provided to the tests as `tempRun`), so the check
 * only sees this run's folders: other runs going on at the same time on the same machine, and
 * folders left by older runs, are none of its business.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { tempRunPrefix } from '../helpers/temp-prefix.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's id, part of every temp folder's name. */
    tempRun: string;
  }
}

export default function setup(project: TestProject): () => void {
  const run = randomBytes(4).toString('hex');
  project.provide('tempRun', run);
  return () => {
    const prefix = tempRunPrefix(run);
    const left = readdirSync(tmpdir()).filter((name) => name.startsWith(prefix));
    if (left.length === 0) return;
    // Tidy up so a leak does not pile up run after run, but still fail: something forgot to clean.
    for (const name of left) rmSync(join(tmpdir(), name), { recursive: true, force: true });
    throw new Error(
      `${left.length} temp folder(s) made by tests were not removed when their test ended (now removed):\n` +
        left.map((name) => `  ${join(tmpdir(), name)}`).join('\n') +
        '\nMake temp folders with tempDir() from test/helpers/temp.ts, or remove them in the same file.',
    );
  };
}

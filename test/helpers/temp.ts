import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { whenDone } from './cleanup.ts';
import { tempRunPrefix } from './temp-prefix.ts';

/**
 * A fresh temporary folder, removed when the test ends (or, made in `beforeAll`, after the file).
 * Its name carries this run's id so the leak guard (test/setup/leak-guard.ts) can find leftovers.
 */
export function tempDir(): string {
  // Without the global setup (another Vitest config) there is no run id; the folder is still removed.
  const dir = mkdtempSync(join(tmpdir(), tempRunPrefix(inject('tempRun') ?? 'unguarded')));
  whenDone(() => rmSync(dir, { recursive: true, force: true, maxRetries: 5 }));
  return dir;
}

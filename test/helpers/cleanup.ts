/**
 * Running clean-up at the right time, wherever a helper is called from.
 *
 * Vitest only honours `afterEach`/`afterAll` registered while a file is being collected: one
 * registered inside a test body or a hook is silently ignored. So helpers that make something to
 * undo (a temp folder, an open database, a core with worker threads) hand the undo to `whenDone`:
 * inside a test (its body, `beforeEach` or `afterEach`) it runs when that test finishes, pass or
 * fail; outside one (`beforeAll`, or a describe block) it runs after the file's last test, through
 * the `afterAll` that test/setup/file-cleanup.ts registers for every file.
 */
import { onTestFinished } from 'vitest';

type Undo = () => unknown;

const afterFile: Undo[] = [];
let fileCleanupInstalled = false;

export function whenDone(undo: Undo): void {
  try {
    onTestFinished(async () => {
      await undo();
    });
    return;
  } catch {
    // Not inside a test: fall through to the end of the file.
  }
  if (!fileCleanupInstalled) {
    throw new Error('whenDone() outside a test needs test/setup/file-cleanup.ts in the Vitest setupFiles.');
  }
  afterFile.push(undo);
}

/** Registered once per file by the setup file. */
export function installFileCleanup(register: (run: () => Promise<void>) => void): void {
  fileCleanupInstalled = true;
  register(async () => {
    // Newest first, as onTestFinished does: a core is closed before its folder is removed.
    const errors: unknown[] = [];
    for (const undo of afterFile.splice(0).reverse()) {
      try {
        await undo();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length) throw new AggregateError(errors, 'Clean-up after the file failed');
  });
}

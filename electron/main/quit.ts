/**
 * Quitting while the core is busy (a scan, an export): the core is asked to close (the indexer
 * finishes its current transaction, the workers stop, the database is closed) and the app waits
 * for that, but never longer than a short time. Past it the app leaves anyway: every write is a
 * transaction in a WAL database, so nothing is half-written, and the scan is marked interrupted
 * and resumed at the next start.
 */

export const QUIT_TIMEOUT_MS = 5000;

export type CloseOutcome = 'closed' | 'timed-out' | 'failed';

export async function closeWithin(close: () => Promise<void>, timeoutMs = QUIT_TIMEOUT_MS): Promise<{ outcome: CloseOutcome; error?: unknown }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<{ outcome: CloseOutcome }>((resolve) => {
    timer = setTimeout(() => resolve({ outcome: 'timed-out' }), timeoutMs);
  });
  const closing = Promise.resolve()
    .then(close)
    .then(
      () => ({ outcome: 'closed' as const }),
      (error: unknown) => ({ outcome: 'failed' as const, error }),
    );
  try {
    return await Promise.race([closing, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

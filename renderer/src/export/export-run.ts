/**
 * Runs pack.export and follows its pack.progress events, writing each step into the session (not
 * into a component's state) so the run survives the person leaving the area. One export at a time,
 * as the backend allows.
 */
import type { PackOptions } from '../../../shared/pack.ts';
import { ApiCallError, errorMessage } from '../api/client.ts';
import type { ClientApi } from '../api/types.ts';
import { getExportSession, updateExportSession } from './export-session.ts';
import { rememberDestination } from './remember.ts';

let cancelAsked = false;

export async function startExport(api: ClientApi, options: PackOptions, destination: string): Promise<void> {
  if (getExportSession().run.kind === 'running') return;
  cancelAsked = false;
  let lastPhase: string | null = null;
  updateExportSession({ run: { kind: 'running', destination, progress: null, cancelling: false, cancelError: null } });
  // Events are listened to only while this export runs, so another window's export never shows here as ours.
  const off = api.on('pack.progress', (progress) => {
    lastPhase = progress.phase;
    updateExportSession(({ run }) => (run.kind === 'running' ? { run: { ...run, progress } } : {}));
  });
  try {
    const result = await api.call('pack.export', { ...options, destination });
    rememberDestination(destination);
    updateExportSession({ run: { kind: 'done', result }, verifyPath: result.pack });
  } catch (error) {
    if (cancelAsked || lastPhase === 'cancelled') {
      updateExportSession({ run: { kind: 'cancelled', destination } });
    } else {
      const field = error instanceof ApiCallError && error.field ? error.field : null;
      updateExportSession({ run: { kind: 'failed', destination, message: errorMessage(error), field } });
    }
  } finally {
    off();
    cancelAsked = false;
    updateExportSession((s) => ({ runsEnded: s.runsEnded + 1 }));
  }
}

/** Asks the backend to stop; the export's own answer then says how it ended. */
export async function cancelExport(api: ClientApi): Promise<void> {
  const { run } = getExportSession();
  if (run.kind !== 'running' || run.cancelling) return;
  cancelAsked = true;
  updateExportSession({ run: { ...run, cancelling: true, cancelError: null } });
  try {
    await api.call('pack.cancel', {});
  } catch (error) {
    cancelAsked = false;
    updateExportSession(({ run: now }) => (now.kind === 'running' ? { run: { ...now, cancelling: false, cancelError: errorMessage(error) } } : {}));
  }
}

/** Back to the form, after reading an outcome ("Try again", "Make another pack"). */
export function clearOutcome(): void {
  if (getExportSession().run.kind !== 'running') updateExportSession({ run: { kind: 'idle' } });
}

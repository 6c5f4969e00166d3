/** pack.log, loaded when the log is shown and again after each export ends (the session counts them). */
import { useCallback, useEffect, useState } from 'react';
import type { PackLogEntry } from '../../../shared/pack.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';

export interface LogState {
  /** undefined while loading. */
  entries: PackLogEntry[] | undefined;
  error: string | null;
  reload(): void;
}

export function usePackLog(runsEnded: number): LogState {
  const api = useApi();
  const [entries, setEntries] = useState<PackLogEntry[] | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setError(null);
    api.call('pack.log', {}).then(
      (list) => live && setEntries(list),
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [api, runsEnded, attempt]);
  return { entries, error, reload: useCallback(() => setAttempt((a) => a + 1), []) };
}

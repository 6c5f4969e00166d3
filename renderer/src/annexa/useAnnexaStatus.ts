/** The stored import's report (annexa.status) and the spec versions, loaded when the area opens. */
import { useCallback, useEffect, useState } from 'react';
import type { AnnexaImportReport, AnnexaSpecSummary } from '../../../shared/annexa/api.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';

export interface AnnexaStatus {
  /** undefined while loading; null when nothing is imported. */
  report: AnnexaImportReport | null | undefined;
  specs: AnnexaSpecSummary[];
  error: string | null;
  setReport(report: AnnexaImportReport | null): void;
  reload(): void;
}

export function useAnnexaStatus(): AnnexaStatus {
  const api = useApi();
  const [report, setReport] = useState<AnnexaImportReport | null | undefined>(undefined);
  const [specs, setSpecs] = useState<AnnexaSpecSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setError(null);
    Promise.all([api.call('annexa.status', {}), api.call('annexa.specs', {})]).then(
      ([status, list]) => {
        if (!live) return;
        setReport(status);
        setSpecs(list);
      },
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [api, attempt]);

  return { report, specs, error, setReport, reload: useCallback(() => setAttempt((a) => a + 1), []) };
}

import { useEffect, useState } from 'react';
import type { EvidenceTable, EvidenceTableQuery } from '../../../shared/evidence-table.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { useEvidenceVersion } from '../evidence/changes.ts';

export interface EvidenceTableState {
  table: EvidenceTable | null;
  /** A newer query is on its way (the table shown is the last one answered). */
  pending: boolean;
  error: string | null;
}

/**
 * The table for a query, asked again whenever evidence changes anywhere (a tag added in the
 * document view, a status set here). A newer query cancels the one still running.
 */
export function useEvidenceTable(query: EvidenceTableQuery): EvidenceTableState {
  const api = useApi();
  const version = useEvidenceVersion();
  const [state, setState] = useState<EvidenceTableState>({ table: null, pending: true, error: null });
  const key = JSON.stringify(query);
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, pending: true }));
    api
      .call('evidence.table', JSON.parse(key) as EvidenceTableQuery, { signal: controller.signal })
      .then((table) => setState({ table, pending: false, error: null }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState((s) => ({ ...s, pending: false, error: `The evidence could not be listed: ${errorMessage(error)}` }));
      });
    return () => controller.abort();
  }, [api, key, version]);
  return state;
}

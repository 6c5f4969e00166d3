import { useEffect, useState } from 'react';
import type { SearchResponse } from '../../../shared/contract.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage, isAbort } from '../api/client.ts';

export const SEARCH_DEBOUNCE_MS = 150;

export interface SearchState {
  response: SearchResponse | null;
  /** A search is waiting or running for the current text. */
  pending: boolean;
  error: string | null;
}

/**
 * Results as you type: waits ~150 ms after the last keystroke, and aborts the previous request
 * so a slow answer for "car" can never replace the answer for "care".
 * `refreshKey` re-runs the same query (e.g. after a scan added documents).
 */
export function useSearch(query: string, limit: number, refreshKey: number): SearchState {
  const api = useApi();
  const [state, setState] = useState<SearchState>({ response: null, pending: true, error: null });

  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, pending: true }));
    const timer = setTimeout(() => {
      api.call('search.query', { query, limit }, { signal: controller.signal }).then(
        (response) => setState({ response, pending: false, error: null }),
        (error) => {
          if (!isAbort(error) && !controller.signal.aborted) setState((s) => ({ ...s, pending: false, error: errorMessage(error) }));
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, query, limit, refreshKey]);

  return state;
}

import { useEffect, useRef, useState } from 'react';
import type { SearchFacets, SearchResponse } from '../../../shared/contract.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage, isAbort, isCancelled } from '../api/client.ts';

export const SEARCH_DEBOUNCE_MS = 150;

export interface SearchState {
  response: SearchResponse | null;
  /** Facet counts and the exact total for `response`'s query; they follow the results. */
  facets: SearchFacets | null;
  /** A search is waiting or running for the current text. */
  pending: boolean;
  error: string | null;
}

/** The search box's channel: the server cancels the search (or count) that a newer one replaces. */
export const SEARCH_CHANNEL = 'search-box';

/**
 * Results as you type: waits ~150 ms after the last keystroke, and aborts the previous request
 * so a slow answer for "car" can never replace the answer for "care" (the server stops it too).
 * The facet counts are asked for once the results are shown.
 * `refreshKey` re-runs the same query (e.g. after a scan added documents).
 */
export function useSearch(query: string, limit: number, refreshKey: number): SearchState {
  const api = useApi();
  const [state, setState] = useState<SearchState>({ response: null, facets: null, pending: true, error: null });
  // The query (and refresh) whose counts are shown: "show more" asks for more results, not the
  // same counts again (they take seconds on a big library).
  const counted = useRef<{ query: string; refreshKey: number } | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, pending: true }));
    const timer = setTimeout(() => {
      const failed = (error: unknown) => {
        if (!isAbort(error) && !controller.signal.aborted && !isCancelled(error)) setState((s) => ({ ...s, pending: false, error: errorMessage(error) }));
      };
      api.call('search.query', { query, limit, channel: SEARCH_CHANNEL }, { signal: controller.signal }).then((response) => {
        // Keep the counts of the same query (a "show more" asks again with a bigger limit).
        setState((s) => ({ response, facets: s.facets?.query === response.query ? s.facets : null, pending: false, error: null }));
        // Another query's results replace its counts on screen, so a query typed again is counted again.
        if (counted.current?.query !== query) counted.current = null;
        if (counted.current?.refreshKey === refreshKey) return;
        api.call('search.facets', { query, channel: SEARCH_CHANNEL }, { signal: controller.signal }).then((facets) => {
          counted.current = { query, refreshKey };
          setState((s) => (s.response?.query === facets.query ? { ...s, facets } : s));
        }, failed);
      }, failed);
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, query, limit, refreshKey]);

  return state;
}

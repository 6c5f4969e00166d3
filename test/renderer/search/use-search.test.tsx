// @vitest-environment jsdom
/**
 * Results first, counts after: the search box shows the results as soon as they come, with a count
 * that may be "1,000+", then the facet counts and the exact total for the same query; a count for
 * a query the user has typed past is dropped, and a search the server cancelled is no error.
 */
import { describe, expect, it } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { ApiProvider } from '../../../renderer/src/api/ApiContext.tsx';
import type { ClientApi } from '../../../renderer/src/api/types.ts';
import { ApiCallError } from '../../../shared/api-error.ts';
import { SEARCH_CHANNEL, useSearch } from '../../../renderer/src/search/useSearch.ts';
import type { SearchFacets, SearchResponse } from '../../../shared/contract.ts';

const NO_FACETS: SearchFacets['facets'] = { type: [], folder: [], year: [], judgement: [], status: [], team: [], tagged: [] };

function response(query: string, total: number, totalCapped: boolean): SearchResponse {
  return { query, total, totalCapped, results: [], terms: [], notes: [], millis: 1 };
}

/** An API whose answers the test releases by hand, recording every call. */
function controlledApi() {
  const calls: { method: string; input: Record<string, unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void }[] = [];
  const api = {
    transport: 'http',
    call: (method: string, input: Record<string, unknown>) => new Promise((resolve, reject) => calls.push({ method, input, resolve, reject })),
    on: () => () => {},
  } as unknown as ClientApi;
  const wrapper = ({ children }: { children: ReactNode }) => <ApiProvider value={api}>{children}</ApiProvider>;
  return { calls, wrapper };
}

describe('useSearch', () => {
  it('shows the results at once, then the exact total and facets of the same query, both on the search box channel', async () => {
    const { calls, wrapper } = controlledApi();
    const { result } = renderHook(() => useSearch('child', 20, 0), { wrapper });
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({ method: 'search.query', input: { query: 'child', channel: SEARCH_CHANNEL } });
    await act(async () => calls[0].resolve(response('child', 1_000, true)));
    expect(result.current).toMatchObject({ pending: false, facets: null, response: { total: 1_000, totalCapped: true } });
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]).toMatchObject({ method: 'search.facets', input: { query: 'child', channel: SEARCH_CHANNEL } });
    await act(async () => calls[1].resolve({ query: 'child', total: 50_000, facets: NO_FACETS, millis: 5 }));
    expect(result.current.facets?.total).toBe(50_000);
  });

  it('"show more" asks for more results but not the same counts again', async () => {
    const { calls, wrapper } = controlledApi();
    const { result, rerender } = renderHook(({ limit }) => useSearch('child', limit, 0), { wrapper, initialProps: { limit: 20 } });
    await waitFor(() => expect(calls).toHaveLength(1));
    await act(async () => calls[0].resolve(response('child', 1_000, true)));
    await waitFor(() => expect(calls).toHaveLength(2));
    await act(async () => calls[1].resolve({ query: 'child', total: 50_000, facets: NO_FACETS, millis: 5 }));
    rerender({ limit: 40 });
    await waitFor(() => expect(calls).toHaveLength(3));
    expect(calls[2]).toMatchObject({ method: 'search.query', input: { limit: 40 } });
    await act(async () => calls[2].resolve(response('child', 1_000, true)));
    await new Promise((r) => setTimeout(r, 250));
    expect(calls).toHaveLength(3);
    expect(result.current.facets?.total).toBe(50_000);
  });

  it('counts a query typed again after another one', async () => {
    const { calls, wrapper } = controlledApi();
    const { result, rerender } = renderHook(({ q }) => useSearch(q, 20, 0), { wrapper, initialProps: { q: 'child' } });
    await waitFor(() => expect(calls).toHaveLength(1));
    await act(async () => calls[0].resolve(response('child', 3, false)));
    await waitFor(() => expect(calls).toHaveLength(2));
    await act(async () => calls[1].resolve({ query: 'child', total: 3, facets: NO_FACETS, millis: 1 }));
    rerender({ q: 'chil' });
    await waitFor(() => expect(calls).toHaveLength(3));
    await act(async () => calls[2].resolve(response('chil', 0, false)));
    await waitFor(() => expect(calls).toHaveLength(4));
    rerender({ q: 'child' });
    await waitFor(() => expect(calls).toHaveLength(5));
    await act(async () => calls[4].resolve(response('child', 3, false)));
    await waitFor(() => expect(calls).toHaveLength(6));
    expect(calls[5]).toMatchObject({ method: 'search.facets', input: { query: 'child' } });
    await act(async () => calls[5].resolve({ query: 'child', total: 3, facets: NO_FACETS, millis: 1 }));
    expect(result.current.facets?.total).toBe(3);
  });

  it('drops counts for a query typed past, and takes a server-side cancel as no error', async () => {
    const { calls, wrapper } = controlledApi();
    const { result, rerender } = renderHook(({ q }) => useSearch(q, 20, 0), { wrapper, initialProps: { q: 'chi' } });
    await waitFor(() => expect(calls).toHaveLength(1));
    await act(async () => calls[0].resolve(response('chi', 3, false)));
    await waitFor(() => expect(calls).toHaveLength(2));
    // The server stopped this count because another window's search on the channel replaced it:
    // not an error to show.
    await act(async () => calls[1].reject(new ApiCallError('cancelled', 'A newer search replaced this one.')));
    expect(result.current.error).toBeNull();
    rerender({ q: 'child' });
    await waitFor(() => expect(calls).toHaveLength(3));
    await act(async () => calls[2].resolve(response('child', 7, false)));
    expect(result.current.response?.query).toBe('child');
    expect(result.current.facets).toBeNull();
  });

  it('shows a real failure', async () => {
    const { calls, wrapper } = controlledApi();
    const { result } = renderHook(() => useSearch('care', 20, 0), { wrapper });
    await waitFor(() => expect(calls).toHaveLength(1));
    await act(async () => calls[0].reject(new ApiCallError('unavailable', 'The index is busy.')));
    expect(result.current.error).toBe('The index is busy.');
  });
});

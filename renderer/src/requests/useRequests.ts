/**
 * The request log as the screens read it: the whole list (the log is tens of requests a day, so one
 * call is enough and every view sums from it), reloaded whenever anything changes it; and the
 * default framework's judgements for the "judgement" pickers and counts.
 */
import { useEffect, useState } from 'react';
import type { InspectorRequest } from '../../../shared/requests.ts';
import { useApi } from '../api/ApiContext.tsx';
import { ApiCallError, errorMessage } from '../api/client.ts';
import { useRequestsVersion } from './changes.ts';

export type RequestList = { status: 'loading' } | { status: 'ready'; requests: InspectorRequest[] } | { status: 'error'; message: string; unavailable: boolean };

export function useRequestList(): RequestList {
  const api = useApi();
  const version = useRequestsVersion();
  const [state, setState] = useState<RequestList>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    api.call('requests.list', {}).then(
      (requests) => live && setState({ status: 'ready', requests }),
      (error) => live && setState({ status: 'error', message: errorMessage(error), unavailable: error instanceof ApiCallError && error.code === 'unavailable' }),
    );
    return () => {
      live = false;
    };
  }, [api, version]);
  return state;
}

export interface Judgements {
  frameworkId: string | null;
  /** id → title, in the framework's order. */
  judgements: { id: string; title: string }[];
}

/** The default framework's judgements (ILACS 2026 unless the group changed it); empty until loaded or if it cannot be read. */
export function useDefaultJudgements(): Judgements {
  const api = useApi();
  const [value, setValue] = useState<Judgements>({ frameworkId: null, judgements: [] });
  useEffect(() => {
    let live = true;
    (async () => {
      const list = await api.call('frameworks.list', {});
      const chosen = list.find((f) => f.isDefault) ?? list[0];
      if (!chosen) return;
      const { framework } = await api.call('frameworks.get', { frameworkId: chosen.id });
      if (live) setValue({ frameworkId: chosen.id, judgements: framework.judgements.map((j) => ({ id: j.id, title: j.title })) });
    })().catch(() => {
      // Without frameworks the judgement picker is just empty: logging a request must still work.
    });
    return () => {
      live = false;
    };
  }, [api]);
  return value;
}

/** The form field an API error names ("inspector", or "fields.due" from an update), if any. */
export function fieldOf(error: unknown): string | null {
  if (!(error instanceof ApiCallError) || !error.field) return null;
  const parts = error.field.split('.');
  return parts[parts.length - 1] ?? null;
}

import { useCallback, useEffect, useState } from 'react';
import type { EvidenceItem, HistoryEntry, Suggestion } from '../../../shared/contract.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { useEvidenceVersion } from './changes.ts';

export type Loaded<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

/** A document's evidence item (null when it is not evidence), kept in step with changes made anywhere. */
export function useDocumentEvidence(documentId: number): [Loaded<EvidenceItem | null>, (item: EvidenceItem | null) => void] {
  const api = useApi();
  const version = useEvidenceVersion();
  const [state, setState] = useState<Loaded<EvidenceItem | null>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    api.call('evidence.get', { documentId }).then(
      (value) => live && setState({ status: 'ready', value }),
      (error) => live && setState({ status: 'error', message: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [api, documentId, version]);
  const set = useCallback((item: EvidenceItem | null) => setState({ status: 'ready', value: item }), []);
  return [state, set];
}

/** Criteria of the framework the document's words point to, with the words that led there. */
export function useSuggestions(documentId: number, frameworkId: string | null): [Loaded<Suggestion[]>, (next: Suggestion[]) => void] {
  const api = useApi();
  const version = useEvidenceVersion();
  const [state, setState] = useState<Loaded<Suggestion[]>>({ status: 'loading' });
  useEffect(() => {
    if (!frameworkId) return;
    let live = true;
    api.call('suggestions.list', { documentId, frameworkId }).then(
      (value) => live && setState({ status: 'ready', value }),
      (error) => live && setState({ status: 'error', message: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [api, documentId, frameworkId, version]);
  const set = useCallback((next: Suggestion[]) => setState({ status: 'ready', value: next }), []);
  return [state, set];
}

/** What happened to an evidence item, newest first. */
export function useHistory(evidenceId: number | null, enabled: boolean): Loaded<HistoryEntry[]> {
  const api = useApi();
  const version = useEvidenceVersion();
  const [state, setState] = useState<Loaded<HistoryEntry[]>>({ status: 'loading' });
  useEffect(() => {
    if (!enabled || evidenceId === null) return;
    let live = true;
    api.call('evidence.history', { evidenceId }).then(
      (value) => live && setState({ status: 'ready', value }),
      (error) => live && setState({ status: 'error', message: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [api, evidenceId, enabled, version]);
  return state;
}

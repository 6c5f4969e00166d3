/**
 * What the Annex A area holds while the app is open, outside any component so that going to
 * Search and back keeps it: the extracts waiting to be imported, the extracts of the last import
 * (to import them again with a fixed mapping), and the step shown. In memory only: File objects
 * are children's data, so they are never written anywhere, and "Delete all child-level data"
 * forgets them too.
 */
import { useSyncExternalStore } from 'react';
import type { Extract } from './extracts.ts';

export type Step = 'add' | 'mapping' | 'findings' | 'summaries' | 'build';

export interface LastImport {
  extracts: Extract[];
  /** The saved mapping's system the import used, if any. */
  system: string | null;
}

export interface AnnexaSession {
  pending: Extract[];
  last: LastImport | null;
  step: Step | null;
}

let state: AnnexaSession = { pending: [], last: null, step: null };
const listeners = new Set<() => void>();

export function getSession(): AnnexaSession {
  return state;
}

export function updateSession(patch: Partial<AnnexaSession>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

/** After "Delete all child-level data": nothing about any child is left in the page. */
export function forgetSession(): void {
  updateSession({ pending: [], last: null, step: 'add' });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useAnnexaSession(): AnnexaSession {
  return useSyncExternalStore(subscribe, getSession);
}

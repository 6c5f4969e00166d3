/**
 * A counter every evidence change bumps (saved, tagged, untagged, confirmed, a framework imported
 * or deleted), so screens showing evidence elsewhere (search chips and facets, coverage, checks)
 * reload without each knowing who changed what.
 */
import { useSyncExternalStore } from 'react';

let version = 0;
const listeners = new Set<() => void>();

export function notifyEvidenceChanged(): void {
  version++;
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useEvidenceVersion(): number {
  return useSyncExternalStore(subscribe, () => version);
}

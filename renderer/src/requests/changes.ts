/**
 * A counter every change to the request log bumps (logged from the dialog, linked from search or a
 * document, edited in the panel), so the area's lists reload without each knowing who changed what.
 * The same pattern as evidence/changes.ts.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';

let version = 0;
const listeners = new Set<() => void>();

export function notifyRequestsChanged(): void {
  version++;
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useRequestsVersion(): number {
  return useSyncExternalStore(subscribe, () => version);
}

/** The time, refreshed every `everyMs` so "overdue" and "time open" move on their own. */
export function useNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

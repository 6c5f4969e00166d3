/**
 * The saved searches, as the navigation, the Search area and the request panel all show them: one
 * list, loaded once and loaded again whenever any of them saves, renames or deletes one.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { SavedSearch } from '../../../shared/saved-searches.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';

let version = 0;
const listeners = new Set<() => void>();

export function notifySavedSearchesChanged(): void {
  version++;
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export type SavedSearchList = { status: 'loading' } | { status: 'ready'; searches: SavedSearch[] } | { status: 'error'; message: string };

export function useSavedSearches(): SavedSearchList {
  const api = useApi();
  const changes = useSyncExternalStore(subscribe, () => version);
  const [list, setList] = useState<SavedSearchList>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    api.call('savedSearches.list', {}).then(
      (searches) => live && setList({ status: 'ready', searches }),
      (error) => live && setList({ status: 'error', message: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [api, changes]);
  return list;
}

/** The saved search whose query is the one in the search box (spaces at the ends ignored), if any. */
export function savedSearchFor(searches: readonly SavedSearch[], query: string): SavedSearch | undefined {
  const q = query.trim();
  return q ? searches.find((s) => s.query === q) : undefined;
}

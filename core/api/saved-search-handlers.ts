/** The saved-search methods of the contract: thin calls into core/search/saved-searches.ts. */
import type { Input, MethodName, Output } from '../../shared/contract.ts';
import { deleteSavedSearch, listSavedSearches, renameSavedSearch, saveSearch } from '../search/saved-searches.ts';
import type { Db } from '../store/database.ts';

type SavedSearchMethod = Extract<MethodName, `savedSearches.${string}`>;
export type SavedSearchHandlers = { [M in SavedSearchMethod]: (input: Input<M>) => Promise<Output<M>> };

export function createSavedSearchHandlers(db: Db): SavedSearchHandlers {
  return {
    'savedSearches.list': async () => listSavedSearches(db),
    'savedSearches.save': async ({ name, query, replace }) => saveSearch(db, name, query, replace),
    'savedSearches.rename': async ({ id, name }) => renameSavedSearch(db, id, name),
    'savedSearches.delete': async ({ id }) => deleteSavedSearch(db, id),
  };
}

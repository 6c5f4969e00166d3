/**
 * Saved searches, in the API contract: a search (its words and filters, exactly as the search box
 * holds them) kept under a name, listed in the navigation and linked from requests.
 * `shared/contract.ts` lists the methods; the shape and the limits live here.
 */
import { z } from 'zod';

export const SAVED_SEARCH_LIMITS = { name: 100, query: 2000 } as const;

export const SavedSearch = z.object({
  id: z.number().int(),
  name: z.string(),
  /** The search box's text: words and filters (type:pdf, folder:…), as typed. */
  query: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedSearch = z.infer<typeof SavedSearch>;

const Name = z.string().trim().min(1, 'give the search a name').max(SAVED_SEARCH_LIMITS.name);
const Query = z.string().trim().min(1, 'there is nothing to save: type a search first').max(SAVED_SEARCH_LIMITS.query);
const Id = z.number().int().positive();

export const savedSearchMethods = {
  /** Every saved search, by name (case ignored). */
  'savedSearches.list': { input: z.object({}).strict(), output: z.array(SavedSearch) },
  /**
   * Saves a search under a name. A name already used (case ignored) is refused unless `replace`,
   * which gives that saved search the new query.
   */
  'savedSearches.save': {
    input: z.object({ name: Name, query: Query, replace: z.boolean().default(false) }).strict(),
    output: SavedSearch,
  },
  'savedSearches.rename': { input: z.object({ id: Id, name: Name }).strict(), output: SavedSearch },
  /** Deletes a saved search and answers what it was, so the UI can offer to undo. */
  'savedSearches.delete': { input: z.object({ id: Id }).strict(), output: SavedSearch },
} as const;

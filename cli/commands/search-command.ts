/**
 * `search`: the app's search, for scripts (its words, or a search saved in the app).
 * `saved-searches`: the searches saved in the app.
 */
import type { Api, Segment } from '../../shared/contract.ts';
import { UsageError } from '../args.ts';

export interface SearchOptions {
  query: string;
  /** The name of a saved search to run instead of words. */
  saved?: string;
  json: boolean;
  limit?: number;
}

const text = (segments: Segment[]) => segments.map((s) => s.text).join('');

/** The query of the saved search of that name (case ignored); an error naming the saved ones if none. */
async function savedQuery(api: Api, name: string): Promise<string> {
  const saved = await api.call('savedSearches.list', {});
  const found = saved.find((s) => s.name.toLocaleLowerCase() === name.trim().toLocaleLowerCase());
  if (found) return found.query;
  const names = saved.map((s) => `“${s.name}”`).join(', ');
  throw new Error(`there is no saved search called “${name.trim()}”. ${names ? `Saved searches: ${names}.` : 'None has been saved yet.'}`);
}

export async function runSearch(api: Api, options: SearchOptions): Promise<number> {
  if (options.saved !== undefined && options.query.trim()) throw new UsageError('Give either words to search for or --saved NAME, not both.');
  const query = options.saved !== undefined ? await savedQuery(api, options.saved) : options.query;
  if (!query.trim()) throw new UsageError('Say what to search for: evidence-store search <query>');
  const response = await api.call('search.query', { query, limit: options.limit ?? 20 });
  // On a big library the search counts to 10,000 and stops; a script wants the exact number.
  const total = response.totalCapped ? (await api.call('search.facets', { query })).total : response.total;
  const results = response.results.map((r) => ({
    path: r.path,
    title: r.title,
    format: r.format,
    score: r.score,
    hits: r.hits.map((h) => ({ page: h.page, where: h.pageLabel, snippet: text(h.snippet) })),
  }));
  if (options.json) {
    console.log(JSON.stringify({ query: response.query, total, results, notes: response.notes }));
    return 0;
  }
  for (const note of response.notes) console.log(`note: ${note}`);
  console.log(`${total} document(s) for ${JSON.stringify(query)} (${response.millis} ms)`);
  for (const r of results) {
    console.log(`\n${r.title}  [${r.format}]\n  ${r.path}`);
    for (const h of r.hits) console.log(`  ${h.where}: ${h.snippet}`);
  }
  return 0;
}

export async function runSavedSearches(api: Api, options: { json: boolean }): Promise<number> {
  const saved = await api.call('savedSearches.list', {});
  if (options.json) {
    console.log(JSON.stringify({ savedSearches: saved }));
    return 0;
  }
  if (saved.length === 0) console.log('No saved searches. Save one in the app with “Save search” above the results.');
  for (const s of saved) console.log(`${s.name}\t${s.query}`);
  return 0;
}

/**
 * `search`: the app's search, for scripts.
 */
import type { Api, Segment } from '../../shared/contract.ts';
import { UsageError } from '../args.ts';

export interface SearchOptions {
  query: string;
  json: boolean;
  limit?: number;
}

const text = (segments: Segment[]) => segments.map((s) => s.text).join('');

export async function runSearch(api: Api, options: SearchOptions): Promise<number> {
  if (!options.query.trim()) throw new UsageError('Say what to search for: evidence-store search <query>');
  const response = await api.call('search.query', { query: options.query, limit: options.limit ?? 20 });
  // On a big library the search counts to 10,000 and stops; a script wants the exact number.
  const total = response.totalCapped ? (await api.call('search.facets', { query: options.query })).total : response.total;
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
  console.log(`${total} document(s) for ${JSON.stringify(options.query)} (${response.millis} ms)`);
  for (const r of results) {
    console.log(`\n${r.title}  [${r.format}]\n  ${r.path}`);
    for (const h of r.hits) console.log(`  ${h.where}: ${h.snippet}`);
  }
  return 0;
}

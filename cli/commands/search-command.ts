import { openDatabase } from '../../core/store/database.ts';
import { search } from '../../core/search/search.ts';
import { segmentsToText } from '../../core/search/highlight.ts';

export interface SearchOptions {
  query: string;
  databasePath: string;
  json: boolean;
  limit?: number;
}

export async function runSearch(options: SearchOptions): Promise<number> {
  const db = openDatabase(options.databasePath);
  try {
    const response = search(db, options.query, { limit: options.limit ?? 20 });
    const results = response.results.map((r) => ({
      path: r.path,
      title: r.title,
      format: r.format,
      score: r.score,
      hits: r.hits.map((h) => ({ page: h.page, snippet: segmentsToText(h.snippet) })),
    }));
    if (options.json) {
      console.log(JSON.stringify({ query: response.query, total: response.total, results, notes: response.notes }));
      return 0;
    }
    for (const note of response.notes) console.log(`note: ${note}`);
    console.log(`${response.total} document(s) for ${JSON.stringify(options.query)} (${response.millis} ms)`);
    for (const r of results) {
      console.log(`\n${r.title}  [${r.format}]\n  ${r.path}`);
      for (const h of r.hits) console.log(`  p. ${h.page}: ${h.snippet}`);
    }
    return 0;
  } finally {
    db.close();
  }
}

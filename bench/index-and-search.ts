/**
 * `npm run bench [-- <folder>] [--workers N] [--json]`: index a folder into a fresh index, rescan it
 * unchanged, and time searches. Prints files/s, pages/s, MB/s, peak RSS, rescan time and search
 * p50/p95. Figures go in docs/benchmarks.md; tests never assert on time.
 */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { openCore } from '../core/core.ts';
import { addRoot } from '../core/store/roots.ts';
import { search } from '../core/search/search.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { workers: { type: 'string' }, json: { type: 'boolean', default: false }, queries: { type: 'string', default: '200' } },
});
const folder = resolve(positionals[0] ?? fileURLToPath(new URL('../../shared/corpus', import.meta.url)));
if (!existsSync(folder)) {
  console.error(`No folder at ${folder}: name one, e.g. npm run bench -- /path/to/documents`);
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'evidence-bench-'));
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);

const core = openCore({ databasePath: join(work, 'bench.db'), workers: values.workers ? Number(values.workers) : undefined });
try {
  const root = addRoot(core.db, folder);
  const t0 = performance.now();
  const first = await core.indexer.scanRoot(root.id);
  const indexSeconds = (performance.now() - t0) / 1000;
  const stats = core.db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM pages) AS pages, (SELECT COALESCE(SUM(size), 0) FROM files WHERE status = 'indexed') AS bytes,
              (SELECT COALESCE(SUM(text_chars), 0) FROM documents) AS chars`,
    )
    .get() as { pages: number; bytes: number; chars: number };

  const t1 = performance.now();
  const rescan = await core.indexer.scanRoot(root.id);
  const rescanSeconds = (performance.now() - t1) / 1000;

  // Queries: frequent words of the index itself, as single words, pairs, phrases and prefixes.
  core.db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.bench_vocab USING fts5vocab('main', 'pages_fts', 'row')`);
  const words = core.db
    .prepare(`SELECT term FROM temp.bench_vocab WHERE length(term) >= 4 ORDER BY doc DESC LIMIT 400`)
    .pluck()
    .all() as string[];
  const n = Number(values.queries);
  const queries: string[] = [];
  for (let i = 0; i < n && words.length > 3; i++) {
    const a = words[(i * 7) % words.length];
    const b = words[(i * 13 + 5) % words.length];
    queries.push([a, `${a} ${b}`, `"${a} ${b}"`, `${a.slice(0, 3)}*`][i % 4]);
  }
  const times: number[] = [];
  for (const q of queries) {
    const s = performance.now();
    search(core.db, q, { limit: 20 });
    times.push(performance.now() - s);
  }
  times.sort((x, y) => x - y);
  const pct = (p: number) => (times.length ? times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] : 0);

  const result = {
    folder,
    cpus: cpus().length,
    workers: core.extraction.size,
    files: first.files,
    indexed: first.indexed,
    unsupported: first.unsupported,
    failed: first.failed.length,
    pages: stats.pages,
    megabytes: +(stats.bytes / 1e6).toFixed(1),
    indexSeconds: +indexSeconds.toFixed(2),
    filesPerSecond: +(first.files / indexSeconds).toFixed(1),
    pagesPerSecond: +(stats.pages / indexSeconds).toFixed(1),
    megabytesPerSecond: +(stats.bytes / 1e6 / indexSeconds).toFixed(2),
    rescanSeconds: +rescanSeconds.toFixed(3),
    rescanUnchanged: rescan.unchanged,
    searchQueries: times.length,
    searchP50ms: +pct(50).toFixed(2),
    searchP95ms: +pct(95).toFixed(2),
    // maxRSS is in kilobytes; worker threads share the process, so this is the whole tree.
    peakRssMB: Math.round(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1e6),
  };
  if (values.json) console.log(JSON.stringify(result));
  else for (const [k, v] of Object.entries(result)) console.log(`${k.padEnd(20)} ${v}`);
} finally {
  clearInterval(sampler);
  await core.close();
  rmSync(work, { recursive: true, force: true });
}

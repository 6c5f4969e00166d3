/**
 * `npm run bench:search -- <folder> [--db FILE] [--rounds 3] [--serial] [--json]`: index a folder (or reuse the
 * index at --db when it already holds it), rescan it unchanged, then run a mixed set of queries
 * through the API, one at a time, as the search box does. Prints p50/p95/max per query kind, the
 * whole set's p50/p95/max, the slowest queries, the facet follow-up's times, index size per MB of
 * text, rescan time and peak memory. Make a corpus with `npm run bench:generate-zipf`.
 * Figures go in docs/benchmarks.md; tests never assert on time.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openCore } from '../core/core.ts';
import { createLocalApi } from '../core/api/local-client.ts';
import { isMethodName } from '../shared/contract.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    db: { type: 'string' },
    rounds: { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
    // Rank on the main thread only (to compare with ranking in parts on two worker threads).
    serial: { type: 'boolean', default: false },
  },
});
if (!positionals[0] || !existsSync(positionals[0])) {
  console.error('Usage: npm run bench:search -- <folder> [--db FILE] [--rounds 3] [--serial] [--json]\n(make a folder with npm run bench:generate-zipf -- <folder> --docs 50000)');
  process.exit(2);
}
const folder = resolve(positionals[0]);
const work = values.db ? null : mkdtempSync(join(tmpdir(), 'evidence-search-bench-'));
const databasePath = values.db ? resolve(values.db) : join(work!, 'bench.db');

/** The query set: each kind a user types, common and rare. */
const QUERIES: Record<string, string[]> = {
  'rare word': ['marlo', 'coram', 'kinship adoption'], // and four rare words of the index, added below
  'common word': ['child', 'care', 'family', 'plan', 'support', 'social'],
  phrase: ['"care plan"', '"child protection"', '"social worker"', '"looked after"'],
  exclusion: ['plan -court', 'family -police', 'care -"care plan"'],
  or: ['audit OR review', 'fostering OR adoption', 'marlo OR noreen'],
  'short prefix': ['cor*', 'nor*', 'ca*', 'fa*', 'safeguard*'],
  filter: ['child folder:Fostering', 'care modified:2023', 'plan type:md', 'folder:"Quality Assurance" review', 'type:md'],
  'no match': ['tenbadun', 'zzyzx', 'quoxi'],
  'two words': ['child plan', 'family court', 'school health visit'],
};

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);
const core = openCore({ databasePath, parallelRankingFromPages: values.serial ? Number.POSITIVE_INFINITY : undefined });
const { dispatch } = core.api({ mode: 'cli', version: 'bench', databasePath, openPath: async () => {}, revealPath: async () => {}, pickFolder: null });
const api = createLocalApi(dispatch, core.subscribe);
// The facet counts follow the results in their own call (issue 11); older builds had none.
const hasFacets = isMethodName('search.facets');
try {
  const roots = await api.call('roots.list', {});
  let root = roots.find((r) => r.path === folder);
  let indexSeconds: number | null = null;
  if (!root) {
    root = await api.call('roots.add', { path: folder, scan: false });
    const t0 = performance.now();
    await api.call('scan.run', { rootIds: [root.id] });
    indexSeconds = (performance.now() - t0) / 1000;
  }
  const indexPeakMB = Math.round(peakRss / 1e6);
  const t1 = performance.now();
  const [rescan] = await api.call('scan.run', { rootIds: [root.id] });
  const rescanSeconds = (performance.now() - t1) / 1000;
  const summary = await api.call('library.summary', {});

  // Rare words of this index (in a few hundred documents each), so any corpus has some.
  core.db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.bench_vocab USING fts5vocab('main', 'pages_fts', 'row')`);
  const rare = core.db
    .prepare(`SELECT term FROM temp.bench_vocab WHERE length(term) >= 5 AND doc BETWEEN 100 AND 1500 ORDER BY term LIMIT 4`)
    .pluck()
    .all() as string[];
  QUERIES['rare word'].push(...rare);
  const times: Record<string, number[]> = {};
  const facetTimes: number[] = [];
  const all: { kind: string; query: string; ms: number; total: number; facetMs: number }[] = [];
  for (const queries of Object.values(QUERIES)) for (const q of queries) await api.call('search.query', { query: q, limit: 20 }); // warm up
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const [kind, queries] of Object.entries(QUERIES)) {
      for (const query of queries) {
        const s = performance.now();
        const response = await api.call('search.query', { query, limit: 20 });
        const ms = performance.now() - s;
        (times[kind] ??= []).push(ms);
        let facetMs = 0;
        if (hasFacets) {
          const f = performance.now();
          await api.call('search.facets' as never, { query } as never);
          facetMs = performance.now() - f;
          facetTimes.push(facetMs);
        }
        all.push({ kind, query, ms, total: response.total, facetMs });
      }
    }
  }
  const stats = (list: number[]) => {
    const sorted = [...list].sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    return { p50: +at(0.5).toFixed(1), p95: +at(0.95).toFixed(1), max: +sorted[sorted.length - 1].toFixed(1) };
  };
  const dbBytes = statSync(databasePath).size + (existsSync(databasePath + '-wal') ? statSync(databasePath + '-wal').size : 0);
  const textMB = (core.db.prepare('SELECT COALESCE(SUM(text_chars), 0) FROM documents').pluck().get() as number) / 1e6;
  const byQuery = new Map<string, { kind: string; total: number; ms: number[]; facetMs: number[] }>();
  for (const r of all) {
    const e = byQuery.get(r.query) ?? { kind: r.kind, total: r.total, ms: [], facetMs: [] };
    e.ms.push(r.ms);
    e.facetMs.push(r.facetMs);
    byQuery.set(r.query, e);
  }
  const result = {
    folder,
    documents: summary.documents,
    indexSeconds: indexSeconds === null ? 'reused' : +indexSeconds.toFixed(1),
    indexPeakRssMB: indexSeconds === null ? 'reused' : indexPeakMB,
    rescanSeconds: +rescanSeconds.toFixed(2),
    rescanUnchanged: rescan?.unchanged,
    textMB: +textMB.toFixed(1),
    indexMB: +(dbBytes / 1e6).toFixed(1),
    indexMBPerTextMB: +(dbBytes / 1e6 / textMB).toFixed(2),
    searches: all.length,
    overall: stats(all.map((r) => r.ms)),
    kinds: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, stats(v)])),
    facets: facetTimes.length ? stats(facetTimes) : { p50: 0, p95: 0, max: 0 },
    queries: [...byQuery].map(([query, e]) => ({ query, kind: e.kind, matches: e.total, ...stats(e.ms), facetsMax: +Math.max(...e.facetMs).toFixed(1) })),
    peakRssMB: Math.round(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1e6),
  };
  if (values.json) console.log(JSON.stringify(result));
  else {
    const { kinds, queries, overall, facets, ...rest } = result;
    for (const [k, v] of Object.entries(rest)) console.log(`${k.padEnd(18)} ${v}`);
    console.log(`\n${'kind'.padEnd(14)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)}  (ms, search.query)`);
    for (const [k, s] of Object.entries({ ...kinds, overall, 'facets (follow)': facets })) {
      console.log(`${k.padEnd(14)} ${String(s.p50).padStart(8)} ${String(s.p95).padStart(8)} ${String(s.max).padStart(8)}`);
    }
    console.log(`\n${'query'.padEnd(34)} ${'matches'.padStart(8)} ${'p50'.padStart(8)} ${'max'.padStart(8)} ${'facets max'.padStart(11)}`);
    for (const q of queries) console.log(`${q.query.padEnd(34)} ${String(q.matches).padStart(8)} ${String(q.p50).padStart(8)} ${String(q.max).padStart(8)} ${String(q.facetsMax).padStart(11)}`);
  }
} finally {
  clearInterval(sampler);
  await core.close();
  if (work) rmSync(work, { recursive: true, force: true });
}

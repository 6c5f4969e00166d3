/**
 * `npm run bench:annexa [-- --children 50000] [--format csv|xlsx|both] [--runs 2]`
 *
 * Annex A as the app does it, end to end, on a large council's extracts (50,000 children, about
 * 113,000 rows, written by bench/annexa-generate.ts): `annexa.import` through the API (read,
 * recognise, normalise, validate, store, in the worker), then `annexa.workbook` (the Ofsted
 * workbook, built in the worker), with the peak memory of the whole process (worker threads share
 * it). The step benches (annexa-read, annexa-validate, annexa-build) break the time down.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openCore } from '../core/core.ts';
import { createLocalApi } from '../core/api/local-client.ts';
import { generate } from './annexa-generate.ts';

const { values } = parseArgs({
  options: {
    children: { type: 'string', default: '50000' },
    format: { type: 'string', default: 'both' },
    runs: { type: 'string', default: '2' },
  },
});

const dir = mkdtempSync(join(tmpdir(), 'annexa-bench-'));
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
try {
  const generated = await generate(join(dir, 'extracts'), { children: Number(values.children), seed: 1, format: values.format as 'csv' | 'xlsx' | 'both' });
  const sets = [
    { name: 'CSV files, one per list', files: generated.files.filter((f) => !f.endsWith('.xlsx')) },
    { name: 'one workbook of eleven lists', files: generated.files.filter((f) => f.endsWith('.xlsx')) },
  ].filter((s) => s.files.length);
  console.log(`${generated.rows} rows for ${values.children} children; ${tmpdir()}; Node ${process.versions.node}`);
  for (const set of sets) {
    for (let run = 1; run <= Number(values.runs); run++) {
      const core = openCore({ databasePath: join(dir, `run-${run}`, 'index.db') });
      const { dispatch } = core.api({ mode: 'cli', version: 'bench', databasePath: join(dir, 'index.db'), openPath: async () => {}, revealPath: async () => {}, pickFolder: null });
      const api = createLocalApi(dispatch, core.subscribe);
      peak = process.memoryUsage().rss;
      const t0 = performance.now();
      const report = await api.call('annexa.import', { files: set.files.map((path) => ({ path })), inspectionDate: '2025-03-03' });
      const t1 = performance.now();
      const workbook = await api.call('annexa.workbook', { pseudonymise: false });
      const t2 = performance.now();
      await core.close();
      const seconds = (t1 - t0) / 1000;
      console.log(
        `${set.name}, run ${run}: import ${seconds.toFixed(2)} s (${Math.round(report.rows / seconds).toLocaleString('en-GB')} rows/s; ` +
          `${report.lists.length} lists, ${report.errors} errors, ${report.warnings} warnings), ` +
          `workbook ${((t2 - t1) / 1000).toFixed(2)} s (${(workbook.byteLength / 1e6).toFixed(1)} MB), peak RSS ${Math.round(peak / 1e6)} MB`,
      );
    }
  }
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}

/**
 * `index`: add folders to the library (if new) and scan them, waiting for the result.
 */
import { resolve } from 'node:path';
import type { Api, ScanSummary } from '../../shared/contract.ts';
import { UsageError } from '../args.ts';
import { progressLine } from '../progress.ts';

export interface IndexOptions {
  folders: string[];
  json: boolean;
  retryFailed: boolean;
}

export async function runIndex(api: Api, options: IndexOptions): Promise<number> {
  if (!options.folders.length) throw new UsageError('Name at least one folder: evidence-store index <folder>...');
  const started = performance.now();
  const known = await api.call('roots.list', {});
  const rootIds: number[] = [];
  for (const folder of options.folders) {
    const path = resolve(folder);
    // A folder already in the library is scanned as it is; a new one is added (the app checks it).
    const root = known.find((r) => r.path === path) ?? (await api.call('roots.add', { path, scan: false }));
    rootIds.push(root.id);
  }
  const stopProgress = options.json || !process.stderr.isTTY ? () => {} : progressLine(api);
  let summaries: ScanSummary[];
  try {
    summaries = await api.call('scan.run', { rootIds, retryFailed: options.retryFailed });
  } finally {
    stopProgress();
  }
  const paths = new Map((await api.call('roots.list', {})).map((r) => [r.id, r.path]));
  const unfinished = summaries.filter((s) => s.outcome !== 'complete');
  const total = {
    files: sum(summaries, 'files'),
    indexed: sum(summaries, 'indexed'),
    unchanged: sum(summaries, 'unchanged'),
    unsupported: sum(summaries, 'unsupported'),
    failed: summaries.flatMap((s) => s.failed),
    missing: sum(summaries, 'missing'),
    offline: summaries.filter((s) => s.outcome === 'offline').length,
    unfinished: unfinished.map((s) => ({ path: paths.get(s.rootId) ?? '', outcome: s.outcome, problem: s.problem })),
    seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
  };
  if (options.json) {
    console.log(JSON.stringify(total));
  } else {
    console.log(
      `${total.files} files: ${total.indexed} indexed, ${total.unchanged} unchanged, ${total.unsupported} unsupported, ${total.failed.length} failed` +
        (total.missing ? `, ${total.missing} now missing` : '') + ` (${total.seconds} s)`,
    );
    for (const f of total.failed) console.log(`  failed  ${f.reason.padEnd(14)} ${f.path}${f.detail ? ` — ${f.detail}` : ''}`);
    for (const u of total.unfinished) {
      const why = u.outcome === 'offline' ? 'could not be reached and was left as it was' : `did not finish (${u.outcome})`;
      console.log(`${u.path} ${why}${u.problem ? `: ${u.problem}` : '.'}`);
    }
  }
  // An unplugged drive is not an error (nothing was changed); a scan that broke off is.
  return unfinished.some((s) => s.outcome !== 'offline') ? 1 : 0;
}

function sum(list: ScanSummary[], key: 'files' | 'indexed' | 'unchanged' | 'unsupported' | 'missing'): number {
  return list.reduce((n, s) => n + s[key], 0);
}

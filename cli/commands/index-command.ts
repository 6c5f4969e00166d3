import { resolve } from 'node:path';
import { stat } from 'node:fs/promises';
import { openCore } from '../../core/core.ts';
import { addRoot, listRoots, RootConflict } from '../../core/store/roots.ts';
import type { ScanSummary } from '../../core/scan/indexer.ts';
import { UsageError } from '../main.ts';
import { progressLine } from '../progress.ts';

export interface IndexOptions {
  folders: string[];
  databasePath: string;
  json: boolean;
  workers?: number;
  retryFailed?: boolean;
}

export async function runIndex(options: IndexOptions): Promise<number> {
  if (!options.folders.length) throw new UsageError('Name at least one folder: evidence-store index <folder>...');
  for (const folder of options.folders) {
    const info = await stat(folder).catch(() => null);
    if (!info?.isDirectory()) throw new UsageError(`“${folder}” is not a folder that can be reached.`);
  }
  const started = performance.now();
  const core = openCore({ databasePath: options.databasePath, workers: options.workers });
  const stopProgress = options.json || !process.stderr.isTTY ? () => {} : progressLine(core.indexer);
  const summaries: ScanSummary[] = [];
  try {
    for (const folder of options.folders) {
      const path = resolve(folder);
      let root = listRoots(core.db).find((r) => r.path === path);
      if (!root) {
        try {
          root = addRoot(core.db, path);
        } catch (error) {
          if (error instanceof RootConflict) throw new UsageError(error.message);
          throw error;
        }
      }
      summaries.push(await core.indexer.scanRoot(root.id, { retryFailed: options.retryFailed }));
    }
  } finally {
    stopProgress();
    await core.close();
  }
  const total = {
    files: sum(summaries, 'files'),
    indexed: sum(summaries, 'indexed'),
    unchanged: sum(summaries, 'unchanged'),
    unsupported: sum(summaries, 'unsupported'),
    failed: summaries.flatMap((s) => s.failed),
    missing: sum(summaries, 'missing'),
    offline: summaries.filter((s) => s.offline).length,
    seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
  };
  if (options.json) {
    console.log(JSON.stringify(total));
  } else {
    console.log(
      `${total.files} files: ${total.indexed} indexed, ${total.unchanged} unchanged, ${total.unsupported} unsupported, ${total.failed.length} failed` +
        (total.missing ? `, ${total.missing} now missing` : '') + ` (${total.seconds} s)`,
    );
    for (const f of total.failed) console.log(`  failed  ${f.reason.padEnd(10)} ${f.path}${f.detail ? ` — ${f.detail}` : ''}`);
    if (total.offline) console.log(`${total.offline} folder(s) could not be reached and were left as they were.`);
  }
  return 0;
}

function sum(list: ScanSummary[], key: 'files' | 'indexed' | 'unchanged' | 'unsupported' | 'missing'): number {
  return list.reduce((n, s) => n + s[key], 0);
}

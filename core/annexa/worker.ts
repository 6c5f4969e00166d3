/**
 * Worker-thread entry for Annex A work: one job per worker (an import or a workbook), with its own
 * connection to the child-level data file, so the app's main thread stays free while it runs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ApiFailure } from '../api/errors.ts';
import type { AnnexaJob, AnnexaJobMessage } from './jobs.ts';
import { runJob } from './pipeline.ts';
import { openAnnexaDb } from './store.ts';

const job = workerData as AnnexaJob;
const post = (message: AnnexaJobMessage, transfer: ArrayBuffer[] = []) => parentPort?.postMessage(message, transfer);

const db = openAnnexaDb(job.dbPath, job.dbKey);
try {
  const result = await runJob(job, db, (progress) => post({ type: 'progress', progress }));
  // The workbook's bytes move to the main thread rather than being copied.
  post({ type: 'done', result }, result instanceof Uint8Array ? [result.buffer as ArrayBuffer] : []);
} catch (error) {
  const code = error instanceof ApiFailure ? error.code : 'internal';
  post({ type: 'failed', code, message: error instanceof Error ? error.message : String(error) });
} finally {
  db.close();
}

/**
 * `packSiteFiles` in a worker thread with a time and a memory limit, as the export runs it: building
 * the search index takes seconds for a few thousand items (see docs/architecture.md, "The pack"),
 * and the app must stay responsive and able to cancel meanwhile.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ApiFailure } from '../../api/errors.ts';
import type { PackContent } from '../model.ts';
import type { SiteFile } from './site.ts';
import type { SiteWorkerMessage } from './worker.ts';

export interface SiteWorkerOptions {
  /** Stops the worker after this long (default 10 minutes). */
  timeoutMs?: number;
  /** The worker's heap limit (default 2,048 MB). */
  memoryMb?: number;
  /** Stops the worker at once; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

// From .ts sources (Node type stripping) the worker is worker.ts; from tsc output, worker.js.
const WORKER_URL = new URL('./worker' + extname(fileURLToPath(import.meta.url)), import.meta.url);

/** The site's files (as packSiteFiles gives them), made in a worker thread. */
export function buildPackSiteInWorker(content: PackContent, options: SiteWorkerOptions = {}): Promise<SiteFile[]> {
  const timeoutMs = options.timeoutMs ?? 600_000;
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, {
      execArgv: process.execArgv.filter((arg) => !arg.startsWith('--input-type')),
      workerData: content,
      resourceLimits: { maxOldGenerationSizeMb: options.memoryMb ?? 2048 },
    });
    let settled = false;
    // Settled once the worker has gone, so nothing of it outlives the call.
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate().finally(fn);
    };
    const onAbort = () => finish(() => reject(signal?.reason));
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(
      () => finish(() => reject(new ApiFailure('unavailable', `Building the pack's index.html took longer than ${Math.max(1, Math.round(timeoutMs / 1000))} seconds and was stopped.`))),
      timeoutMs,
    );
    worker.on('message', (message: SiteWorkerMessage) => {
      if (message.type === 'done') finish(() => resolve(message.files));
      else finish(() => reject(new ApiFailure('unavailable', `The pack's index.html could not be built: ${message.message}`)));
    });
    worker.on('error', (error: Error & { code?: string }) =>
      finish(() =>
        reject(
          new ApiFailure(
            'unavailable',
            error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? "The pack's search index needs more memory than it may use. Export fewer judgements or statuses at a time."
              : `Building the pack's index.html stopped unexpectedly: ${error.message}`,
          ),
        ),
      ),
    );
    worker.on('exit', (code) => finish(() => reject(new ApiFailure('unavailable', `Building the pack's index.html stopped unexpectedly (exit code ${code}).`))));
  });
}

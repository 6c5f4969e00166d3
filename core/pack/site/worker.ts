/**
 * Worker-thread entry for building a pack's site (see ./build-in-worker.ts): the search index over
 * thousands of items is seconds of CPU, which must not stall the app's main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PackContent } from '../model.ts';
import { packSiteFiles } from './site.ts';

/** What the worker sends back: the files, or why it could not make them. */
export type SiteWorkerMessage = { type: 'done'; files: { path: string; bytes: Uint8Array }[] } | { type: 'failed'; message: string };

try {
  const files = await packSiteFiles(workerData as PackContent);
  // Bytes made here (the page, the index) move to the main thread rather than being copied; the
  // assets read from disk may share a pooled buffer, so they are copied.
  const transfer = files.flatMap((f) => (f.bytes.byteOffset === 0 && f.bytes.byteLength === f.bytes.buffer.byteLength ? [f.bytes.buffer as ArrayBuffer] : []));
  parentPort?.postMessage({ type: 'done', files } satisfies SiteWorkerMessage, [...new Set(transfer)]);
} catch (error) {
  parentPort?.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies SiteWorkerMessage);
}

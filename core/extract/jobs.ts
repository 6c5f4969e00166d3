/**
 * The messages between the extraction pool and its worker threads.
 */
import type { ExtractOutcome } from './index.ts';
import type { FailureReason } from './types.ts';

export type Job = { kind: 'hash'; path: string } | { kind: 'extract'; path: string };

export type HashResult =
  | { status: 'ok'; sha256: string; size: number; mtimeMs: number }
  | { status: 'failed'; reason: FailureReason; detail: string };

export interface ExtractJobResult {
  /** SHA-256 of the bytes that were extracted; null when the file could not be read at all. */
  sha256: string | null;
  size: number | null;
  mtimeMs: number | null;
  outcome: ExtractOutcome;
}

export interface JobRequest {
  id: number;
  job: Job;
}

export type WorkerMessage =
  /** Sent once the worker has loaded its modules and can take jobs. */
  | { type: 'ready' }
  | { id: number; type: 'done'; result: HashResult | ExtractJobResult }
  /** Sent once an extract job has read and hashed the file, so a later timeout or crash keeps the hash. */
  | { id: number; type: 'read'; sha256: string; size: number; mtimeMs: number };

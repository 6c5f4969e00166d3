/**
 * What the indexer needs from the extraction side: hashing and extraction, off the main thread.
 * The worker pool in core/extract implements it; the indexer does not care how.
 */
import type { FailureReason } from '../extract/types.ts';
import type { ExtractOutcome } from '../extract/index.ts';

export type HashOutcome = { ok: true; sha256: string; size: number } | { ok: false; reason: FailureReason; detail: string };

export type { ExtractOutcome };

export interface ExtractResult {
  /** SHA-256 of the bytes actually extracted; null when the file could not be read at all. */
  sha256: string | null;
  size: number;
  outcome: ExtractOutcome;
}

export interface ExtractionService {
  /** How many files can be worked on at once. */
  readonly size: number;
  hash(path: string): Promise<HashOutcome>;
  extract(path: string): Promise<ExtractResult>;
  close(): Promise<void>;
}

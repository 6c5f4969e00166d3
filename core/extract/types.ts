/**
 * The one interface every format extractor implements.
 *
 * Extractors are pure functions of a file's bytes: they never touch the database and never
 * write to disk, so they can run inside a worker thread that may be killed at any moment.
 */

import type { FailureReason } from '../../shared/contract.ts';

/** Why a file could not be indexed; defined once, in the API contract. */
export type { FailureReason };

/** One unit of text a hit can point at: a PDF page, a slide, a sheet; flat text is one page. */
export interface ExtractedPage {
  /** 1-based position in the document. */
  number: number;
  /** What the user sees for this page, e.g. "3", "Slide 2", "Sheet: Budget". Defaults to the number. */
  label?: string;
  text: string;
}

export interface Extracted {
  /** Format id, e.g. 'pdf', 'docx', 'text', 'html'. */
  format: string;
  title?: string;
  author?: string;
  /** ISO 8601 dates from the file's own metadata, where it has them. */
  created?: string;
  modified?: string;
  pages: ExtractedPage[];
}

/** Thrown by an extractor when a file cannot be read; the scan records it and goes on. */
export class ExtractError extends Error {
  readonly reason: FailureReason;
  constructor(reason: FailureReason, message: string) {
    super(message);
    this.name = 'ExtractError';
    this.reason = reason;
  }
}

export interface ExtractLimits {
  /** Largest file read at all, in bytes. */
  maxFileBytes: number;
  /** Largest total uncompressed size allowed inside a zip container (DOCX and friends). */
  maxUnzippedBytes: number;
  /** Largest uncompressed/compressed ratio allowed for a zip entry over 1 MiB. */
  maxZipRatio: number;
  /** Most text kept per document, in characters; the rest is dropped, not failed. */
  maxTextChars: number;
}

export const DEFAULT_LIMITS: ExtractLimits = {
  maxFileBytes: 200 * 1024 * 1024,
  maxUnzippedBytes: 300 * 1024 * 1024,
  maxZipRatio: 200,
  maxTextChars: 20_000_000,
};

/** What `extractFile` says about one file (or one e-mail attachment). */
export type ExtractOutcome =
  | { status: 'indexed'; format: string; extracted: Extracted }
  | { status: 'unsupported'; format: string; detail: string }
  | { status: 'failed'; format: string; reason: FailureReason; detail: string };

/**
 * Handed to extractors of container formats (e-mail) so they can run files they hold back
 * through `extractFile` without importing it (which would make a module cycle).
 */
export interface ExtractContext {
  /** How many containers deep this file is: 0 for a file on disk, 1 for an e-mail attachment … */
  depth: number;
  /** Extract a file found inside this one, one level deeper, under `limits`. */
  extractNested(bytes: Uint8Array, fileName: string, limits: ExtractLimits): Promise<ExtractOutcome>;
}

export interface Extractor {
  /** The format ids this extractor handles (as returned by sniffing). */
  readonly formats: readonly string[];
  extract(bytes: Uint8Array, limits: ExtractLimits, context?: ExtractContext): Promise<Extracted>;
}

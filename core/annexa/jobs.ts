/**
 * The messages between the Annex A service and its worker.
 */
import type { AnnexaProgress } from '../../shared/annexa/api.ts';
import type { ApiError } from '../../shared/contract.ts';
import type { StoreKey } from '../store/cipher.ts';

/** A file to read: from disk, or bytes handed over by a browser upload. */
export type JobFile = { name: string; path: string } | { name: string; bytes: Uint8Array };

export interface ImportRequest {
  kind: 'import';
  dbPath: string;
  /** The key of the child-level data file (the index's), if it is encrypted. */
  dbKey?: StoreKey;
  files: JobFile[];
  specId: string;
  inspectionDate: string;
  /** A mapping file's text, or null to map by recognition alone. */
  mapping: string | null;
}

export interface WorkbookRequest {
  kind: 'workbook';
  dbPath: string;
  /** The key of the child-level data file (the index's), if it is encrypted. */
  dbKey?: StoreKey;
  pseudonymise: boolean;
}

export type AnnexaJob = ImportRequest | WorkbookRequest;

export type AnnexaJobMessage =
  | { type: 'progress'; progress: AnnexaProgress }
  | { type: 'done'; result: unknown }
  | { type: 'failed'; code: ApiError['code']; message: string };

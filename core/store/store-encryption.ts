/**
 * Encrypting and decrypting a whole store: the index and Annex A's file beside it, with the same
 * key. Each file is converted on its own (convert.ts, crash-safe); a file already in the state
 * asked for is left alone, so a run stopped between the two files is finished by running it again.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { annexaPathFor } from '../annexa/store.ts';
import { applyKey, fileKind, type StoreKey } from './cipher.ts';
import { convertStore, type ConvertProgress } from './convert.ts';
import { BUSY_TIMEOUT_MS } from './database.ts';
import { encryptedError, encryptionError, notADatabaseError, toIndexOpenError } from './open-error.ts';

export type FileOutcome = 'converted' | 'already' | 'missing';

export interface StoreFileProgress extends ConvertProgress {
  file: string;
}

export interface StoreConversion {
  /** The index, then Annex A's file, each with what was done. */
  files: { file: string; outcome: FileOutcome }[];
}

/** Whether the index is encrypted, plain, missing, or something else ('other'). */
export function storeEncryption(databasePath: string): ReturnType<typeof fileKind> {
  return fileKind(databasePath);
}

/** Encrypts the index and Annex A's file with `key`, those that are not encrypted yet. */
export function encryptStore(databasePath: string, key: StoreKey, onProgress?: (p: StoreFileProgress) => void): StoreConversion {
  return convertEach(databasePath, (file) => {
    const kind = fileKind(file);
    if (kind === 'missing') return 'missing';
    if (kind === 'encrypted') {
      // Already encrypted: with this key (done before), or with another (refused).
      assertOpensWith(file, key);
      return 'already';
    }
    if (kind === 'other') throw notADatabaseError(file);
    convert(file, { to: key, onProgress: (p) => onProgress?.({ file, ...p }) });
    return 'converted';
  });
}

/** Decrypts the index and Annex A's file, those still encrypted, reading them with `key`. */
export function decryptStore(databasePath: string, key: StoreKey, onProgress?: (p: StoreFileProgress) => void): StoreConversion {
  return convertEach(databasePath, (file) => {
    const kind = fileKind(file);
    if (kind === 'missing') return 'missing';
    if (kind === 'plain') return 'already';
    convert(file, { from: key, onProgress: (p) => onProgress?.({ file, ...p }) });
    return 'converted';
  });
}

function convertEach(databasePath: string, one: (file: string) => FileOutcome): StoreConversion {
  const files = [databasePath, annexaPathFor(databasePath)];
  return { files: files.map((file) => ({ file, outcome: one(file) })) };
}

function convert(file: string, options: Parameters<typeof convertStore>[1]): void {
  try {
    convertStore(file, { busyTimeoutMs: BUSY_TIMEOUT_MS, ...options });
  } catch (error) {
    throw encryptionError(error, file, options.from !== undefined) ?? toIndexOpenError(error, file, BUSY_TIMEOUT_MS);
  }
}

function assertOpensWith(file: string, key: StoreKey): void {
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    applyKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    throw encryptedError(file, true, error);
  } finally {
    db.close();
  }
}

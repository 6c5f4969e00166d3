/**
 * Encryption at rest: how a connection is keyed. The index and Annex A's file are SQLCipher 4
 * files (SQLite3 Multiple Ciphers' 'sqlcipher' scheme, legacy=4: AES-256-CBC with an HMAC-SHA512
 * per page and no plain header), readable by the SQLCipher tools with the same key.
 *
 * A key is either a passphrase (the CLI and browser mode: SQLCipher derives the page key from it
 * with PBKDF2-HMAC-SHA512, 256,000 rounds and a random salt kept in the file) or 32 random bytes
 * (the desktop app: kept by the operating system, used as the page key itself, no derivation).
 * It is plain data so that it can be handed to the worker threads that open their own connections.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type BetterSqlite from 'better-sqlite3-multiple-ciphers';

export type StoreKey = { passphrase: string } | { rawKeyHex: string };

/** Where the CLI and browser mode take the passphrase from. */
export const PASSPHRASE_VARIABLE = 'EVIDENCE_STORE_PASSPHRASE';

/** SQLite3 Multiple Ciphers reads a key starting with this as raw key bytes in hex (no derivation). */
const RAW_PREFIX = 'raw:';

/** Raised for a key that cannot be used; the message says what to change. */
export class StoreKeyError extends Error {
  override readonly name = 'StoreKeyError';
}

/** The passphrase from the environment, or undefined when none is set (an empty variable is none). */
export function passphraseKey(env: NodeJS.ProcessEnv = process.env): StoreKey | undefined {
  const passphrase = env[PASSPHRASE_VARIABLE];
  if (passphrase === undefined || passphrase === '') return undefined;
  return typedPassphraseKey(passphrase, PASSPHRASE_VARIABLE);
}

/** A passphrase as a key (`what` names where it came from, for the error). */
export function typedPassphraseKey(passphrase: string, what = 'A passphrase'): StoreKey {
  // SQLite3 Multiple Ciphers would take such a passphrase as raw key bytes, not as a passphrase.
  if (passphrase.startsWith(RAW_PREFIX)) throw new StoreKeyError(`${what} must not start with “${RAW_PREFIX}”: choose another passphrase.`);
  return { passphrase };
}

/** A new random key for the desktop app (which keeps it protected by the operating system). */
export function newRawKey(): StoreKey {
  return { rawKeyHex: randomBytes(32).toString('hex') };
}

/**
 * Keys a connection that has not read anything yet. Every later page read is decrypted and every
 * page written (the file, its -wal and a rollback journal) is encrypted with this key.
 */
export function applyKey(db: BetterSqlite.Database, key: StoreKey): void {
  setCipher(db);
  db.key(Buffer.from(keyText(key), 'utf8'));
}

/** The cipher scheme for keys given later on this connection (its own, or an attached file's). */
export function setCipher(db: BetterSqlite.Database): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
}

/** The text SQLite3 Multiple Ciphers takes as the key, also for ATTACH ... KEY. */
export function keyText(key: StoreKey): string {
  if ('rawKeyHex' in key) {
    if (!/^[0-9a-f]{64}$/iu.test(key.rawKeyHex)) throw new StoreKeyError('A raw store key must be 32 bytes in hex.');
    return RAW_PREFIX + key.rawKeyHex;
  }
  if (key.passphrase === '') throw new StoreKeyError('An empty passphrase cannot encrypt the store.');
  return key.passphrase;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * What is on disk at `file`: a plain SQLite file (its header is readable), 'encrypted' (no plain
 * header, and the size of whole pages, as every SQLCipher file is), 'other' (anything else, such
 * as a text file or a damaged one), or 'missing' (no file, or an empty one, which SQLite treats
 * as a new database).
 */
export function fileKind(file: string): 'plain' | 'encrypted' | 'other' | 'missing' {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return 'missing';
  }
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const read = readSync(fd, head, 0, head.length, 0);
    if (read === 0) return 'missing';
    if (read === head.length && head.equals(SQLITE_HEADER)) return 'plain';
    const size = fstatSync(fd).size;
    return size >= 512 && size % 512 === 0 ? 'encrypted' : 'other';
  } finally {
    closeSync(fd);
  }
}

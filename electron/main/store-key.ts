/**
 * The desktop app's key for encryption at rest: 32 random bytes, kept in a small file in the data
 * folder (`index-key.bin`) encrypted by the operating system for this user (Electron safeStorage:
 * DPAPI on Windows, the Keychain on macOS, the Secret Service keyring on Linux). The key itself
 * is never written anywhere in the clear; the core gets it as CoreOptions.key.
 *
 * A new store (no index yet) is made encrypted when the operating system can protect the key. An
 * existing store keeps what it is: plain, or encrypted with this key (or with a passphrase in
 * EVIDENCE_STORE_PASSPHRASE, for a store encrypted with the command line).
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newRawKey, passphraseKey, type StoreKey } from '../../core/core.ts';
import { DESKTOP_KEY_FILE } from '../../core/paths.ts';

export const KEY_FILE = DESKTOP_KEY_FILE;

/** The part of Electron's safeStorage this needs (a stand-in in tests). */
export interface KeyProtector {
  isEncryptionAvailable(): boolean;
  encryptString(text: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means no keyring, so the key would be protected by a fixed password. */
  getSelectedStorageBackend?(): string;
}

/**
 * The key kept by the operating system could not be read (another user, a reset keyring, a
 * copied data folder). Shaped as the core's IndexOpenError 'encrypted', which startup-error.ts shows.
 */
export class StoreKeyUnavailableError extends Error {
  override readonly name = 'IndexOpenError';
  readonly kind = 'encrypted';
  readonly file: string;

  constructor(file: string, keyFile: string, cause: unknown) {
    super(
      `The index ${file} is encrypted with a key that this computer keeps for the user who made it, and that key could not be read here ` +
        `(${keyFile} can only be read by the same user on the same computer). It has been left exactly as it was. ` +
        'Check that you are signed in as that user, on the computer where the index was made.',
      { cause },
    );
    this.file = file;
  }
}

export function desktopStoreKey(dataDir: string, databasePath: string, protector: KeyProtector): StoreKey | undefined {
  const keyFile = join(dataDir, KEY_FILE);
  if (existsSync(keyFile)) {
    try {
      const hex = protector.decryptString(readFileSync(keyFile));
      return { rawKeyHex: hex };
    } catch (error) {
      throw new StoreKeyUnavailableError(databasePath, keyFile, error);
    }
  }
  if (!existsSync(databasePath) && canProtect(protector)) {
    const key = newRawKey() as { rawKeyHex: string };
    // The key is on disk (flushed) before any data is encrypted with it.
    writeDurably(keyFile, protector.encryptString(key.rawKeyHex));
    return key;
  }
  return passphraseKey();
}

/**
 * How the desktop app opens its store: with the key the operating system keeps (or the passphrase
 * in EVIDENCE_STORE_PASSPHRASE), or, when that key cannot be read, locked from the start, so the
 * window asks for a passphrase (a store re-encrypted with `evidence-store encrypt` has one) and
 * says in words why. An index that is not there stays an error: locked, nothing could open it.
 */
export function desktopStoreOpening(dataDir: string, databasePath: string, protector: KeyProtector): { key?: StoreKey; lockedBecause?: string } {
  try {
    const key = desktopStoreKey(dataDir, databasePath, protector);
    return key ? { key } : {};
  } catch (error) {
    if (!(error instanceof StoreKeyUnavailableError) || !existsSync(databasePath)) throw error;
    return {
      lockedBecause:
        `The index ${databasePath} is encrypted with a key that this computer keeps for the user who made it, and that key could not be read here ` +
        '(only the same user on the same computer can read it). If the index was encrypted with a passphrase instead, enter it; ' +
        'otherwise sign in as that user, on the computer where the index was made.',
    };
  }
}

function canProtect(protector: KeyProtector): boolean {
  return protector.isEncryptionAvailable() && protector.getSelectedStorageBackend?.() !== 'basic_text';
}

function writeDurably(file: string, bytes: Buffer): void {
  const temporary = `${file}.new`;
  writeFileSync(temporary, bytes, { mode: 0o600 });
  const fd = openSync(temporary, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
}

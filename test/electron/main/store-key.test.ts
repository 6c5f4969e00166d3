/**
 * The desktop app's store key: random, kept only encrypted by the operating system (a stand-in
 * for Electron's safeStorage here), the same key every start, and never made up for a store that
 * exists already.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { desktopStoreKey, desktopStoreOpening, KEY_FILE, StoreKeyUnavailableError, type KeyProtector } from '../../../electron/main/store-key.ts';
import { tempDir } from '../../helpers/temp.ts';

/** Reverses and tags the text: enough to show the file holds only what the protector made. */
function protector(options: { available?: boolean; backend?: string } = {}): KeyProtector {
  return {
    isEncryptionAvailable: () => options.available ?? true,
    encryptString: (text) => Buffer.from(`os:${[...text].reverse().join('')}`),
    decryptString: (bytes) => {
      const text = bytes.toString();
      if (!text.startsWith('os:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return [...text.slice(3)].reverse().join('');
    },
    getSelectedStorageBackend: options.backend ? () => options.backend! : undefined,
  };
}

describe('the desktop store key', () => {
  it('is made for a new store, kept only as the operating system encrypted it, and the same at the next start', () => {
    const dir = tempDir();
    const index = join(dir, 'evidence-store.db');
    const key = desktopStoreKey(dir, index, protector());
    expect(key).toEqual({ rawKeyHex: expect.stringMatching(/^[0-9a-f]{64}$/u) });
    const kept = readFileSync(join(dir, KEY_FILE), 'utf8');
    expect(kept).not.toContain((key as { rawKeyHex: string }).rawKeyHex);
    writeFileSync(index, 'the store, made with the key');
    expect(desktopStoreKey(dir, index, protector())).toEqual(key);
  });

  it('is not made up for a store that exists already (it stays as it is)', () => {
    const dir = tempDir();
    const index = join(dir, 'evidence-store.db');
    writeFileSync(index, 'an existing store');
    expect(desktopStoreKey(dir, index, protector())).toBeUndefined();
    expect(existsSync(join(dir, KEY_FILE))).toBe(false);
  });

  it.each([
    ['the operating system cannot encrypt', { available: false }],
    ['Linux has no keyring (the key would be kept under a fixed password)', { backend: 'basic_text' }],
  ])('is not made when %s: the new store is unencrypted', (_, options) => {
    const dir = tempDir();
    expect(desktopStoreKey(dir, join(dir, 'evidence-store.db'), protector(options))).toBeUndefined();
    expect(existsSync(join(dir, KEY_FILE))).toBe(false);
  });

  it('that cannot be read (another user, a reset keychain) stops the start with a clear error', () => {
    const dir = tempDir();
    writeFileSync(join(dir, KEY_FILE), 'made by another user');
    const index = join(dir, 'evidence-store.db');
    expect(() => desktopStoreKey(dir, index, protector())).toThrow(StoreKeyUnavailableError);
    expect(() => desktopStoreKey(dir, index, protector())).toThrow(expect.objectContaining({ name: 'IndexOpenError', kind: 'encrypted', file: index }));
  });

  it('that cannot be read, for an index that is there: the app opens it locked, saying why, to ask for a passphrase', () => {
    const dir = tempDir();
    writeFileSync(join(dir, KEY_FILE), 'made by another user');
    const index = join(dir, 'evidence-store.db');
    writeFileSync(index, 'an encrypted store');
    expect(desktopStoreOpening(dir, index, protector())).toEqual({ lockedBecause: expect.stringContaining(`The index ${index} is encrypted with a key that this computer keeps`) });
  });

  it('that cannot be read, with no index at all: still the error (nothing a passphrase could open)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, KEY_FILE), 'made by another user');
    expect(() => desktopStoreOpening(dir, join(dir, 'evidence-store.db'), protector())).toThrow(StoreKeyUnavailableError);
  });

  it('that can be read is the key the store is opened with', () => {
    const dir = tempDir();
    const index = join(dir, 'evidence-store.db');
    const key = desktopStoreKey(dir, index, protector());
    writeFileSync(index, 'the store');
    expect(desktopStoreOpening(dir, index, protector())).toEqual({ key });
  });
});

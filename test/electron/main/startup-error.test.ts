import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { describeStartupError } from '../../../electron/main/startup-error.ts';
import { StoreKeyUnavailableError } from '../../../electron/main/store-key.ts';
import { openDatabase } from '../../../core/store/database.ts';
import { migrations } from '../../../core/store/migrations.ts';
import { tempDir } from '../../helpers/temp.ts';
import { whenDone } from '../../helpers/cleanup.ts';

/** The error opening the index really throws for a file prepared by `prepare`. */
function openFailure(prepare: (file: string) => void, options?: Parameters<typeof openDatabase>[1]): { file: string; error: unknown } {
  const file = join(tempDir(), 'evidence-store.db');
  prepare(file);
  try {
    openDatabase(file, options).close();
  } catch (error) {
    return { file, error };
  }
  throw new Error('the index opened');
}

const newer = (file: string) => {
  const db = new Database(file);
  db.pragma(`user_version = ${migrations.length + 1}`);
  db.close();
};

/** Another program holding the file's lock until the test ends. */
const heldByAnotherProgram = (file: string) => {
  const holder = new Database(file);
  whenDone(() => holder.close());
  holder.exec('CREATE TABLE roots (id INTEGER PRIMARY KEY); PRAGMA user_version = 1; BEGIN EXCLUSIVE; INSERT INTO roots DEFAULT VALUES');
};

/** An index encrypted with a key the app was not given. */
const encrypted = (file: string) => {
  openDatabase(file, { key: { rawKeyHex: 'b2'.repeat(32) } }).close();
};

describe('the start-up error dialog', () => {
  it('says the index is encrypted and its key is not available, rather than showing an empty library', () => {
    const { file, error } = openFailure(encrypted);
    const shown = describeStartupError(error, file);
    expect(shown.message).toBe('The index is encrypted and its key is not available');
    expect(shown.detail).toContain(file);
    expect(shown.detail).toContain('left exactly as it was');
    expect(shown.actions).toEqual(['quit']);
  });

  it('says the same when the key this computer keeps for the user cannot be read', () => {
    const file = join(tempDir(), 'evidence-store.db');
    const shown = describeStartupError(new StoreKeyUnavailableError(file, join(tempDir(), 'index-key.bin'), new Error('keychain locked')), file);
    expect(shown.message).toBe('The index is encrypted and its key is not available');
    expect(shown.detail).toContain('same user on the same computer');
  });

  it('explains an index from a newer version, names the file, and offers to show it', () => {
    const { file, error } = openFailure(newer);
    const shown = describeStartupError(error, file);
    expect(shown.message).toBe('The index was made by a newer version of Evidence Store');
    expect(shown.detail).toContain('Update Evidence Store');
    expect(shown.detail).toContain(`Index file: ${file}`);
    expect(shown.buttons).toEqual(['Quit', 'Show the file']);
    expect(shown.actions).toEqual(['quit', 'show-file']);
    expect(shown.file).toBe(file);
    // Enter and Escape both mean Quit: showing the file is a deliberate choice.
    expect(shown.buttons[shown.defaultId]).toBe('Quit');
    expect(shown.buttons[shown.cancelId]).toBe('Quit');
  });

  it('explains a file that is not an index, and offers to show it', () => {
    const { file, error } = openFailure((f) => writeFileSync(f, 'Not a database at all, but a note about supervision.\n'.repeat(50)));
    const shown = describeStartupError(error, file);
    expect(shown.message).toBe('The index file is not an Evidence Store index');
    expect(shown.actions).toContain('show-file');
  });

  it('explains a locked index with Quit only: showing the file does not unlock it', () => {
    const { file, error } = openFailure(heldByAnotherProgram, { busyTimeoutMs: 50 });
    const shown = describeStartupError(error, file);
    expect(shown.message).toBe('The index is in use by another program');
    expect(shown.detail).toMatch(/Close any other copy of Evidence Store/);
    expect(shown.buttons).toEqual(['Quit']);
  });

  it('says plainly when something else went wrong, with the technical message and the index path', () => {
    const shown = describeStartupError(new TypeError('Cannot read properties of undefined'), '/home/jo/.config/Evidence Store/evidence-store.db');
    expect(shown.message).toBe('Evidence Store ran into a problem while starting');
    expect(shown.detail).toContain('Cannot read properties of undefined');
    expect(shown.detail).toContain('Index file: /home/jo/.config/Evidence Store/evidence-store.db');
    expect(shown.buttons).toEqual(['Quit']);
  });

  it('does not trust something that merely calls itself an IndexOpenError with an unknown kind', () => {
    const shown = describeStartupError({ name: 'IndexOpenError', kind: 'other', file: '/x', message: 'm' }, '/db');
    expect(shown.message).toBe('Evidence Store ran into a problem while starting');
  });
});

/**
 * Encryption at rest, on real SQLite files: an encrypted store keeps nothing readable on disk (file,
 * -wal, anything in its folder), opens with its key, is refused without it (or with a wrong one)
 * and left byte for byte as it was, and can be encrypted and decrypted in place, safely against a
 * crash midway, with searches finding what they found before.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCore, type Core, type StoreKey } from '../../../core/core.ts';
import { DESKTOP_KEY_FILE } from '../../../core/paths.ts';
import { openDatabase } from '../../../core/store/database.ts';
import { IndexOpenError } from '../../../core/store/open-error.ts';
import { convertStore, conversionCopyOf } from '../../../core/store/convert.ts';
import { decryptStore, encryptStore } from '../../../core/store/store-encryption.ts';
import { beginImport, openAnnexaDb } from '../../../core/annexa/store.ts';
import { RankWorkers } from '../../../core/search/rank-workers.ts';
import { search } from '../../../core/search/search.ts';
import { indexFixture } from '../../helpers/index-fixture.ts';
import { tempDir } from '../../helpers/temp.ts';
import { whenDone } from '../../helpers/cleanup.ts';

const SECRET = 'Zebracornfield';
const PASSPHRASE: StoreKey = { passphrase: 'correct horse battery staple' };
const RAW: StoreKey = { rawKeyHex: 'a1'.repeat(32) };
const CRASHING = fileURLToPath(new URL('./convert-crash-child.ts', import.meta.url));

function storeWithDocuments(dir: string, key: StoreKey | undefined, documents = 30): { file: string; core: Core } {
  const file = join(dir, 'index.db');
  const core = openCore({ databasePath: file, workers: 1, key });
  whenDone(() => core.close());
  indexFixture(
    core.db,
    join(dir, 'Library'),
    Array.from({ length: documents }, (_, i) => ({ name: `visit-${i}.pdf`, pages: [`Statutory visit ${i} to ${SECRET} children's home`, `Care plan review number ${i}`] })),
  );
  return { file, core };
}

/** Every file in the folder (the index, its -wal and -shm, anything else) as bytes. */
function folderBytes(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).filter((f) => statSync(join(dir, f)).isFile()).map((f) => [f, readFileSync(join(dir, f))]));
}

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries([...folderBytes(dir)].map(([f, b]) => [f, createHash('sha256').update(b).digest('hex')]));
}

function expectNothingReadable(dir: string): void {
  const files = folderBytes(dir);
  expect(files.size).toBeGreaterThan(0);
  for (const [name, bytes] of files) {
    expect(bytes.includes('SQLite format 3'), name).toBe(false);
    expect(bytes.includes(SECRET), name).toBe(false);
    expect(bytes.includes('Statutory visit'), name).toBe(false);
  }
}

function openError(file: string, key?: StoreKey): IndexOpenError {
  try {
    openDatabase(file, { key }).close();
  } catch (error) {
    if (error instanceof IndexOpenError) return error;
    throw error;
  }
  throw new Error('it opened, but should not have');
}

const topHits = (core: Core | { db: Core['db'] }, query = SECRET) => search(core.db, query, { limit: 50 }).results.map((r) => r.documentId);

describe('an encrypted store', () => {
  it.each([
    ['a passphrase', PASSPHRASE],
    ['a raw key', RAW],
  ])('keeps nothing readable in the file, its -wal or its folder, with %s', async (_, key) => {
    const dir = tempDir();
    const { core } = storeWithDocuments(dir, key);
    // While open: the last writes are in the -wal, which must be encrypted too.
    expect(statSync(join(dir, 'index.db-wal')).size).toBeGreaterThan(0);
    expectNothingReadable(dir);
    expect(topHits(core)).toHaveLength(30);
    await core.close();
    expectNothingReadable(dir);
  });

  it('opens with its key and finds what was indexed', async () => {
    const dir = tempDir();
    const { file, core } = storeWithDocuments(dir, PASSPHRASE);
    const before = topHits(core);
    await core.close();
    const again = openCore({ databasePath: file, workers: 1, key: PASSPHRASE });
    whenDone(() => again.close());
    expect(topHits(again)).toEqual(before);
  });

  it.each([
    ['without a key', undefined, 'no key was given'],
    ['with a wrong passphrase', { passphrase: 'Correct horse battery staple' }, 'the key given does not open it'],
    ['with a raw key instead of its passphrase', RAW, 'the key given does not open it'],
  ])('is refused %s, saying how to give the key, and left byte for byte as it was', async (_, key, says) => {
    const dir = tempDir();
    const { file, core } = storeWithDocuments(dir, PASSPHRASE);
    await core.close();
    const before = snapshot(dir);
    const error = openError(file, key);
    expect(error.kind).toBe('encrypted');
    expect(error.message).toContain(says);
    expect(error.message).toContain('EVIDENCE_STORE_PASSPHRASE');
    // The core refuses it too: it never opens (or makes) an empty store in its place.
    expect(() => openCore({ databasePath: file, workers: 1, key })).toThrow(IndexOpenError);
    expect(snapshot(dir)).toEqual(before);
  });

  it("made by the desktop app with its own key, tells the command line that no passphrase opens it", async () => {
    const dir = tempDir();
    const { file, core } = storeWithDocuments(dir, RAW);
    await core.close();
    writeFileSync(join(dir, DESKTOP_KEY_FILE), 'protected by the operating system');
    const before = snapshot(dir);
    const error = openError(file, undefined);
    expect(error.kind).toBe('encrypted');
    expect(error.message).toContain("the desktop app's own key");
    expect(error.message).toContain('--db FILE');
    expect(snapshot(dir)).toEqual(before);
  });

  it('is never made from a plain store by giving a key: the plain one is refused as it is', async () => {
    const dir = tempDir();
    const { file, core } = storeWithDocuments(dir, undefined);
    await core.close();
    const before = snapshot(dir);
    const error = openError(file, PASSPHRASE);
    expect(error.kind).toBe('not-encrypted');
    expect(error.message).toContain('evidence-store encrypt');
    expect(snapshot(dir)).toEqual(before);
  });

  it('ranks on worker threads, which open their own connections with the key', async () => {
    const dir = tempDir();
    const { file, core } = storeWithDocuments(dir, RAW);
    const maxPageId = core.db.prepare('SELECT max(id) FROM pages').pluck().get() as number;
    const workers = new RankWorkers(file, 0, 2, RAW);
    whenDone(() => workers.close());
    const parts = await workers.parts(SECRET, { from: 1, to: maxPageId }, 10);
    // null would mean a worker could not rank (the search would then rank on the main thread).
    expect(parts).not.toBeNull();
    expect(parts!.flatMap((p) => p.rows)).toHaveLength(20);
  });

  it('keeps Annex A’s child-level data encrypted with the same key', () => {
    const dir = tempDir();
    const file = join(dir, 'annex-a.db');
    const db = openAnnexaDb(file, RAW);
    const writer = beginImport(db);
    writer.rows([{ list: 'list1', source: 'extract.csv', row: 2, values: { childId: 'CH-000123', name: `${SECRET} Smith` } } as never]);
    writer.finish({ specId: 'x', inspectionDate: '2026-01-01', importedAt: '2026-01-01T00:00:00Z', report: {}, summaries: {} });
    expectNothingReadable(dir);
    db.close();
    expectNothingReadable(dir);
    const before = snapshot(dir);
    expect(() => openAnnexaDb(file)).toThrow(expect.objectContaining({ kind: 'encrypted' }));
    expect(snapshot(dir)).toEqual(before);
    const again = openAnnexaDb(file, RAW);
    expect(again.prepare('SELECT count(*) FROM rows').pluck().get()).toBe(1);
    again.close();
  });
});

describe('encrypting and decrypting in place', () => {
  it('encrypts a plain store (index and Annex A file) and decrypts it back, finding the same documents in the same order', async () => {
    const dir = tempDir();
    const { file, core } = storeWithDocuments(dir, undefined, 1500);
    const before = topHits(core);
    const annexa = openAnnexaDb(join(dir, 'annex-a.db'));
    beginImport(annexa).finish({ specId: 'x', inspectionDate: '2026-01-01', importedAt: `${SECRET}`, report: {}, summaries: {} });
    annexa.close();
    await core.close();

    const progress: number[] = [];
    const encrypted = encryptStore(file, PASSPHRASE, (p) => progress.push(p.bytesDone / p.bytesTotal));
    expect(encrypted.files.map((f) => f.outcome)).toEqual(['converted', 'converted']);
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.at(-1)).toBeGreaterThan(0.5);
    expect(existsSync(conversionCopyOf(file))).toBe(false);
    expectNothingReadable(dir);
    expect(openError(file).kind).toBe('encrypted');

    const reopened = openCore({ databasePath: file, workers: 1, key: PASSPHRASE });
    expect(topHits(reopened)).toEqual(before);
    await reopened.close();
    // Run again, it finds both files done and leaves them alone.
    expect(encryptStore(file, PASSPHRASE).files.map((f) => f.outcome)).toEqual(['already', 'already']);

    expect(decryptStore(file, PASSPHRASE).files.map((f) => f.outcome)).toEqual(['converted', 'converted']);
    expect(readFileSync(file).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    const plain = openCore({ databasePath: file, workers: 1 });
    whenDone(() => plain.close());
    expect(topHits(plain)).toEqual(before);
  });

  it('refuses to encrypt a store that is open elsewhere, and leaves it as it was', () => {
    const dir = tempDir();
    const { file } = storeWithDocuments(dir, undefined);
    // The core above is still open (as the desktop app would be).
    expect(() => encryptStore(file, PASSPHRASE)).toThrow(expect.objectContaining({ kind: 'locked' }));
    expect(readFileSync(file).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    expect(existsSync(conversionCopyOf(file))).toBe(false);
  }, 20_000);

  it('refuses to decrypt with a wrong passphrase, and leaves the store byte for byte as it was', async () => {
    const dir = tempDir();
    const { file, core } = storeWithDocuments(dir, PASSPHRASE);
    await core.close();
    const before = snapshot(dir);
    expect(() => decryptStore(file, { passphrase: 'wrong' })).toThrow(expect.objectContaining({ kind: 'encrypted' }));
    expect(snapshot(dir)).toEqual(before);
  });

  it('leaves the old store usable when the process is killed midway, and the next open tidies the copy away', async () => {
    const dir = tempDir();
    const { file, core } = storeWithDocuments(dir, undefined, 1500);
    const before = topHits(core);
    await core.close();
    const run = spawnSync(process.execPath, [CRASHING, file], { encoding: 'utf8' });
    // The child kills itself (SIGKILL) halfway through copying.
    expect(run.signal).toBe('SIGKILL');
    expect(existsSync(conversionCopyOf(file))).toBe(true);
    const reopened = openCore({ databasePath: file, workers: 1 });
    whenDone(() => reopened.close());
    expect(topHits(reopened)).toEqual(before);
    expect(existsSync(conversionCopyOf(file))).toBe(false);
  });

  it('leaves the old store in place when stopped after the copy is complete but before it replaced the original', async () => {
    const dir = tempDir();
    const { file, core } = storeWithDocuments(dir, undefined);
    const before = topHits(core);
    await core.close();
    convertStore(file, { to: PASSPHRASE, stopBeforeRename: true });
    expect(existsSync(conversionCopyOf(file))).toBe(true);
    const reopened = openCore({ databasePath: file, workers: 1 });
    whenDone(() => reopened.close());
    expect(topHits(reopened)).toEqual(before);
    expect(existsSync(conversionCopyOf(file))).toBe(false);
  });
});

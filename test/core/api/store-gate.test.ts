/**
 * The store gate on real SQLite files: an encrypted index opened without its passphrase (or with a
 * wrong one) starts locked and answers only store.status and store.unlock; a wrong passphrase is
 * refused in words with every file left byte for byte as it was; the right one opens the index,
 * after which searches and events work; a plain index, and the other reasons an index cannot be
 * opened, are as they were.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { openCore, type StoreKey } from '../../../core/core.ts';
import { openStoreGate, type StoreGate } from '../../../core/api/store-gate.ts';
import type { CoreOptions } from '../../../core/core.ts';
import { migrations } from '../../../core/store/migrations.ts';
import type { EventName, SearchResponse } from '../../../shared/contract.ts';
import type { StoreStatus } from '../../../shared/store-lock.ts';
import { indexFixture } from '../../helpers/index-fixture.ts';
import { testHost } from '../../helpers/core.ts';
import { whenDone } from '../../helpers/cleanup.ts';
import { tempDir } from '../../helpers/temp.ts';

const PASSPHRASE = 'correct horse battery staple';

/** An index encrypted with PASSPHRASE (or plain) holding two documents, closed again. */
async function storeOnDisk(key: StoreKey | 'plain' = { passphrase: PASSPHRASE }): Promise<{ dir: string; file: string }> {
  const dir = tempDir();
  const file = join(dir, 'index.db');
  const core = openCore({ databasePath: file, workers: 1, key: key === 'plain' ? undefined : key });
  indexFixture(core.db, join(dir, 'Library'), [
    { name: 'kestrel-visit.pdf', pages: ['Statutory visit to Kestrelwatch children’s home'] },
    { name: 'care-plan.docx', pages: ['Care plan review'] },
  ]);
  await core.close();
  return { dir, file };
}

function gate(file: string, options: Partial<CoreOptions> = {}, onOpen?: () => void, lockedBecause?: string): StoreGate {
  const opened = openStoreGate({ databasePath: file, workers: 1, ...options }, { host: { ...testHost, databasePath: file }, onOpen, lockedBecause });
  whenDone(() => opened.close());
  return opened;
}

/** Every file in the folder, by name, as a SHA-256 of its bytes. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => statSync(join(dir, f)).isFile())
      .map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]),
  );
}

describe('an encrypted index opened without its passphrase', () => {
  it('starts locked and says why in words, naming the file', async () => {
    const { file } = await storeOnDisk();
    const locked = gate(file);
    expect(locked.core()).toBeNull();
    const status = await locked.dispatch('store.status', {});
    expect(status).toEqual({ ok: true, data: { locked: true, file, reason: expect.stringContaining(`The index ${file} is encrypted`) } });
    expect((status as { data: StoreStatus }).data.reason).toContain('started without its passphrase');
  });

  it.each([
    ['search.query', { query: 'visit' }],
    ['app.info', {}],
    ['roots.list', {}],
    ['roots.add', { path: '/tmp' }],
    ['settings.set', { workers: 2 }],
  ])('refuses %s with the API error “locked”, whatever its argument', async (method, input) => {
    const { file } = await storeOnDisk();
    const locked = gate(file);
    expect(await locked.dispatch(method, input)).toEqual({ ok: false, error: { code: 'locked', message: expect.stringContaining('enter its passphrase') } });
    expect(await locked.dispatch(method, { nonsense: true })).toMatchObject({ ok: false, error: { code: 'locked' } });
  });

  it('still checks the method name and the unlock argument', async () => {
    const { file } = await storeOnDisk();
    const locked = gate(file);
    expect(await locked.dispatch('no.such', {})).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await locked.dispatch('store.unlock', { passphrase: '' })).toMatchObject({ ok: false, error: { code: 'invalid-argument', field: 'passphrase' } });
  });

  it('refuses a wrong passphrase in words, as often as it is tried, and leaves every file byte for byte as it was', async () => {
    const { dir, file } = await storeOnDisk();
    const before = snapshot(dir);
    const locked = gate(file);
    for (const wrong of ['correct horse battery stapler', 'Correct horse battery staple', 'raw:' + 'a1'.repeat(32)]) {
      const answer = await locked.dispatch('store.unlock', { passphrase: wrong });
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-argument', field: 'passphrase' } });
    }
    expect(await locked.dispatch('store.unlock', { passphrase: 'wrong' })).toEqual({
      ok: false,
      error: { code: 'invalid-argument', field: 'passphrase', message: expect.stringMatching(/^That passphrase does not open this index .*left exactly as it was\.$/u) },
    });
    expect(snapshot(dir)).toEqual(before);
    expect(await locked.dispatch('store.status', {})).toMatchObject({ ok: true, data: { locked: true } });
    expect(await locked.dispatch('search.query', { query: 'visit' })).toMatchObject({ ok: false, error: { code: 'locked' } });
  });

  it('opens with the right passphrase: searches find what the index holds, and events subscribed while locked arrive', async () => {
    const { file } = await storeOnDisk();
    let opens = 0;
    const locked = gate(file, {}, () => opens++);
    const events: EventName[] = [];
    locked.subscribe((event) => events.push(event));
    expect(opens).toBe(0);

    expect(await locked.dispatch('store.unlock', { passphrase: PASSPHRASE })).toEqual({ ok: true, data: { locked: false, file, reason: null } });
    expect(opens).toBe(1);
    expect(locked.core()).not.toBeNull();
    const found = await locked.dispatch('search.query', { query: 'Kestrelwatch' });
    expect(found.ok && (found.data as SearchResponse).results.map((r) => r.title)).toEqual([expect.stringMatching(/kestrel visit/iu)]);
    expect(await locked.dispatch('store.status', {})).toEqual({ ok: true, data: { locked: false, file, reason: null } });
    // Unlocking again is nothing to do, whatever is typed.
    expect(await locked.dispatch('store.unlock', { passphrase: 'anything' })).toEqual({ ok: true, data: { locked: false, file, reason: null } });
    expect(opens).toBe(1);

    const folder = join(tempDir(), 'More');
    mkdirSync(folder);
    expect(await locked.dispatch('roots.add', { path: folder, scan: false })).toMatchObject({ ok: true });
    expect(events).toContain('roots.changed');
  });

  it('started with a wrong passphrase, says so and opens with the right one', async () => {
    const { file } = await storeOnDisk();
    const locked = gate(file, { key: { passphrase: 'not it' } });
    expect(locked.status()).toEqual({ locked: true, file, reason: expect.stringContaining('the key Evidence Store was started with does not open it') });
    expect(await locked.dispatch('store.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true, data: { locked: false } });
  });

  it('never makes a new index where the encrypted one was: a file gone while locked is reported, and nothing is made', async () => {
    const dir = tempDir();
    const file = join(dir, 'index.db');
    const locked = gate(file, {}, undefined, 'The key this computer keeps for the index could not be read.');
    expect(locked.status()).toEqual({ locked: true, file, reason: 'The key this computer keeps for the index could not be read.' });
    expect(await locked.dispatch('store.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('Nothing has been made in its place') } });
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('answers nothing once closed', async () => {
    const { file } = await storeOnDisk();
    const locked = gate(file);
    await locked.close();
    expect(await locked.dispatch('store.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(locked.core()).toBeNull();
  });
});

describe('an index the gate opens at once', () => {
  it('a plain index opens as before: every method answers, and store.status says it is not locked', async () => {
    const { file } = await storeOnDisk('plain');
    let opens = 0;
    const open = gate(file, {}, () => opens++);
    expect(opens).toBe(1);
    expect(await open.dispatch('store.status', {})).toEqual({ ok: true, data: { locked: false, file, reason: null } });
    expect(await open.dispatch('store.unlock', { passphrase: 'anything' })).toEqual({ ok: true, data: { locked: false, file, reason: null } });
    const found = await open.dispatch('search.query', { query: 'care plan' });
    expect(found.ok && (found.data as SearchResponse).total).toBe(1);
  });

  it('an encrypted index opens with its key given at start', async () => {
    const { file } = await storeOnDisk();
    const open = gate(file, { key: { passphrase: PASSPHRASE } });
    expect(open.status().locked).toBe(false);
    expect(await open.dispatch('roots.list', {})).toMatchObject({ ok: true });
  });

  it('a plain index opened with a key is refused as before (not-encrypted), left as it was', async () => {
    const { dir, file } = await storeOnDisk('plain');
    const before = snapshot(dir);
    expect(() => openStoreGate({ databasePath: file, key: { passphrase: PASSPHRASE } }, { host: testHost })).toThrow(
      expect.objectContaining({ name: 'IndexOpenError', kind: 'not-encrypted' }),
    );
    expect(snapshot(dir)).toEqual(before);
  });

  it('an index from a newer version is refused as before (newer-version), not locked', () => {
    const dir = tempDir();
    const file = join(dir, 'index.db');
    const db = new Database(file);
    db.pragma(`user_version = ${migrations.length + 1}`);
    db.close();
    expect(() => openStoreGate({ databasePath: file }, { host: testHost })).toThrow(expect.objectContaining({ name: 'IndexOpenError', kind: 'newer-version' }));
  });

  it('a file that is not a database is refused as before (not-a-database), not locked', () => {
    const dir = tempDir();
    const file = join(dir, 'index.db');
    writeFileSync(file, 'a text file, not an index');
    expect(() => openStoreGate({ databasePath: file }, { host: testHost })).toThrow(expect.objectContaining({ name: 'IndexOpenError', kind: 'not-a-database' }));
  });
});

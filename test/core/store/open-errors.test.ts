/**
 * Every way opening the index can fail that a user can do something about gives an
 * IndexOpenError whose kind the shells can act on and whose message names the file and says
 * what to do. Each is produced for real, except a full disk (only the wording is checked).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { randomBytes, createHash } from 'node:crypto';
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { openDatabase } from '../../../core/store/database.ts';
import { IndexOpenError, toIndexOpenError, type IndexOpenErrorKind } from '../../../core/store/open-error.ts';
import { migrations } from '../../../core/store/migrations.ts';
import { tempDir } from '../../helpers/temp.ts';
import type { ProbeOutcome } from './open-probe-child.ts';

const PROBE = fileURLToPath(new URL('./open-probe-child.ts', import.meta.url));
const NOBODY = 65534;

function openError(file: string, options?: Parameters<typeof openDatabase>[1]): IndexOpenError {
  try {
    openDatabase(file, options).close();
  } catch (error) {
    if (error instanceof IndexOpenError) return error;
    throw error;
  }
  throw new Error(`${file} opened, but it should not have`);
}

/** Opens the file in another process as an ordinary user (as "nobody" if these tests run as root). */
function openAsUser(file: string): ProbeOutcome {
  const asRoot = process.getuid?.() === 0;
  const run = spawnSync(process.execPath, [PROBE, file], {
    encoding: 'utf8',
    ...(asRoot ? { uid: NOBODY, gid: NOBODY, env: { ...process.env, HOME: '/tmp' } } : {}),
  });
  if (run.status !== 0) throw new Error(`the probe failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as ProbeOutcome;
}

/** The folder's files and the index's bytes, to show a refused file was left as it was. */
function snapshot(dir: string, file: string) {
  return { files: readdirSync(dir).sort(), sha: createHash('sha256').update(readFileSync(file)).digest('hex') };
}

function expectPlainWords(error: { kind: string; message: string }, kind: IndexOpenErrorKind, file: string) {
  expect(error.kind).toBe(kind);
  expect(error.message).toContain(file);
  // Says what to do, not only what went wrong.
  expect(error.message).toMatch(/Update|Close|Choose|choose|Make|Check|Free/u);
  expect(error.message).not.toMatch(/SQLITE_|EACCES|ENOTDIR/u);
}

describe('opening an index that cannot be used', () => {
  it.each(['delete', 'wal'])('newer-version: refuses an index from a newer version and leaves it as it was (%s journal)', (journal) => {
    const dir = tempDir();
    const file = join(dir, 'index.db');
    openDatabase(file).close();
    const raw = new Database(file);
    raw.pragma(`journal_mode = ${journal}`);
    raw.pragma(`user_version = ${migrations.length + 1}`);
    raw.close();
    const before = snapshot(dir, file);

    const error = openError(file);
    expectPlainWords(error, 'newer-version', file);
    expect(error.message).toContain(`index format ${migrations.length + 1}`);
    expect(snapshot(dir, file)).toEqual(before);
  });

  it('not-a-database: refuses a file of another kind and leaves it as it was', () => {
    const dir = tempDir();
    const text = join(dir, 'notes.db');
    writeFileSync(text, 'Minutes of the corporate parenting board, March 2025.\n'.repeat(100));
    const before = snapshot(dir, text);
    expectPlainWords(openError(text), 'not-a-database', text);
    expect(snapshot(dir, text)).toEqual(before);
  });

  it('encrypted: whole pages of what looks random (as an encrypted index is) are taken for an encrypted index, and left as they were', () => {
    const dir = tempDir();
    const file = join(dir, 'encrypted.db');
    writeFileSync(file, randomBytes(8192));
    const before = snapshot(dir, file);
    const error = openError(file);
    expectPlainWords(error, 'encrypted', file);
    expect(error.message).toContain('EVIDENCE_STORE_PASSPHRASE');
    expect(snapshot(dir, file)).toEqual(before);
  });

  it("not-a-database: refuses another program's SQLite database rather than add tables to it", () => {
    const dir = tempDir();
    const file = join(dir, 'places.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE bookmarks (id INTEGER PRIMARY KEY, url TEXT); INSERT INTO bookmarks (url) VALUES (\'https://www.gov.uk\')');
    raw.close();
    const before = snapshot(dir, file);
    const error = openError(file);
    expectPlainWords(error, 'not-a-database', file);
    expect(error.message).toContain('not an Evidence Store index');
    expect(snapshot(dir, file)).toEqual(before);
  });

  it('locked: gives up after the busy timeout when another program holds the file, and opens once it lets go', () => {
    const file = join(tempDir(), 'index.db');
    // An index from before the last migration, so opening it must write.
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    raw.exec(migrations.slice(0, -1).join(';\n'));
    raw.pragma(`user_version = ${migrations.length - 1}`);
    raw.exec('BEGIN IMMEDIATE');
    try {
      expectPlainWords(openError(file, { busyTimeoutMs: 100 }), 'locked', file);
    } finally {
      raw.exec('ROLLBACK');
      raw.close();
    }
    const db = openDatabase(file, { busyTimeoutMs: 100 });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    db.close();
  });

  it('locked: a file held exclusively (a rollback journal being written) is reported the same way', () => {
    const file = join(tempDir(), 'index.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE roots (id INTEGER PRIMARY KEY); PRAGMA user_version = 1; BEGIN EXCLUSIVE; INSERT INTO roots DEFAULT VALUES');
    try {
      expectPlainWords(openError(file, { busyTimeoutMs: 100 }), 'locked', file);
    } finally {
      raw.exec('ROLLBACK');
      raw.close();
    }
  });

  it('read-only: refuses an index it may read but not write, leaving no -wal or -shm files behind', () => {
    const dir = tempDir();
    chmodSync(dir, 0o777);
    const file = join(dir, 'index.db');
    openDatabase(file).close();
    chmodSync(file, 0o444);
    const before = snapshot(dir, file);
    const outcome = openAsUser(file);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expectPlainWords(outcome, 'read-only', file);
    expect(snapshot(dir, file)).toEqual(before);
  });

  it('unreadable: an index the user may not read at all', () => {
    const dir = tempDir();
    chmodSync(dir, 0o777);
    const file = join(dir, 'index.db');
    openDatabase(file).close();
    chmodSync(file, 0o600);
    if (process.getuid?.() !== 0) chmodSync(file, 0o000);
    const outcome = openAsUser(file);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expectPlainWords(outcome, 'unreadable', file);
  });

  it('unreadable: a folder the user may not create the index in', () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    const file = join(dir, 'Evidence Store', 'evidence-store.db');
    const outcome = openAsUser(file);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expectPlainWords(outcome, 'unreadable', file);
      expect(outcome.message).toContain('permission');
    }
  });

  it('unreadable: a folder that cannot be made because a file is in its place', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'Evidence Store'), 'a file where the data folder should be');
    const file = join(dir, 'Evidence Store', 'evidence-store.db');
    const error = openError(file);
    expectPlainWords(error, 'unreadable', file);
    expect(error.message).toContain('folder');
  });

  it('unreadable: a full disk is explained in plain words (not produced for real)', () => {
    const file = '/data/evidence-store.db';
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    const error = toIndexOpenError(full, file, 5000) as IndexOpenError;
    expectPlainWords(error, 'unreadable', file);
    expect(error.message).toContain('the drive is full');
    expect(error.cause).toBe(full);
  });

  it('leaves errors it does not recognise as they are, so a bug is not dressed up as advice', () => {
    const bug = new TypeError('x is not a function');
    expect(toIndexOpenError(bug, '/data/index.db', 5000)).toBe(bug);
  });
});

import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { openDatabase, sqliteVersionOf } from '../../../core/store/database.ts';
import { IndexOpenError } from '../../../core/store/open-error.ts';
import { migrations } from '../../../core/store/migrations.ts';
import { tempDir } from '../../helpers/temp.ts';
import { testDatabase } from '../../helpers/core.ts';

describe('openDatabase', () => {
  it('creates the schema in an empty file, in a folder that does not exist yet', () => {
    const file = join(tempDir(), 'nested', 'index.db');
    const db = testDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['roots', 'documents', 'files', 'pages', 'pages_fts', 'scans']));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('opens an up-to-date file again without re-running migrations', () => {
    const file = join(tempDir(), 'index.db');
    const first = openDatabase(file);
    first.prepare("INSERT INTO roots (path, label, added_at) VALUES ('/x', 'x', 'now')").run();
    first.close();
    const db = testDatabase(file);
    expect(db.prepare('SELECT COUNT(*) FROM roots').pluck().get()).toBe(1);
  });

  it('opens an up-to-date file while another process is writing to it, without waiting for the write lock', () => {
    const file = join(tempDir(), 'index.db');
    openDatabase(file).close();
    const writer = new Database(file);
    writer.exec('BEGIN IMMEDIATE');
    try {
      const db = testDatabase(file, { busyTimeoutMs: 50 });
      expect(db.prepare('SELECT COUNT(*) FROM roots').pluck().get()).toBe(0);
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
  });

  it('refuses a file written by a newer version instead of damaging it', () => {
    const file = join(tempDir(), 'index.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${migrations.length + 5}`);
    raw.close();
    const error = (() => {
      try {
        openDatabase(file);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(IndexOpenError);
    expect(error).toMatchObject({ kind: 'newer-version', file, message: expect.stringMatching(/newer version of Evidence Store/) });
  });

  it('keeps the full-text index in step with page edits and deletes', () => {
    const db = testDatabase(join(tempDir(), 'index.db'));
    db.prepare("INSERT INTO documents (id, sha256, format, status, extracted_at) VALUES (1, 'a', 'text', 'indexed', 'now')").run();
    db.prepare("INSERT INTO pages (document_id, number, label, title, body) VALUES (1, 1, '1', 't', 'alpha beta')").run();
    const count = (w: string) => db.prepare('SELECT COUNT(*) FROM pages_fts WHERE pages_fts MATCH ?').pluck().get(w);
    expect(count('alpha')).toBe(1);
    db.prepare("UPDATE pages SET body = 'gamma' WHERE document_id = 1").run();
    expect(count('alpha')).toBe(0);
    expect(count('gamma')).toBe(1);
    db.prepare('DELETE FROM documents WHERE id = 1').run();
    expect(count('gamma')).toBe(0);
  });
});

describe('sqliteVersionOf', () => {
  it('names the SQLite the index runs on, for the about box', () => {
    const db = testDatabase(join(tempDir(), 'index.db'));
    expect(sqliteVersionOf(db)).toMatch(/^3\.\d+\.\d+$/u);
  });
});

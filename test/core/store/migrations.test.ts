/**
 * What individual migrations do to the data an earlier version left (the schema-upgrade test
 * checks every version opens; this checks a migration's purpose).
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { migrations } from '../../../core/store/migrations.ts';
import { search } from '../../../core/search/search.ts';
import { tempDir } from '../../helpers/temp.ts';
import { testCore } from '../../helpers/core.ts';

/** An index as version `n` of the schema left it. */
function indexAtVersion(file: string, n: number): Database.Database {
  const db = new Database(file);
  for (const migration of migrations.slice(0, n)) db.exec(migration);
  db.pragma(`user_version = ${n}`);
  return db;
}

describe('migration 6', () => {
  it('forgets the text of scripts earlier versions indexed, and the next scan records them as not indexed', async () => {
    const dir = tempDir();
    const root = join(dir, 'Evidence');
    mkdirSync(root);
    writeFileSync(join(root, 'update.ps1'), 'Write-Host "heronsgate"');
    writeFileSync(join(root, 'notes.txt'), 'Supervision notes.');
    // Version 5 read the script as text: it is searchable there.
    const old = indexAtVersion(join(dir, 'index.db'), 5);
    old.exec(`INSERT INTO roots (id, path, label, added_at) VALUES (1, '${root}', 'Evidence', 'then')`);
    old.exec(`INSERT INTO documents (id, sha256, format, status, extracted_at, page_count, text_chars) VALUES (1, 'abc', 'text', 'indexed', 'then', 1, 23)`);
    old.exec(`INSERT INTO pages (document_id, number, label, title, body) VALUES (1, 1, '1', 'update.ps1', 'Write-Host "heronsgate"')`);
    old.exec(`INSERT INTO files (root_id, path, name, ext, size, mtime_ms, document_id, status, updated_at)
              VALUES (1, '${join(root, 'update.ps1')}', 'update.ps1', 'ps1', 23, 1, 1, 'indexed', 'then')`);
    expect(old.prepare(`SELECT COUNT(*) FROM pages_fts WHERE pages_fts MATCH 'heronsgate'`).pluck().get()).toBe(1);
    old.close();

    const core = testCore(dir);
    expect(search(core.db, 'heronsgate').total).toBe(0);
    expect(core.db.prepare('SELECT COUNT(*) FROM documents').pluck().get()).toBe(0);
    await core.indexer.run();
    expect(core.db.prepare('SELECT status, document_id IS NOT NULL AS linked FROM files WHERE name = ?').get('update.ps1')).toEqual({ status: 'unsupported', linked: 1 });
    expect(core.db.prepare('SELECT format FROM documents d JOIN files f ON f.document_id = d.id WHERE f.name = ?').pluck().get('update.ps1')).toBe('program');
    expect(search(core.db, 'heronsgate').total).toBe(0);
    expect(search(core.db, 'supervision').total).toBe(1);
  });
});

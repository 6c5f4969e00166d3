/**
 * An index made by every earlier version of the schema (test/fixtures/schema/vN.db, made once by
 * scripts/make-schema-fixture.ts and kept as history) opens in this version with its data intact
 * and searchable. Each test works on a copy: opening the fixture itself would change it.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { openDatabase, type Db } from '../../../core/store/database.ts';
import { migrations } from '../../../core/store/migrations.ts';
import { search } from '../../../core/search/search.ts';
import { tempDir } from '../../helpers/temp.ts';
import { testDatabase } from '../../helpers/core.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/schema/', import.meta.url));
const versions = readdirSync(FIXTURES)
  .map((name) => /^v(\d+)\.db$/u.exec(name)?.[1])
  .filter((v): v is string => v !== undefined)
  .map(Number)
  .sort((a, b) => a - b);

/** Every row of every table the fixture had, in the columns it had, for comparing after the upgrade. */
function contents(db: Db, tables: string[], columnsOf: (table: string) => string[]): Record<string, unknown[]> {
  return Object.fromEntries(
    tables.map((table) => [table, db.prepare(`SELECT ${columnsOf(table).map((c) => `"${c}"`).join(', ')} FROM "${table}" ORDER BY rowid`).all()]),
  );
}

/** The fixture's own tables (not FTS shadow tables, which the FTS checks below cover). */
function dataTables(db: Db): { tables: string[]; columnsOf: (table: string) => string[] } {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'pages\\_%' ESCAPE '\\' ORDER BY name")
    .pluck()
    .all() as string[];
  const columns = new Map(tables.map((t) => [t, (db.pragma(`table_info("${t}")`) as { name: string }[]).map((c) => c.name)]));
  return { tables, columnsOf: (t) => columns.get(t)! };
}

/** Every table, index and trigger, as SQLite keeps their definitions. */
function schemaOf(db: Db): unknown[] {
  return db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all();
}

/** Every migration run in order on an empty database: what an upgraded index must end up with. */
function allMigrationsSchema(): unknown[] {
  const db = new Database(':memory:');
  try {
    for (const migration of migrations) db.exec(migration);
    return schemaOf(db);
  } finally {
    db.close();
  }
}

function copyOf(version: number): string {
  const file = join(tempDir(), 'evidence-store.db');
  copyFileSync(join(FIXTURES, `v${version}.db`), file);
  return file;
}

describe('schema fixtures', () => {
  it('keep one index from every earlier schema version', () => {
    const earlier = Array.from({ length: migrations.length - 1 }, (_, i) => i + 1);
    expect(versions).toEqual(expect.arrayContaining(earlier));
    for (const v of versions) expect(existsSync(join(FIXTURES, `v${v}.db-wal`))).toBe(false);
  });
});

describe.each(versions)('an index from schema version %i', (version) => {
  it('upgrades to the current version with its data intact and searchable', () => {
    const file = copyOf(version);
    const raw = new Database(file);
    expect(raw.pragma('user_version', { simple: true })).toBe(version);
    const { tables, columnsOf } = dataTables(raw);
    const before = contents(raw, tables, columnsOf);
    raw.close();
    expect(before.pages.length).toBeGreaterThan(0);

    const db = testDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(schemaOf(db)).toEqual(allMigrationsSchema());
    expect(contents(db, tables, columnsOf)).toEqual(before);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Both full-text indexes agree with the pages table (throws SQLITE_CORRUPT_VTAB if not).
    db.exec("INSERT INTO pages_fts(pages_fts) VALUES ('integrity-check'); INSERT INTO pages_sub(pages_sub) VALUES ('integrity-check')");

    // Words, a phrase, a file name, and a number inside a reference (the trigram index of version 2).
    expect(search(db, 'supervision').results.map((r) => r.title)).toEqual([expect.stringMatching(/Supervision audit/u)]);
    expect(search(db, '"care plans were reviewed"').results).toHaveLength(1);
    expect(search(db, 'local offer').results.map((r) => r.title)).toEqual([expect.stringMatching(/care.leavers.local.offer/iu)]);
    expect(search(db, '1312').results).toHaveLength(1);
    // New pages are indexed by the triggers of the current version.
    db.prepare("INSERT INTO pages (document_id, number, label, title, body) VALUES (1, 99, '99', 'Annex', 'Annex on kinship carers')").run();
    expect(search(db, 'kinship').results).toHaveLength(1);
  });

  it('opening it a second time changes nothing', () => {
    const file = copyOf(version);
    openDatabase(file).close();
    const once = new Database(file, { readonly: true });
    const { tables, columnsOf } = dataTables(once);
    const schema = schemaOf(once);
    const data = contents(once, tables, columnsOf);
    once.close();

    const db = testDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(schemaOf(db)).toEqual(schema);
    expect(contents(db, tables, columnsOf)).toEqual(data);
    expect(search(db, 'supervision').results).toHaveLength(1);
  });
});

/**
 * Encrypting a store in place, and decrypting it, safely against a crash midway.
 *
 * The file is never changed page by page. A new file is written beside it (`<file>.converting`),
 * with the other key (or none), by copying every table into it the way SQLCipher's
 * `sqlcipher_export` and SQLite's own VACUUM do: the tables are made from the same statements,
 * their rows copied with their rowids, then the indexes, and the triggers, views and virtual tables
 * written into the schema as they were. The copy is checked, flushed to disk, and only then renamed
 * over the original, which is atomic: a crash leaves the old file or the new one, never neither.
 * A copy left by a crash is deleted the next time the store is opened (database.ts).
 *
 * Only a closed store can be converted: switching the original out of WAL mode (which empties its
 * -wal file into it) needs every other connection gone, and the copy holds a write lock on it.
 * The copy is written in DELETE journal mode; the next open switches it back to WAL.
 *
 * SQLite3 Multiple Ciphers could also re-key in place (PRAGMA rekey), but that rewrites the live
 * file, and for a plain file it runs a VACUUM through a temporary database, which with
 * temp_store=MEMORY holds the whole store in memory, or else writes it to the temp folder.
 */
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey, keyText, setCipher, type StoreKey } from './cipher.ts';

export interface ConvertProgress {
  /** Bytes of the new file so far, and the size of the original (the new one ends near it). */
  bytesDone: number;
  bytesTotal: number;
}

export interface ConvertOptions {
  /** The key the file has now (undefined: it is plain). */
  from?: StoreKey;
  /** The key it is to have (undefined: make it plain). */
  to?: StoreKey;
  onProgress?: (progress: ConvertProgress) => void;
  /** How long to wait for another program's lock (ms). */
  busyTimeoutMs?: number;
  /** For the crash test: stop after the copy is written, before it replaces the original. */
  stopBeforeRename?: boolean;
}

/** Rows copied per statement: small enough to report progress often, big enough to be fast. */
const ROWS_PER_CHUNK = 2000;

export function conversionCopyOf(file: string): string {
  return `${file}.converting`;
}

/** Deletes a copy left by a conversion that was stopped (a crash, a power cut) before the rename. */
export function tidyConversionLeftovers(file: string): void {
  const copy = conversionCopyOf(file);
  for (const f of [copy, `${copy}-journal`, `${copy}-wal`, `${copy}-shm`]) {
    if (existsSync(f)) rmSync(f, { force: true });
  }
}

/**
 * Rewrites `file` with the key `to` (or none), reading it with `from` (or none). Throws (leaving
 * the original as it was) if it is in use, if `from` does not open it, or if the copy fails its check.
 */
export function convertStore(file: string, options: ConvertOptions): void {
  const copy = conversionCopyOf(file);
  tidyConversionLeftovers(file);
  const target = new Database(copy, { timeout: options.busyTimeoutMs ?? 5000 });
  let renamed = false;
  try {
    if (options.to) applyKey(target, options.to);
    else setCipher(target); // a plain copy; the attached original is read with this cipher
    // Nothing of the store may go to the OS temp folder (sorts while making indexes).
    target.pragma('temp_store = MEMORY');
    // Rows are copied as they are, before the triggers and with no checks: as VACUUM does.
    target.pragma('foreign_keys = OFF');
    // The schema rows of triggers, views and virtual tables are written directly (as VACUUM does).
    target.unsafeMode(true);
    // KEY '' attaches it as plain; a key reads it with that key.
    target.prepare("ATTACH ? AS src KEY ?").run(file, options.from ? keyText(options.from) : '');
    // Empties the -wal into the file and removes it; fails (busy) while anything else has it open.
    target.pragma('src.journal_mode = DELETE');
    copyAll(target, options.onProgress);
    target.exec('DETACH src');
    target.close();
    verify(copy, options.to);
    syncFile(copy);
    if (options.stopBeforeRename) return;
    // The original is in DELETE mode now: any -wal or -shm left beside it is empty and stale.
    for (const f of [`${file}-wal`, `${file}-shm`, `${file}-journal`]) if (existsSync(f)) rmSync(f, { force: true });
    renameSync(copy, file);
    renamed = true;
    syncFolder(dirname(file));
  } finally {
    if (target.open) target.close();
    if (!renamed && !options.stopBeforeRename) tidyConversionLeftovers(file);
  }
}

interface SchemaRow {
  type: string;
  name: string;
  sql: string | null;
}

function copyAll(db: Database.Database, onProgress: ConvertOptions['onProgress']): void {
  const pageSize = db.pragma('src.page_size', { simple: true }) as number;
  const bytesTotal = (db.pragma('src.page_count', { simple: true }) as number) * pageSize;
  const report = () => onProgress?.({ bytesDone: Math.min(bytesTotal, (db.pragma('main.page_count', { simple: true }) as number) * pageSize), bytesTotal });
  const schema = db.prepare('SELECT type, name, sql FROM src.sqlite_schema ORDER BY rowid').all() as SchemaRow[];
  const tables = schema.filter((r) => r.type === 'table' && r.sql !== null && !r.name.startsWith('sqlite_') && !/^CREATE VIRTUAL/iu.test(r.sql));
  db.exec('BEGIN IMMEDIATE');
  try {
    for (const t of tables) db.exec(t.sql!);
    for (const t of tables) copyRows(db, t.name, report);
    if (schema.some((r) => r.name === 'sqlite_sequence')) {
      db.exec('DELETE FROM main.sqlite_sequence; INSERT INTO main.sqlite_sequence SELECT * FROM src.sqlite_sequence');
    }
    for (const i of schema) if (i.type === 'index' && i.sql !== null) db.exec(i.sql);
    report();
    db.pragma('writable_schema = ON');
    db.exec(
      "INSERT INTO main.sqlite_schema (type, name, tbl_name, rootpage, sql) SELECT type, name, tbl_name, rootpage, sql FROM src.sqlite_schema " +
        "WHERE type IN ('view', 'trigger') OR (type = 'table' AND rootpage = 0) ORDER BY rowid",
    );
    db.pragma('writable_schema = OFF');
    for (const t of tables) {
      const count = (schemaName: string) => db.prepare(`SELECT count(*) FROM ${schemaName}.${quoteName(t.name)}`).pluck().get() as number;
      if (count('main') !== count('src')) throw new Error(`The copy of table ${t.name} is incomplete; the original was left as it was.`);
    }
    for (const pragma of ['user_version', 'application_id']) {
      db.pragma(`main.${pragma} = ${Number(db.pragma(`src.${pragma}`, { simple: true }))}`);
    }
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
  // Query-planner statistics, if the original had any, are worked out afresh.
  if (schema.some((r) => r.name === 'sqlite_stat1')) db.exec('ANALYZE main');
  report();
}

/** Copies one table's rows, with their rowids (FTS5 external content refers to them), a chunk at a time. */
function copyRows(db: Database.Database, table: string, report: () => void): void {
  const q = quoteName(table);
  const columns = (db.prepare(`PRAGMA src.table_xinfo(${q})`).all() as { name: string; hidden: number }[])
    .filter((c) => c.hidden === 0) // 2 and 3 are generated columns, which are worked out again
    .map((c) => quoteName(c.name));
  const withoutRowid = (db.prepare('SELECT wr FROM pragma_table_list WHERE schema = ? AND name = ?').get('src', table) as { wr: number }).wr === 1;
  const list = columns.join(', ');
  if (withoutRowid) {
    db.exec(`INSERT INTO main.${q} (${list}) SELECT ${list} FROM src.${q}`);
    report();
    return;
  }
  const insert = (where: string) => db.prepare(`INSERT INTO main.${q} (_rowid_, ${list}) SELECT _rowid_, ${list} FROM src.${q} ${where}`).safeIntegers(true);
  const chunkEnd = db.prepare(`SELECT _rowid_ FROM src.${q} WHERE _rowid_ > ? ORDER BY _rowid_ LIMIT 1 OFFSET ${ROWS_PER_CHUNK - 1}`).pluck().safeIntegers(true);
  const firstEnd = db.prepare(`SELECT _rowid_ FROM src.${q} ORDER BY _rowid_ LIMIT 1 OFFSET ${ROWS_PER_CHUNK - 1}`).pluck().safeIntegers(true);
  const upTo = insert('WHERE _rowid_ <= ?');
  const between = insert('WHERE _rowid_ > ? AND _rowid_ <= ?');
  const rest = insert('WHERE _rowid_ > ?');
  let after = firstEnd.get() as bigint | undefined;
  if (after === undefined) {
    insert('').run();
    report();
    return;
  }
  upTo.run(after);
  report();
  for (;;) {
    const end = chunkEnd.get(after) as bigint | undefined;
    if (end === undefined) break;
    between.run(after, end);
    after = end;
    report();
  }
  rest.run(after);
  report();
}

function quoteName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The copy opens with its key, holds what it should, and SQLite finds nothing wrong in it. */
function verify(file: string, key: StoreKey | undefined): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    if (key) applyKey(db, key);
    const result = db.pragma('quick_check', { simple: true });
    if (result !== 'ok') throw new Error(`The converted copy failed SQLite's check (${String(result)}); the original was left as it was.`);
  } finally {
    db.close();
  }
}

function syncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes the rename itself durable. Windows cannot open a folder to flush it (and does not need to). */
function syncFolder(folder: string): void {
  let fd: number;
  try {
    fd = openSync(folder, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // Some file systems refuse to flush a folder; the rename is still atomic there.
  } finally {
    closeSync(fd);
  }
}

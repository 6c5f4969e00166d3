/**
 * Opening the one SQLite file the app keeps, and bringing its schema up to date.
 *
 * The desktop app, the CLI and browser mode share the file and may all start at the same moment,
 * so every step here must be safe when another process is doing the same step on the same file.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { applyKey, type StoreKey } from './cipher.ts';
import { tidyConversionLeftovers } from './convert.ts';
import { migrations } from './migrations.ts';
import { encryptionError, foreignDatabaseError, newerVersionError, readOnlyError, toIndexOpenError } from './open-error.ts';

export type Db = Database.Database;

/** How long to wait for another process's lock before giving up with an IndexOpenError 'locked'. */
export const BUSY_TIMEOUT_MS = 5000;

export interface OpenOptions {
  /** Open without writing: no migrations, no WAL switch (for a second reader). */
  readonly?: boolean;
  /** Overrides BUSY_TIMEOUT_MS (tests use a short one to see the 'locked' error quickly). */
  busyTimeoutMs?: number;
  /**
   * The store's key (cipher.ts). With a key the file must be encrypted with it (a new one is
   * made encrypted); without one it must be plain. Anything else is refused, never opened anew.
   */
  key?: StoreKey;
}

/**
 * Opens (creating it if needed) and migrates the index. Failures a user can act on are thrown as
 * an IndexOpenError (see open-error.ts); the file is never changed when it is refused.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const busyTimeoutMs = options.busyTimeoutMs ?? BUSY_TIMEOUT_MS;
  try {
    return open(file, options.readonly ?? false, busyTimeoutMs, options.key);
  } catch (error) {
    throw encryptionError(error, file, options.key !== undefined) ?? toIndexOpenError(error, file, busyTimeoutMs);
  }
}

/** The key each open connection was given, so work that opens a second connection (a worker) can too. */
const keys = new WeakMap<Db, StoreKey>();

/** The key `db` was opened with (undefined for a plain store). */
export function keyOf(db: Db): StoreKey | undefined {
  return keys.get(db);
}

function open(file: string, readonly: boolean, busyTimeoutMs: number, key: StoreKey | undefined): Db {
  if (file !== ':memory:' && !readonly) mkdirSync(dirname(file), { recursive: true });
  // The busy timeout is given to the constructor so it is in force before the first statement:
  // every later step may meet another process's lock and must wait for it, not fail.
  const db = new Database(file, { readonly, fileMustExist: readonly, timeout: busyTimeoutMs });
  try {
    // Before anything is read: a wrong or missing key then fails at the first read below, with
    // nothing written (not even the -wal and -shm files).
    if (key && file !== ':memory:') applyKey(db, key);
    // Before the first read: reading a WAL file makes its -wal and -shm files, which a read-only
    // index (or a user who may not write there) would be left littered with.
    if (!readonly && file !== ':memory:') assertWritable(file);
    // Refuse a newer or foreign file before anything below writes to it (the WAL switch rewrites
    // the file header). One read transaction, so the version and the tables are seen at the same
    // moment; migrate() asks again inside its write transaction, where the answer is final.
    const version = db.transaction(() => checkVersion(db, file))();
    if (!readonly) {
      // WAL lets searches read while a scan writes; NORMAL is durable across app crashes
      // (only an OS crash can lose the last transactions, which the next scan redoes).
      switchToWal(db, busyTimeoutMs);
      db.pragma('synchronous = NORMAL');
      // Versions only go up, so an up-to-date file needs no write lock: opening it does not wait
      // behind another process's scan.
      if (version < migrations.length) migrate(db, file);
    }
    db.pragma('foreign_keys = ON');
    // The index holds the text of documents: a large sort must not spill it to the OS temp folder
    // (SQLite's temporary files are not encrypted with the store's key).
    db.pragma('temp_store = MEMORY');
    // Opened for writing (with the WAL switch, which waits for an encryption under way to let go),
    // so no `evidence-store encrypt` is running: a copy it left when stopped midway can go.
    if (!readonly && file !== ':memory:') tidyConversionLeftovers(file);
    if (key) keys.set(db, key);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * SQLite quietly opens a file it may not write read-only, and an up-to-date index is not written
 * while opening, so without this a read-only index would fail only at the first scan or edit.
 */
function assertWritable(file: string): void {
  try {
    accessSync(file, constants.W_OK);
  } catch (error) {
    throw readOnlyError(file, error);
  }
}

/**
 * Applies every migration the file has not had yet, all in one IMMEDIATE transaction: it takes the
 * write lock before reading the version, so a second process starting at the same moment waits
 * (busy timeout) and then finds nothing left to do. Refuses a file from a newer app version.
 */
export function migrate(db: Db, file = db.name): number {
  db.transaction(() => {
    const current = checkVersion(db, file);
    for (let version = current; version < migrations.length; version++) {
      db.exec(migrations[version]);
    }
    if (current < migrations.length) db.pragma(`user_version = ${migrations.length}`);
  }).immediate();
  return migrations.length;
}

/** The file's schema version, or an IndexOpenError if it is newer than this app or not ours. */
function checkVersion(db: Db, file: string): number {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > migrations.length) throw newerVersionError(file, version, migrations.length);
  // A version of 0 with tables in it, or a version without our first table, is some other
  // program's SQLite database: adding our tables to it would damage it.
  const hasRoots = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'roots'").get() !== undefined;
  const isEmpty = db.prepare('SELECT 1 FROM sqlite_master LIMIT 1').get() === undefined;
  if (version === 0 ? !isEmpty : !hasRoots) throw foreignDatabaseError(file);
  return version;
}

/**
 * Switching a new file to WAL needs an exclusive lock. When two processes try at once, SQLite sees
 * a possible deadlock and returns SQLITE_BUSY at once instead of waiting (measured: about one
 * round in ten with three processes), so this waits and tries again within the busy timeout.
 * Once one process has switched, the switch is recorded in the file and the others' is a no-op.
 */
function switchToWal(db: Db, busyTimeoutMs: number): void {
  const deadline = Date.now() + busyTimeoutMs;
  for (;;) {
    try {
      const mode = db.pragma('journal_mode = WAL', { simple: true });
      // ':memory:' databases cannot use WAL and stay in 'memory' mode; nothing else is expected.
      if (mode !== 'wal' && mode !== 'memory') throw new Error(`SQLite kept journal mode “${String(mode)}” instead of WAL.`);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (!code.startsWith('SQLITE_BUSY') || Date.now() >= deadline) throw error;
      sleepSync(5 + Math.random() * 20);
    }
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Opening is synchronous (better-sqlite3), so the pause between tries is too. */
function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

/** The version of SQLite better-sqlite3 was built with (the about box shows it). */
export function sqliteVersionOf(db: Db): string {
  return db.prepare('SELECT sqlite_version()').pluck().get() as string;
}

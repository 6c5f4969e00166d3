/**
 * Opening the one SQLite file the app keeps, and bringing its schema up to date.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrations } from './migrations.ts';

export type Db = Database.Database;

export interface OpenOptions {
  /** Open without writing: no migrations, no WAL switch (for a second reader). */
  readonly?: boolean;
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { readonly: options.readonly ?? false });
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  if (!options.readonly) {
    // WAL lets searches read while a scan writes; NORMAL is durable across app crashes
    // (only an OS crash can lose the last transactions, which the next scan redoes).
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrate(db);
  }
  return db;
}

/** Applies every migration the file has not had yet. Refuses a file from a newer app version. */
export function migrate(db: Db): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(
      `This index was written by a newer version of Evidence Store (schema ${current}, this version knows ${migrations.length}). Update the app, or choose another index file.`,
    );
  }
  for (let version = current; version < migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version]);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return migrations.length;
}

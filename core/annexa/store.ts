/**
 * Where Annex A's child-level data lives: its own SQLite file beside the evidence index
 * (`annex-a.db`), so it is never mixed with the index, never copied with it, and deleted in one
 * act. It holds only the latest import: a re-import replaces it. (Saved column mappings hold no
 * child's data and live in the evidence index: core/store/annexa-mappings.ts.)
 *
 * The import itself runs in a worker with its own connection (core/annexa/worker.ts); this module
 * is the only place that knows the tables.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { applyKey, type StoreKey } from '../store/cipher.ts';
import { encryptionError } from '../store/open-error.ts';
import type { Change, Finding, ListRow, Severity, Value } from './model.ts';

export type AnnexaDb = Database.Database;

/** The file, beside the evidence index; in memory for an index in memory (tests, the CLI's checks). */
export function annexaPathFor(databasePath: string): string {
  return databasePath === ':memory:' ? ':memory:' : join(dirname(databasePath), 'annex-a.db');
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS import (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    spec_id          TEXT NOT NULL,
    inspection_date  TEXT NOT NULL,
    imported_at      TEXT NOT NULL,
    -- what the import found, for the screen: sources, recognition, mapping, problems (JSON)
    report           TEXT NOT NULL,
    -- the ChAT-style summaries of the lists (JSON), worked out once, at import
    summaries        TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS rows (
    id      INTEGER PRIMARY KEY,
    list    TEXT NOT NULL,
    source  TEXT NOT NULL,
    row     INTEGER NOT NULL,
    vals    TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS rows_list ON rows(list, id);
  CREATE INDEX IF NOT EXISTS rows_source ON rows(source, row);
  -- The changes normalisation made to one source row, as a JSON array of [column, from, to, why]:
  -- a large import makes half a million, and one row per source row stores them three times faster.
  CREATE TABLE IF NOT EXISTS changes (
    list TEXT NOT NULL, source TEXT NOT NULL, row INTEGER NOT NULL, count INTEGER NOT NULL, items TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS findings (
    id INTEGER PRIMARY KEY,
    list TEXT NOT NULL, source TEXT, row INTEGER, col TEXT,
    rule TEXT NOT NULL, severity TEXT NOT NULL CHECK (severity IN ('error', 'warning')), message TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS findings_filter ON findings(list, rule, severity);
  -- The order findings are shown in, so a page never sorts the whole table.
  CREATE INDEX IF NOT EXISTS findings_order ON findings(severity, list, source, row, id);
  CREATE INDEX IF NOT EXISTS findings_row ON findings(source, row);
  CREATE INDEX IF NOT EXISTS changes_row ON changes(source, row);
`;

/**
 * Opens (creating it if needed) the child-level data file, encrypted with the index's key when the
 * index has one (the same key: one secret protects both). A file that does not match (encrypted
 * without the key, or plain with one) is refused with an IndexOpenError saying what to do.
 */
export function openAnnexaDb(path: string, key?: StoreKey): AnnexaDb {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: 5000 });
  try {
    if (key && path !== ':memory:') applyKey(db, key);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // Large sorts would otherwise spill to the operating system's temp folder: child-level data
    // (findings quote ids and dates) must not be written anywhere but this file.
    db.pragma('temp_store = MEMORY');
    db.exec(SCHEMA);
    return db;
  } catch (error) {
    db.close();
    throw encryptionError(error, path, key !== undefined) ?? error;
  }
}

/** Deletes the child-level data file (and SQLite's companions) after its connection is closed. */
export function deleteAnnexaFile(path: string): void {
  if (path === ':memory:') return;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(path + suffix)) rmSync(path + suffix, { force: true });
  }
}

export interface ImportMeta {
  specId: string;
  inspectionDate: string;
  importedAt: string;
  report: unknown;
  summaries: unknown;
}

/**
 * What a new import writes: everything replaced in one transaction, so a reader (another
 * connection) never sees half of two imports. The in-memory store of the CLI shares one
 * connection with its reader, which reads only after the import.
 */
export interface ImportWriter {
  rows(batch: readonly ListRow[]): void;
  changes(batch: readonly Change[]): void;
  findings(batch: readonly Finding[]): void;
  finish(meta: ImportMeta): void;
  abandon(): void;
}

export function beginImport(db: AnnexaDb): ImportWriter {
  db.exec('BEGIN IMMEDIATE');
  db.exec('DELETE FROM rows; DELETE FROM changes; DELETE FROM findings; DELETE FROM import;');
  const insertRow = db.prepare('INSERT INTO rows (list, source, row, vals) VALUES (?, ?, ?, ?)');
  const insertChanges = db.prepare('INSERT INTO changes (list, source, row, count, items) VALUES (?, ?, ?, ?, ?)');
  const insertFinding = db.prepare('INSERT INTO findings (list, source, row, col, rule, severity, message) VALUES (?, ?, ?, ?, ?, ?, ?)');
  let open = true;
  return {
    rows(batch) {
      for (const r of batch) insertRow.run(r.list, r.source, r.row, JSON.stringify(r.values));
    },
    changes(batch) {
      // A normaliser lists a row's changes together; one stored row per source row.
      for (let i = 0; i < batch.length; ) {
        const first = batch[i];
        const items: [string, string, string, string][] = [];
        while (i < batch.length && batch[i].row === first.row && batch[i].source === first.source && batch[i].list === first.list) {
          const c = batch[i++];
          items.push([c.column, c.from, c.to, c.why]);
        }
        insertChanges.run(first.list, first.source, first.row, items.length, JSON.stringify(items));
      }
    },
    findings(batch) {
      for (const f of batch) insertFinding.run(f.list, f.source, f.row, f.column, f.rule, f.severity, f.message);
    },
    finish(meta) {
      db.prepare('INSERT INTO import (id, spec_id, inspection_date, imported_at, report, summaries) VALUES (1, ?, ?, ?, ?, ?)').run(
        meta.specId, meta.inspectionDate, meta.importedAt, JSON.stringify(meta.report), JSON.stringify(meta.summaries),
      );
      db.exec('COMMIT');
      open = false;
    },
    abandon() {
      if (open && db.inTransaction) db.exec('ROLLBACK');
      open = false;
    },
  };
}

export function importMeta(db: AnnexaDb): ImportMeta | null {
  const r = db.prepare('SELECT spec_id, inspection_date, imported_at, report, summaries FROM import WHERE id = 1').get() as
    | { spec_id: string; inspection_date: string; imported_at: string; report: string; summaries: string }
    | undefined;
  return r
    ? { specId: r.spec_id, inspectionDate: r.inspection_date, importedAt: r.imported_at, report: JSON.parse(r.report), summaries: JSON.parse(r.summaries) }
    : null;
}

/** Every row of every list, in import order, for validation, summaries and the workbook. */
export function rowsByList(db: AnnexaDb): Map<string, ListRow[]> {
  const out = new Map<string, ListRow[]>();
  for (const r of db.prepare('SELECT list, source, row, vals FROM rows ORDER BY id').iterate() as Iterable<{ list: string; source: string; row: number; vals: string }>) {
    let list = out.get(r.list);
    if (!list) out.set(r.list, (list = []));
    list.push({ list: r.list, source: r.source, row: r.row, values: JSON.parse(r.vals) as Record<string, Value> });
  }
  return out;
}

/** One list's rows in import order, read from the store as they are used (the workbook reads each list twice). */
export function* iterateRows(db: AnnexaDb, list: string): Generator<ListRow> {
  const statement = db.prepare('SELECT list, source, row, vals FROM rows WHERE list = ? ORDER BY id');
  for (const r of statement.iterate(list) as Iterable<{ list: string; source: string; row: number; vals: string }>) {
    yield { list: r.list, source: r.source, row: r.row, values: JSON.parse(r.vals) as Record<string, Value> };
  }
}

/** Every finding, in the order validation gave them. */
export function allFindings(db: AnnexaDb): Finding[] {
  return (db.prepare('SELECT list, source, row, col, rule, severity, message FROM findings ORDER BY id').all() as {
    list: string; source: string | null; row: number | null; col: string | null; rule: string; severity: Severity; message: string;
  }[]).map((r) => ({ list: r.list, source: r.source, row: r.row, column: r.col, rule: r.rule, severity: r.severity, message: r.message }));
}

/** One source row (a finding's "see the row"). */
export function rowAt(db: AnnexaDb, source: string, row: number): ListRow | null {
  const r = db.prepare('SELECT list, source, row, vals FROM rows WHERE source = ? AND row = ?').get(source, row) as
    | { list: string; source: string; row: number; vals: string }
    | undefined;
  return r ? { list: r.list, source: r.source, row: r.row, values: JSON.parse(r.vals) } : null;
}

export interface FindingFilter {
  list?: string;
  rule?: string;
  severity?: Severity;
  source?: string;
  row?: number;
  offset?: number;
  limit?: number;
}

export function queryFindings(db: AnnexaDb, filter: FindingFilter): { total: number; findings: Finding[] } {
  const where =
    'WHERE (? IS NULL OR list = ?) AND (? IS NULL OR rule = ?) AND (? IS NULL OR severity = ?) AND (? IS NULL OR source = ?) AND (? IS NULL OR row = ?)';
  const args = [
    filter.list ?? null, filter.list ?? null, filter.rule ?? null, filter.rule ?? null, filter.severity ?? null, filter.severity ?? null,
    filter.source ?? null, filter.source ?? null, filter.row ?? null, filter.row ?? null,
  ];
  const total = db.prepare(`SELECT COUNT(*) FROM findings ${where}`).pluck().get(...args) as number;
  const rows = db
    .prepare(`SELECT list, source, row, col, rule, severity, message FROM findings ${where} ORDER BY severity, list, source, row, id LIMIT ? OFFSET ?`)
    .all(...args, filter.limit ?? 100, filter.offset ?? 0) as { list: string; source: string | null; row: number | null; col: string | null; rule: string; severity: Severity; message: string }[];
  return { total, findings: rows.map((r) => ({ list: r.list, source: r.source, row: r.row, column: r.col, rule: r.rule, severity: r.severity, message: r.message })) };
}

/** Counts by list, rule and severity, for the filters. */
export function findingCounts(db: AnnexaDb): { list: string; rule: string; severity: Severity; count: number }[] {
  return db.prepare('SELECT list, rule, severity, COUNT(*) AS count FROM findings GROUP BY list, rule, severity ORDER BY list, rule').all() as {
    list: string; rule: string; severity: Severity; count: number;
  }[];
}

export function listChanges(db: AnnexaDb, filter: { list?: string; source?: string; row?: number; offset?: number; limit?: number }): { total: number; changes: Change[] } {
  const where = 'WHERE (? IS NULL OR list = ?) AND (? IS NULL OR source = ?) AND (? IS NULL OR row = ?)';
  const args = [filter.list ?? null, filter.list ?? null, filter.source ?? null, filter.source ?? null, filter.row ?? null, filter.row ?? null];
  const total = (db.prepare(`SELECT COALESCE(SUM(count), 0) FROM changes ${where}`).pluck().get(...args) as number) ?? 0;
  const offset = filter.offset ?? 0;
  const limit = filter.limit ?? 100;
  const out: Change[] = [];
  let skipped = 0;
  for (const r of db.prepare(`SELECT list, source, row, count, items FROM changes ${where} ORDER BY rowid`).iterate(...args) as Iterable<{
    list: string; source: string; row: number; count: number; items: string;
  }>) {
    if (skipped + r.count <= offset) {
      skipped += r.count;
      continue;
    }
    for (const [column, from, to, why] of JSON.parse(r.items) as [string, string, string, string][]) {
      if (skipped++ < offset) continue;
      out.push({ list: r.list, source: r.source, row: r.row, column, from, to, why });
      if (out.length >= limit) return { total, changes: out };
    }
  }
  return { total, changes: out };
}

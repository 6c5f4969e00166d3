/**
 * The record of each scan of a root: when it ran, how it ended, and why it did not finish. A scan
 * the app never got to close (killed, power cut) is told from one still running elsewhere (the CLI
 * and the app share the index) by its heartbeat.
 */
import type { Db } from './database.ts';
import type { ScanOutcome } from '../../shared/contract.ts';

/** A running scan writes its heartbeat this often; one silent for much longer was interrupted. */
export const HEARTBEAT_MS = 10_000;
const SILENT_AFTER_MS = 6 * HEARTBEAT_MS;

export interface ScanRow {
  outcome: string | null;
  started_at: string;
  finished_at: string | null;
  problem: string | null;
  heartbeat_at: string | null;
}

export interface LastScan {
  outcome: ScanOutcome;
  startedAt: string;
  finishedAt: string | null;
  problem: string | null;
}

const INTERRUPTED = 'The app stopped during this scan (it was closed or the computer shut down). The next scan picks up where it left off.';

/** How a scan row reads to a user, now. */
export function lastScanOf(row: ScanRow, now = Date.now()): LastScan {
  let outcome = (row.outcome ?? 'running') as ScanOutcome;
  let problem = row.problem;
  if (outcome === 'running' && now - Date.parse(row.heartbeat_at ?? row.started_at) > SILENT_AFTER_MS) {
    outcome = 'interrupted';
  }
  if (outcome === 'interrupted') problem ??= INTERRUPTED;
  return { outcome, startedAt: row.started_at, finishedAt: row.finished_at, problem };
}

/** Starts the record of a scan; an earlier scan of the root left unfinished is marked interrupted. */
export function beginScan(db: Db, rootId: number, startedAt: string): number {
  return db.transaction(() => {
    db.prepare(`UPDATE scans SET outcome = 'interrupted' WHERE root_id = ? AND finished_at IS NULL AND (outcome IS NULL OR outcome = 'running') AND heartbeat_at < ?`)
      .run(rootId, new Date(Date.parse(startedAt) - SILENT_AFTER_MS).toISOString());
    return db
      .prepare(`INSERT INTO scans (root_id, started_at, outcome, heartbeat_at) VALUES (?, ?, 'running', ?)`)
      .run(rootId, startedAt, startedAt).lastInsertRowid as number;
  })();
}

export function scanHeartbeat(db: Db, scanId: number): void {
  db.prepare('UPDATE scans SET heartbeat_at = ? WHERE id = ?').run(new Date().toISOString(), scanId);
}

export function finishScan(db: Db, scanId: number, outcome: Exclude<ScanOutcome, 'running'>, problem: string | null): void {
  db.prepare('UPDATE scans SET finished_at = ?, outcome = ?, problem = ? WHERE id = ?').run(new Date().toISOString(), outcome, problem, scanId);
}

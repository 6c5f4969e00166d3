/**
 * The log of pack exports: one row per export, written when it ends (done, failed or cancelled).
 */
import type { PackLogEntry } from '../../shared/pack.ts';
import type { Db } from './database.ts';

export interface ExportRecord {
  at: string;
  user: string;
  destination: string;
  frameworkId: string;
  judgementIds: string[];
  statuses: string[];
  include: string[];
  audience: string;
  outcome: PackLogEntry['outcome'];
  evidence: number;
  files: number;
  bytes: number;
  seconds: number;
  message: string | null;
}

export function recordExport(db: Db, r: ExportRecord): void {
  const options = JSON.stringify({ frameworkId: r.frameworkId, judgementIds: r.judgementIds, statuses: r.statuses, include: r.include, audience: r.audience });
  db.prepare(
    'INSERT INTO pack_exports (at, user, destination, options, outcome, evidence, files, bytes, seconds, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(r.at, r.user, r.destination, options, r.outcome, r.evidence, r.files, r.bytes, r.seconds, r.message);
}

export function listExports(db: Db): PackLogEntry[] {
  const rows = db.prepare('SELECT * FROM pack_exports ORDER BY at DESC, id DESC').all() as {
    id: number; at: string; user: string; destination: string; options: string; outcome: PackLogEntry['outcome'];
    evidence: number; files: number; bytes: number; seconds: number; message: string | null;
  }[];
  return rows.map((row) => {
    const o = JSON.parse(row.options) as Pick<ExportRecord, 'frameworkId' | 'judgementIds' | 'statuses' | 'include' | 'audience'>;
    return {
      id: row.id, at: row.at, user: row.user, destination: row.destination, outcome: row.outcome, evidence: row.evidence, files: row.files,
      bytes: row.bytes, seconds: row.seconds, message: row.message,
      frameworkId: o.frameworkId, judgementIds: o.judgementIds, statuses: o.statuses, include: o.include, audience: o.audience,
    };
  });
}

/**
 * The folders the user asked us to index ("roots"), with their counts.
 */
import { basename, resolve, sep } from 'node:path';
import type { Db } from './database.ts';
import type { Root } from '../../shared/contract.ts';
import { lastScanOf, type ScanRow } from './scans.ts';

interface RootRow {
  id: number;
  path: string;
  label: string;
  added_at: string;
  last_scan_at: string | null;
  state: 'online' | 'offline';
}

const COUNTS = `
  SELECT r.*,
    (SELECT COUNT(DISTINCT f.document_id) FROM files f WHERE f.root_id = r.id AND f.missing = 0 AND f.status = 'indexed') AS documents,
    (SELECT COUNT(*) FROM files f WHERE f.root_id = r.id AND f.missing = 0 AND f.status = 'failed') AS failed,
    (SELECT COUNT(*) FROM files f WHERE f.root_id = r.id AND f.missing = 0 AND f.status = 'unsupported') AS unsupported,
    (SELECT json_object('outcome', s.outcome, 'started_at', s.started_at, 'finished_at', s.finished_at, 'problem', s.problem, 'heartbeat_at', s.heartbeat_at)
       FROM scans s WHERE s.root_id = r.id ORDER BY s.id DESC LIMIT 1) AS last_scan
  FROM roots r`;

function toRoot(row: RootRow & { documents: number; failed: number; unsupported: number; last_scan: string | null }): Root {
  return {
    id: row.id,
    path: row.path,
    label: row.label,
    addedAt: row.added_at,
    lastScannedAt: row.last_scan_at,
    state: row.state,
    documents: row.documents,
    failed: row.failed,
    unsupported: row.unsupported,
    lastScan: row.last_scan ? lastScanOf(JSON.parse(row.last_scan) as ScanRow) : null,
  };
}

export function listRoots(db: Db): Root[] {
  return (db.prepare(`${COUNTS} ORDER BY r.label COLLATE NOCASE, r.id`).all() as Parameters<typeof toRoot>[0][]).map(toRoot);
}

export function getRoot(db: Db, id: number): Root | null {
  const row = db.prepare(`${COUNTS} WHERE r.id = ?`).get(id) as Parameters<typeof toRoot>[0] | undefined;
  return row ? toRoot(row) : null;
}

/** Windows paths compare without case; elsewhere exactly. */
function samePathKey(p: string): string {
  return process.platform === 'win32' ? p.toLowerCase() : p;
}

function isInside(child: string, parent: string): boolean {
  const c = samePathKey(child);
  const p = samePathKey(parent.endsWith(sep) ? parent : parent + sep);
  return c.startsWith(p);
}

/** The library folder a path is in (or is), if any. */
export function rootHolding(db: Db, rawPath: string): string | null {
  const path = resolve(rawPath);
  const roots = db.prepare('SELECT path FROM roots').pluck().all() as string[];
  return roots.find((root) => samePathKey(root) === samePathKey(path) || isInside(path, root)) ?? null;
}

export class RootConflict extends Error {}

/** Adds a root. Refuses one inside, or containing, a root already indexed (a file would belong to two). */
export function addRoot(db: Db, rawPath: string): Root {
  const path = resolve(rawPath);
  for (const existing of db.prepare('SELECT path, label FROM roots').all() as { path: string; label: string }[]) {
    if (samePathKey(existing.path) === samePathKey(path)) throw new RootConflict(`“${path}” is already in the library.`);
    if (isInside(path, existing.path)) {
      throw new RootConflict(`“${path}” is inside “${existing.path}”, which is already indexed with everything in it.`);
    }
    if (isInside(existing.path, path)) {
      throw new RootConflict(`“${path}” contains “${existing.path}”, which is already indexed. Remove that one first, then add this folder.`);
    }
  }
  const label = basename(path) || path;
  const id = db
    .prepare(`INSERT INTO roots (path, label, added_at) VALUES (?, ?, ?)`)
    .run(path, label, new Date().toISOString()).lastInsertRowid as number;
  return getRoot(db, id)!;
}

/** Forgets a root and what was indexed under it. Files on disk are never touched. */
export function removeRoot(db: Db, id: number): boolean {
  return db.transaction(() => {
    const changes = db.prepare('DELETE FROM roots WHERE id = ?').run(id).changes;
    // Documents no file points at any more go too (with their pages and index entries), unless the
    // group made them evidence: that record stays, showing its file as missing.
    db.prepare(
      `DELETE FROM documents WHERE NOT EXISTS (SELECT 1 FROM files f WHERE f.document_id = documents.id)
         AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.document_id = documents.id)`,
    ).run();
    return changes > 0;
  })();
}

export function setRootState(db: Db, id: number, state: 'online' | 'offline'): void {
  db.prepare('UPDATE roots SET state = ? WHERE id = ?').run(state, id);
}

export function markRootScanned(db: Db, id: number, at: string): void {
  db.prepare('UPDATE roots SET last_scan_at = ?, state = ? WHERE id = ?').run(at, 'online', id);
}

/**
 * The files that could not be indexed, and documents indexed with no text (scans), for the
 * failures list.
 */
import type { Db } from './database.ts';
import { fileByPath } from './documents.ts';
import { getRoot, rootHolding } from './roots.ts';

export interface FailureRow {
  path: string;
  rootId: number;
  format: string;
  status: 'failed' | 'unsupported' | 'warning';
  /** The failure reason, 'unsupported', or 'no-text' for a scan with no text layer. */
  reason: string;
  detail: string;
  at: string;
}

export function listFailures(db: Db, rootId?: number): FailureRow[] {
  const rows = db
    .prepare(
      `SELECT f.path, f.root_id, f.status, f.reason, f.detail, f.updated_at, d.format
       FROM files f LEFT JOIN documents d ON d.id = f.document_id
       WHERE f.missing = 0 AND (? IS NULL OR f.root_id = ?)
         AND (f.status IN ('failed', 'unsupported') OR (d.status = 'indexed' AND d.text_chars = 0))
       ORDER BY f.status, f.reason, f.path`,
    )
    .all(rootId ?? null, rootId ?? null) as {
    path: string; root_id: number; status: string; reason: string | null; detail: string | null; updated_at: string; format: string | null;
  }[];
  return rows.map((r) => {
    const warning = r.status === 'indexed';
    return {
      path: r.path,
      rootId: r.root_id,
      format: r.format ?? 'unknown',
      status: warning ? 'warning' : (r.status as 'failed' | 'unsupported'),
      reason: warning ? 'no-text' : r.status === 'unsupported' ? 'unsupported' : (r.reason ?? 'corrupt'),
      detail: r.detail ?? '',
      at: r.updated_at,
    };
  });
}


/**
 * A file the library holds (seen in its last scan), inside one of its folders: the only paths the
 * failures list may show in a folder or read again. Anything else (a path typed into a crafted
 * call, a file of a removed folder) is null.
 */
export function libraryFile(db: Db, rawPath: string): { path: string; rootId: number } | null {
  const file = fileByPath(db, rawPath);
  if (!file || file.missing) return null;
  const root = getRoot(db, file.root_id);
  if (!root || rootHolding(db, file.path) !== root.path) return null;
  return { path: file.path, rootId: root.id };
}

/** The record of every change to evidence and tags: what, when, and by whom. */
import type { Db } from '../store/database.ts';
import type { HistoryEntry } from '../../shared/contract.ts';

export function record(db: Db, user: string, action: string, ids: { evidenceId?: number | null; documentId?: number | null }, detail: Record<string, unknown> = {}): void {
  db.prepare('INSERT INTO history (at, user, evidence_id, document_id, action, detail) VALUES (?, ?, ?, ?, ?, ?)').run(
    new Date().toISOString(), user, ids.evidenceId ?? null, ids.documentId ?? null, action, JSON.stringify(detail),
  );
}

export function listHistory(db: Db, filter: { evidenceId?: number; limit?: number } = {}): HistoryEntry[] {
  const rows = db
    .prepare(
      `SELECT at, user, evidence_id, document_id, action, detail FROM history
       WHERE (? IS NULL OR evidence_id = ?) ORDER BY id DESC LIMIT ?`,
    )
    .all(filter.evidenceId ?? null, filter.evidenceId ?? null, filter.limit ?? 500) as {
    at: string; user: string; evidence_id: number | null; document_id: number | null; action: string; detail: string;
  }[];
  return rows.map((r) => ({
    at: r.at, user: r.user, evidenceId: r.evidence_id, documentId: r.document_id, action: r.action, detail: JSON.parse(r.detail),
  }));
}

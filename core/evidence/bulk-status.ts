/**
 * The status of many evidence items changed at once (the Evidence area's "Set status…" and its
 * undo): one transaction, so either every item changes or none does, and each change recorded in
 * the item's history exactly as a save from the evidence panel records it.
 */
import type { Db } from '../store/database.ts';
import type { EvidenceStatusName } from '../../shared/evidence.ts';
import { record } from './history.ts';

export interface StatusChange {
  evidenceId: number;
  status: EvidenceStatusName;
}

/** Some of the items asked for do not exist (deleted since the table was shown): nothing was changed. */
export class MissingEvidence extends Error {
  readonly evidenceIds: number[];
  constructor(evidenceIds: number[]) {
    super(`${evidenceIds.length === 1 ? 'An evidence item' : `${evidenceIds.length} evidence items`} no longer exist${evidenceIds.length === 1 ? 's' : ''}.`);
    this.evidenceIds = evidenceIds;
  }
}

/** Sets each item's status; answers the items whose status changed, with what it was. */
export function setStatuses(db: Db, changes: StatusChange[], user: string): { evidenceId: number; from: EvidenceStatusName; to: EvidenceStatusName }[] {
  return db.transaction(() => {
    const read = db.prepare('SELECT document_id, status FROM evidence WHERE id = ?');
    const update = db.prepare('UPDATE evidence SET status = ?, updated_at = ? WHERE id = ?');
    const now = new Date().toISOString();
    const missing: number[] = [];
    const changed: { evidenceId: number; from: EvidenceStatusName; to: EvidenceStatusName }[] = [];
    for (const { evidenceId, status } of changes) {
      const row = read.get(evidenceId) as { document_id: number; status: EvidenceStatusName } | undefined;
      if (!row) {
        missing.push(evidenceId);
        continue;
      }
      if (row.status === status) continue;
      update.run(status, now, evidenceId);
      record(db, user, 'updated', { evidenceId, documentId: row.document_id }, { status: { from: row.status, to: status } });
      changed.push({ evidenceId, from: row.status, to: status });
    }
    // Thrown inside the transaction: it rolls back whatever was changed before the missing one.
    if (missing.length) throw new MissingEvidence(missing);
    return changed;
  })();
}

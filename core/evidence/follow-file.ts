/**
 * When a file's content changes, its path now holds a new document. Evidence made from the old
 * content follows the file (it is the same report, edited), unless another copy of the old
 * content is still on disk, in which case the evidence stays with that copy.
 */
import type { Db } from '../store/database.ts';
import { record } from './history.ts';
import { currentUser } from './user.ts';

export function followFileToNewContent(db: Db, oldDocumentId: number, newDocumentId: number, path: string): void {
  const evidence = db.prepare('SELECT id FROM evidence WHERE document_id = ?').pluck().get(oldDocumentId) as number | undefined;
  if (evidence === undefined) return;
  const otherCopies = db.prepare('SELECT COUNT(*) FROM files WHERE document_id = ? AND missing = 0').pluck().get(oldDocumentId) as number;
  if (otherCopies > 0) return;
  const alreadyEvidence = db.prepare('SELECT id FROM evidence WHERE document_id = ?').pluck().get(newDocumentId) as number | undefined;
  if (alreadyEvidence !== undefined) return;
  db.prepare('UPDATE evidence SET document_id = ? WHERE id = ?').run(newDocumentId, evidence);
  record(db, currentUser(), 'file changed', { evidenceId: evidence, documentId: newDocumentId }, { path, previousDocumentId: oldDocumentId });
}

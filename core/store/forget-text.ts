/**
 * "Remove folder and forget its text": the folder leaves the library, and the text read from its
 * documents leaves the index file.
 *
 * Removing a folder (roots.ts removeRoot) already deletes the documents no other file holds, with
 * their pages, except those made evidence: the evidence record is the group's work, so it stays.
 * Forgetting goes further for those: their pages (the text, and with them the FTS5 entries, through
 * the pages_ad trigger, which is how an external-content FTS5 table stays consistent) and the title
 * and author read from the file are deleted too. The evidence item keeps its own title, summary and
 * tags, and behaves as when its file has gone missing (which it has, for the app): a user expects
 * "forget the text" to leave their filing alone, and a rescan of the folder, if it is added back,
 * reads the text again (text_forgotten_at tells the indexer to).
 *
 * A document another folder of the library still holds keeps its text: it is that folder's too.
 *
 * Deleted rows leave their bytes in free pages and in FTS5's old segments until they are reused;
 * compactIndex (compact.ts) clears them.
 */
import type { Db } from './database.ts';

export interface ForgetResult {
  /** Documents of the folder whose text left the index (deleted outright, or kept as evidence without text). */
  documents: number;
  /** Of those, evidence items kept without their text. */
  evidenceKept: number;
}

export function removeRootForgettingText(db: Db, rootId: number, now = new Date().toISOString()): ForgetResult | null {
  // Freed pages are overwritten with zeros as they are freed: the text is gone from the file even
  // before the compaction runs (or if it is interrupted).
  const before = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    return db.transaction(() => {
      const only = db
        .prepare(
          `SELECT DISTINCT f.document_id FROM files f WHERE f.root_id = ? AND f.document_id IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM files o WHERE o.document_id = f.document_id AND o.root_id <> ?)`,
        )
        .pluck()
        .all(rootId, rootId) as number[];
      if (db.prepare('DELETE FROM roots WHERE id = ?').run(rootId).changes === 0) return null;
      db.prepare(
        `DELETE FROM documents WHERE NOT EXISTS (SELECT 1 FROM files f WHERE f.document_id = documents.id)
           AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.document_id = documents.id)`,
      ).run();
      const deletePages = db.prepare('DELETE FROM pages WHERE document_id = ?');
      const forget = db.prepare(
        `UPDATE documents SET title = NULL, author = NULL, page_count = 0, text_chars = 0, text_forgotten_at = ?
           WHERE id = ? AND EXISTS (SELECT 1 FROM evidence e WHERE e.document_id = documents.id)`,
      );
      let evidenceKept = 0;
      for (const id of only) {
        deletePages.run(id);
        evidenceKept += forget.run(now, id).changes;
      }
      return { documents: only.length, evidenceKept };
    })();
  } finally {
    db.pragma(`secure_delete = ${before ? 'ON' : 'OFF'}`);
  }
}

/** Whether a document's text was forgotten (it is read again when its content is seen in a scan). */
export function textForgotten(db: Db, documentId: number): boolean {
  return db.prepare('SELECT text_forgotten_at IS NOT NULL FROM documents WHERE id = ?').pluck().get(documentId) === 1;
}

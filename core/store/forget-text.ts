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

/**
 * The documents whose text forgetting the folder removes: those of its files that no file of
 * another folder also holds. Null when the folder is not in the library.
 */
export function documentsOnlyIn(db: Db, rootId: number): number[] | null {
  if (!db.prepare('SELECT 1 FROM roots WHERE id = ?').get(rootId)) return null;
  return db
    .prepare(
      `SELECT DISTINCT f.document_id FROM files f WHERE f.root_id = ? AND f.document_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM files o WHERE o.document_id = f.document_id AND o.root_id <> ?)
       ORDER BY f.document_id`,
    )
    .pluck()
    .all(rootId, rootId) as number[];
}

/**
 * Deletes these documents' text (their pages, and through the pages_ad trigger their FTS5 entries)
 * and what was read from their files (title, author), in one transaction: the caller goes batch by
 * batch, so the app answers searches in between. Each is marked text_forgotten_at, so if the
 * removal stops before the folder goes (the app closed), a scan reads them again rather than
 * keeping documents without text.
 */
export function forgetTextOf(db: Db, documentIds: readonly number[], now = new Date().toISOString()): void {
  wipingFreedPages(db, () => {
    const deletePages = db.prepare('DELETE FROM pages WHERE document_id = ?');
    const forget = db.prepare('UPDATE documents SET title = NULL, author = NULL, page_count = 0, text_chars = 0, text_forgotten_at = ? WHERE id = ?');
    for (const id of documentIds) {
      deletePages.run(id);
      forget.run(now, id);
    }
  });
}

/**
 * Takes the folder out of the library once its documents' text is forgotten (forgetTextOf): its
 * file rows go, and so do the documents no file holds any more unless they were made evidence.
 * `documentIds` are the documents forgotten (documentsOnlyIn); null when the folder had gone.
 */
export function removeForgottenRoot(db: Db, rootId: number, documentIds: readonly number[]): ForgetResult | null {
  return wipingFreedPages(db, () => {
    if (db.prepare('DELETE FROM roots WHERE id = ?').run(rootId).changes === 0) return null;
    db.prepare(
      `DELETE FROM documents WHERE NOT EXISTS (SELECT 1 FROM files f WHERE f.document_id = documents.id)
         AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.document_id = documents.id)`,
    ).run();
    const stillThere = db.prepare('SELECT 1 FROM documents WHERE id = ?');
    const evidenceKept = documentIds.filter((id) => stillThere.get(id) !== undefined).length;
    return { documents: documentIds.length, evidenceKept };
  });
}

/**
 * Runs `work` in a transaction with freed pages overwritten with zeros as they are freed: the text
 * is gone from the file even before the compaction runs (or if it is interrupted).
 */
function wipingFreedPages<T>(db: Db, work: () => T): T {
  const before = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    return db.transaction(work)();
  } finally {
    db.pragma(`secure_delete = ${before ? 'ON' : 'OFF'}`);
  }
}

/**
 * The documents whose text was forgotten and that have not been read again (a removal cut short,
 * or a folder added back): a rescan reads their files again even when they have not changed.
 * Usually none; read once per scan (no index on the column: a scan of documents, milliseconds).
 */
export function documentsWithForgottenText(db: Db): Set<number> {
  return new Set(db.prepare('SELECT id FROM documents WHERE text_forgotten_at IS NOT NULL').pluck().all() as number[]);
}

/** Whether a document's text was forgotten (it is read again when its content is seen in a scan). */
export function textForgotten(db: Db, documentId: number): boolean {
  return db.prepare('SELECT text_forgotten_at IS NOT NULL FROM documents WHERE id = ?').pluck().get(documentId) === 1;
}

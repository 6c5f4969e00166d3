/**
 * Counts over the whole library, for `status`, the status bar and the Library. Each count is
 * defined here once; the UI shows these numbers rather than adding up its own.
 */
import type { Db } from './database.ts';

/** The whole library in numbers. Files are counted where they are now (a missing file is counted only as missing). */
export interface LibraryCounts {
  /**
   * Documents a search can find: distinct content (a file copied to two folders is one document),
   * read, with at least one file present. What "All documents (N)" in search counts.
   */
  documents: number;
  /** Pages of those documents. */
  pages: number;
  /** Files present in the library's folders. */
  files: number;
  /** Files not found at the last scan (kept, not searched). */
  missing: number;
  /** Files present that could not be read ("25 files could not be read"). */
  failed: number;
  /** Files present of a kind not indexed yet. */
  unsupported: number;
  /** Files present that were read but hold no text (scans without a text layer). */
  noText: number;
  /** Every file the failures list shows: failed + unsupported + noText ("29 files need attention"). */
  needsAttention: number;
}

export function libraryCounts(db: Db): LibraryCounts {
  const row = db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM documents d WHERE d.status = 'indexed'
                 AND EXISTS (SELECT 1 FROM files f WHERE f.document_id = d.id AND f.missing = 0)) AS documents,
              (SELECT COUNT(*) FROM pages p JOIN documents d ON d.id = p.document_id WHERE d.status = 'indexed'
                 AND EXISTS (SELECT 1 FROM files f WHERE f.document_id = d.id AND f.missing = 0)) AS pages,
              (SELECT COUNT(*) FROM files WHERE missing = 0) AS files,
              (SELECT COUNT(*) FROM files WHERE missing = 1) AS missing,
              (SELECT COUNT(*) FROM files WHERE missing = 0 AND status = 'failed') AS failed,
              (SELECT COUNT(*) FROM files WHERE missing = 0 AND status = 'unsupported') AS unsupported,
              (SELECT COUNT(*) FROM files f JOIN documents d ON d.id = f.document_id
                 WHERE f.missing = 0 AND f.status = 'indexed' AND d.status = 'indexed' AND d.text_chars = 0) AS noText`,
    )
    .get() as Omit<LibraryCounts, 'needsAttention'>;
  return { ...row, needsAttention: row.failed + row.unsupported + row.noText };
}

/**
 * Counts over the whole library, for `status` and the status bar.
 */
import type { Db } from './database.ts';

/** The whole library in numbers. */
export function libraryCounts(db: Db): { documents: number; pages: number; files: number; missing: number; failed: number; unsupported: number } {
  return db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM documents WHERE status = 'indexed') AS documents,
              (SELECT COUNT(*) FROM pages) AS pages,
              (SELECT COUNT(*) FROM files WHERE missing = 0) AS files,
              (SELECT COUNT(*) FROM files WHERE missing = 1) AS missing,
              (SELECT COUNT(*) FROM files WHERE missing = 0 AND status = 'failed') AS failed,
              (SELECT COUNT(*) FROM files WHERE missing = 0 AND status = 'unsupported') AS unsupported`,
    )
    .get() as { documents: number; pages: number; files: number; missing: number; failed: number; unsupported: number };
}

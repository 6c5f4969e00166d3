import { openDatabase } from '../../core/store/database.ts';
import { listRoots } from '../../core/store/roots.ts';

export async function runStatus(options: { databasePath: string; json: boolean }): Promise<number> {
  const db = openDatabase(options.databasePath);
  try {
    const roots = listRoots(db);
    const counts = db
      .prepare(
        `SELECT (SELECT COUNT(*) FROM documents WHERE status = 'indexed') AS documents,
                (SELECT COUNT(*) FROM pages) AS pages,
                (SELECT COUNT(*) FROM files WHERE missing = 0) AS files,
                (SELECT COUNT(*) FROM files WHERE missing = 1) AS missing,
                (SELECT COUNT(*) FROM files WHERE missing = 0 AND status = 'failed') AS failed,
                (SELECT COUNT(*) FROM files WHERE missing = 0 AND status = 'unsupported') AS unsupported`,
      )
      .get() as Record<string, number>;
    if (options.json) {
      console.log(JSON.stringify({ database: options.databasePath, ...counts, roots }));
      return 0;
    }
    console.log(`Index: ${options.databasePath}`);
    console.log(`${counts.documents} documents (${counts.pages} pages) in ${counts.files} files; ${counts.failed} failed, ${counts.unsupported} unsupported, ${counts.missing} missing`);
    if (!roots.length) console.log('No folders yet: evidence-store index <folder>');
    for (const r of roots) {
      console.log(`  ${r.state === 'offline' ? 'OFFLINE ' : ''}${r.path}: ${r.documents} documents, ${r.failed} failed, last scanned ${r.lastScannedAt ?? 'never'}`);
    }
    return 0;
  } finally {
    db.close();
  }
}

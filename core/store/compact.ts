/**
 * Compacting the index so deleted text is not left on disk: FTS5 keeps a deleted row's words in its
 * older segments until they are merged ('optimize' merges them all, dropping what was deleted), and
 * SQLite keeps deleted rows' bytes in free pages. VACUUM rewrites the file with neither, and a
 * TRUNCATE checkpoint empties the -wal file (which would otherwise keep old copies of pages).
 *
 * On a big index this takes seconds to minutes and blocks whatever connection runs it, so a file
 * index is compacted in a worker thread with its own connection: the app goes on answering (reads
 * see the index as it was until the VACUUM commits). VACUUM's scratch copy stays in memory
 * (temp_store = MEMORY, set by openDatabase): it holds the index's text, which must not be
 * written to the operating system's temp folder.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { keyOf, type Db } from './database.ts';

// From .ts sources (Node type stripping) the worker is compact-worker.ts; from tsc output, compact-worker.js.
const WORKER_URL = new URL('./compact-worker' + extname(fileURLToPath(import.meta.url)), import.meta.url);

/** The compaction itself, on a connection (the worker's, or the main one for an index in memory). */
export function compactNow(db: Db): void {
  db.prepare("INSERT INTO pages_fts(pages_fts) VALUES ('optimize')").run();
  db.prepare("INSERT INTO pages_sub(pages_sub) VALUES ('optimize')").run();
  db.exec('VACUUM');
  if (!db.memory) emptyWal(db);
}

/** Tries of the TRUNCATE checkpoint, each waiting up to the busy timeout for readers to finish. */
const CHECKPOINT_TRIES = 5;

/**
 * The checkpoint waits for searches still reading older copies of pages (search goes on during a
 * removal); it does not fail when they outlast the busy timeout, it reports busy and leaves the
 * -wal as it was, with old copies of the forgotten text in it. So it is tried again, and a -wal it
 * could not empty is an error rather than a silent "done".
 */
function emptyWal(db: Db): void {
  for (let i = 0; i < CHECKPOINT_TRIES; i++) {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (!result?.busy) return;
  }
  throw new Error('The index was compacted, but its journal (the -wal file) could not be emptied while it was in use. Close Evidence Store and open it again: that empties it.');
}

/** Compacts the index `db` is open on; for a file, in a worker, resolving when it is done. */
export function compactIndex(db: Db): Promise<void> {
  if (db.memory) {
    compactNow(db);
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, {
      execArgv: process.execArgv.filter((arg) => !arg.startsWith('--input-type')),
      // An encrypted index: the worker's connection needs the same key.
      workerData: { databasePath: db.name, key: keyOf(db) },
    });
    let settled = false;
    worker.on('message', (message: { ok: true } | { ok: false; message: string }) => {
      settled = true;
      if (message.ok) resolve();
      else reject(new Error(message.message));
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`The compaction stopped unexpectedly (exit code ${code}).`));
    });
  });
}

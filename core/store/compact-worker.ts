/** compact.ts's worker: its own connection to the index, compacts it, says how it went, and closes. */
import { parentPort, workerData } from 'node:worker_threads';
import type { StoreKey } from './cipher.ts';
import { openDatabase } from './database.ts';
import { compactNow } from './compact.ts';

const { databasePath, key } = workerData as { databasePath: string; key?: StoreKey };
try {
  const db = openDatabase(databasePath, { key });
  try {
    compactNow(db);
  } finally {
    db.close();
  }
  parentPort!.postMessage({ ok: true });
} catch (error) {
  parentPort!.postMessage({ ok: false, message: (error as Error).message });
}

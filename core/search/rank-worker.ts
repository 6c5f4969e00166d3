/**
 * A ranking worker (see rank-workers.ts): its own read-only connection to the index, answering
 * "the best rows of this query among pages whose ids fall in this range".
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { StoreKey } from '../store/cipher.ts';
import { openDatabase } from '../store/database.ts';
import { RANK_SQL_IN_RANGE, type RankRequest, type RankReply } from './ranking.ts';

const { databasePath, key } = workerData as { databasePath: string; key?: StoreKey };
const db = openDatabase(databasePath, { readonly: true, key });
const ranked = db.prepare(RANK_SQL_IN_RANGE).raw();

parentPort!.on('message', (request: RankRequest) => {
  let reply: RankReply;
  try {
    // Rowids as BigInt: FTS5 ignores a rowid bound that is not an INTEGER (ranking.ts).
    const rows = ranked.all(request.match, BigInt(request.from), BigInt(request.to), request.rows + 1) as [number, number][];
    reply = { id: request.id, rows: rows.slice(0, request.rows), exhausted: rows.length <= request.rows };
  } catch (error) {
    reply = { id: request.id, error: (error as Error).message };
  }
  parentPort!.postMessage(reply);
});

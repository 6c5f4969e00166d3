/**
 * A ranking worker (see rank-workers.ts): its own read-only connection to the index, answering
 * "the best rows of this query among pages whose ids fall in this range".
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { StoreKey } from '../store/cipher.ts';
import { openDatabase } from '../store/database.ts';
import { rankedRows, type RankRequest, type RankReply } from './ranking.ts';

const { databasePath, key } = workerData as { databasePath: string; key?: StoreKey };
const db = openDatabase(databasePath, { readonly: true, key });

parentPort!.on('message', (request: RankRequest) => {
  let reply: RankReply;
  try {
    reply = { id: request.id, ...rankedRows(db, request.match, request, request.rows) };
  } catch (error) {
    reply = { id: request.id, error: (error as Error).message };
  }
  parentPort!.postMessage(reply);
});

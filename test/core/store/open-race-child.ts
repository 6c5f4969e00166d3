/**
 * One of the processes in open-race.test.ts (run by Node directly, not by Vitest): for each round
 * it is sent, it says it is ready, waits for the start file to appear, opens the database like an
 * app starting up, and reports how that went.
 */
import { existsSync } from 'node:fs';
import { openDatabase } from '../../../core/store/database.ts';

export interface Round {
  db: string;
  start: string;
}
export type Report = { ready: true } | { ok: true } | { ok: false; code: string; kind: string; message: string };

const pause = new Int32Array(new SharedArrayBuffer(4));
const send = (report: Report) => process.send!(report);

process.on('message', ({ db, start }: Round) => {
  send({ ready: true });
  // Poll every millisecond rather than wait for a message: the three processes then start within
  // about a millisecond of each other, instead of one message-delivery apart.
  while (!existsSync(start)) Atomics.wait(pause, 0, 0, 1);
  try {
    openDatabase(db).close();
    send({ ok: true });
  } catch (error) {
    const e = error as { code?: string; kind?: string; message: string };
    send({ ok: false, code: e.code ?? '', kind: e.kind ?? '', message: e.message });
  }
});

/**
 * Three processes (the desktop app, browser mode and a CLI command, say) opening the same new
 * index at the same moment. Before opening ran its migrations in one IMMEDIATE transaction and
 * retried the WAL switch, 57 to 60 rounds in 60 failed here with "table roots already exists"
 * (or "database is locked").
 */
import { describe, expect, it } from 'vitest';
import { fork, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { migrations } from '../../../core/store/migrations.ts';
import { openDatabase } from '../../../core/store/database.ts';
import { tempDir } from '../../helpers/temp.ts';
import { whenDone } from '../../helpers/cleanup.ts';
import type { Report, Round } from './open-race-child.ts';

const CHILD = fileURLToPath(new URL('./open-race-child.ts', import.meta.url));
const PROCESSES = 3;
// The rarer failure, the WAL switch refused at once as a possible deadlock, hit 2 to 5 rounds in
// 60 when the retry was taken out; 80 rounds (2 to 3 s on an idle 2-core machine) catch that about
// 98% of the time, and the migration race every time.
const ROUNDS = 80;

function startProcess(): ChildProcess {
  // Vitest's process.execPath is the project's Node 24 (better-sqlite3 13 needs it); no Vitest flags.
  const child = fork(CHILD, [], { execPath: process.execPath, execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  whenDone(() => child.kill());
  return child;
}

function nextReport(child: ChildProcess): Promise<Report> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`a racing process exited early (code ${code})`));
    child.once('exit', onExit);
    child.once('message', (report: Report) => {
      child.off('exit', onExit);
      resolve(report);
    });
  });
}

/** Each table, index and trigger of a freshly made index, to compare the raced ones with. */
function schemaOf(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT type || \' \' || name FROM sqlite_master ORDER BY name').pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe('three processes opening one new index at the same moment', () => {
  it('all open it and find the same complete schema, every round', async () => {
    const dir = tempDir();
    openDatabase(join(dir, 'reference.db')).close();
    const expected = schemaOf(join(dir, 'reference.db'));
    const children = Array.from({ length: PROCESSES }, startProcess);

    const failures: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const message: Round = { db: join(dir, `round-${round}.db`), start: join(dir, `start-${round}`) };
      const ready = children.map(nextReport);
      for (const child of children) child.send(message);
      await Promise.all(ready);
      const outcomes = children.map(nextReport);
      writeFileSync(message.start, '');
      for (const report of await Promise.all(outcomes)) {
        if ('ok' in report && !report.ok) failures.push(`round ${round}: ${report.code} ${report.message}`);
      }
    }
    for (const child of children) child.disconnect();

    expect(failures).toEqual([]);
    for (let round = 0; round < ROUNDS; round++) {
      const file = join(dir, `round-${round}.db`);
      const db = new Database(file, { readonly: true });
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      db.close();
      expect(schemaOf(file)).toEqual(expected);
    }
  });
});

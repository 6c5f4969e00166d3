import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { tempDir } from '../../helpers/temp.ts';
import { whenDone } from '../../helpers/cleanup.ts';
import { testDatabase } from '../../helpers/core.ts';

const BIN = fileURLToPath(new URL('../../../cli/bin.js', import.meta.url));
const FILES = 400;

/** Enough files that a scan takes a while, each with a word only it holds. */
function bigFolder(dir: string): string {
  const root = join(dir, 'Evidence');
  for (let i = 0; i < FILES; i++) {
    const sub = join(root, `team-${i % 10}`);
    mkdirSync(sub, { recursive: true });
    const body = `Report ${i} uniqueword${i}. ` + 'Supervision and management oversight of practice. '.repeat(400);
    writeFileSync(join(sub, `report-${i}.txt`), body);
  }
  return root;
}

function countRows(dbFile: string): number {
  try {
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT COUNT(*) FROM files').pluck().get() as number;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

describe('a scan killed with SIGKILL', () => {
  it('leaves an index that opens, shows no half-indexed document, and finishes on the next run', async () => {
    const dir = tempDir();
    const root = bigFolder(dir);
    const dbFile = join(dir, 'index.db');

    const child = spawn(process.execPath, [BIN, 'index', root, '--db', dbFile, '--json', '--workers', '1'], { stdio: 'ignore' });
    const exited = new Promise((r) => child.on('exit', r));
    // Should the test stop early, the scan must not go on writing into a folder being removed.
    whenDone(async () => {
      child.kill('SIGKILL');
      await exited;
    });
    // Kill it part-way: once some files are stored, and well before all are.
    const deadline = Date.now() + 60_000;
    let seen = 0;
    while (Date.now() < deadline) {
      seen = countRows(dbFile);
      if (seen >= 20) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    await exited;
    expect(seen).toBeGreaterThanOrEqual(20);

    const db = testDatabase(dbFile);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = db.prepare('SELECT COUNT(*) FROM files').pluck().get() as number;
    expect(stored).toBeLessThan(FILES);
    // Every stored file points at a complete document: its pages are there and indexed.
    const orphans = db
      .prepare(`SELECT COUNT(*) FROM files f LEFT JOIN pages p ON p.document_id = f.document_id WHERE f.status = 'indexed' AND p.id IS NULL`)
      .pluck()
      .get();
    expect(orphans).toBe(0);
    expect(() => db.prepare(`INSERT INTO pages_fts(pages_fts, rank) VALUES ('integrity-check', 1)`).run()).not.toThrow();
    db.close();

    const again = spawnSync(process.execPath, [BIN, 'index', root, '--db', dbFile, '--json'], { encoding: 'utf8', timeout: 120_000 });
    expect(again.status).toBe(0);
    const summary = JSON.parse(again.stdout);
    expect(summary.files).toBe(FILES);
    // The run continues where the killed one stopped: what was stored is not read again.
    expect(summary.unchanged).toBe(stored);
    expect(summary.indexed).toBe(FILES - stored);

    const after = testDatabase(dbFile);
    expect(after.prepare('SELECT COUNT(*) FROM files').pluck().get()).toBe(FILES);
    expect(after.prepare('SELECT COUNT(DISTINCT path) FROM files').pluck().get()).toBe(FILES);
    expect(after.prepare(`SELECT COUNT(*) FROM pages_fts WHERE pages_fts MATCH 'uniqueword7'`).pluck().get()).toBe(1);
    after.close();
  }, 180_000);
});

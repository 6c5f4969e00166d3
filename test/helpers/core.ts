import { join } from 'node:path';
import { openCore, type Core, type CoreOptions } from '../../core/core.ts';
import { openDatabase, type Db, type OpenOptions } from '../../core/store/database.ts';
import type { Host } from '../../core/api/handlers.ts';
import { whenDone } from './cleanup.ts';

/**
 * A real core (SQLite file, worker pool) in a temp folder, closed when the test ends. Call it after
 * tempDir(), so the core is closed before its folder is removed.
 */
export function testCore(dir: string, overrides: Partial<CoreOptions> = { workers: 2, timeoutMs: 30_000 }): Core {
  const core = openCore({ databasePath: join(dir, 'index.db'), ...overrides });
  whenDone(() => core.close());
  return core;
}

/** openDatabase, closed when the test ends (closing twice is harmless). */
export function testDatabase(file: string, options?: OpenOptions): Db {
  const db = openDatabase(file, options);
  whenDone(() => db.close());
  return db;
}

export const testHost: Host = {
  mode: 'browser',
  version: '0.0.0-test',
  databasePath: ':test:',
  openPath: async () => {},
  revealPath: async () => {},
  pickFolder: null,
};

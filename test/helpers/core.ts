import { afterEach } from 'vitest';
import { join } from 'node:path';
import { openCore, type Core, type CoreOptions } from '../../core/core.ts';
import type { Host } from '../../core/api/handlers.ts';

/** A real core (SQLite file, worker pool) in a temp folder, closed after the test. */
export function testCore(dir: string, overrides: Partial<CoreOptions> = { workers: 2, timeoutMs: 30_000 }): Core {
  const core = openCore({ databasePath: join(dir, 'index.db'), ...overrides });
  afterEach(() => core.close());
  return core;
}

export const testHost: Host = {
  mode: 'browser',
  version: '0.0.0-test',
  databasePath: ':test:',
  openPath: async () => {},
  revealPath: async () => {},
  pickFolder: null,
};

/**
 * A CLI command's connection to the app: the core opened on the index file, and the contract's Api
 * in front of it, so every command goes through the same dispatch, validation and handlers as the
 * desktop app and browser mode. Commands never touch the database or the core's modules.
 */
import { existsSync, readFileSync } from 'node:fs';
import { openCore, type StoreKey } from '../core/core.ts';
import { createLocalApi } from '../core/api/local-client.ts';
import type { Api } from '../shared/contract.ts';
import { openPath, revealPath } from '../electron/server/os-host.ts';

export const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** A command that reads an index (search, status …) must not create an empty one by mistake. */
export class NoIndexError extends Error {
  constructor(path: string) {
    super(`There is no index at ${path}. Check --db, or create one with: evidence-store index <folder>`);
  }
}

export interface SessionOptions {
  databasePath: string;
  /** True for commands that only make sense on an existing index. */
  mustExist: boolean;
  /** Extraction worker threads (index --workers). */
  workers?: number;
  /** The store's key (from EVIDENCE_STORE_PASSPHRASE), if it is encrypted. */
  key?: StoreKey;
  /** Annex A's child-level data file; ':memory:' keeps it in memory (annexa commands). */
  annexaPath?: string;
}

export async function withApi<T>(options: SessionOptions, run: (api: Api) => Promise<T>): Promise<T> {
  if (options.mustExist && !existsSync(options.databasePath)) throw new NoIndexError(options.databasePath);
  const core = openCore({ databasePath: options.databasePath, workers: options.workers, key: options.key, annexaPath: options.annexaPath });
  try {
    const { dispatch } = core.api({ mode: 'cli', version: VERSION, databasePath: options.databasePath, openPath, revealPath, pickFolder: null });
    return await run(createLocalApi(dispatch, core.subscribe));
  } finally {
    await core.close();
  }
}

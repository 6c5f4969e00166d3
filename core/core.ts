/**
 * The core, assembled: the database, the extraction workers and the indexer, ready for a shell
 * (Electron, browser mode, the CLI) to put an API in front of.
 */
import { openDatabase, type Db } from './store/database.ts';
import { Indexer } from './scan/indexer.ts';
import { createPoolService } from './scan/pool-service.ts';
import type { ExtractionService } from './scan/extraction-service.ts';
import { createHandlers, type Host, type Handlers } from './api/handlers.ts';
import { createDispatch, type Dispatch } from './api/dispatch.ts';
import type { EventName } from '../shared/contract.ts';

export interface CoreOptions {
  databasePath: string;
  /** Extraction worker threads; defaults from the CPU count. */
  workers?: number;
  /** Per-file extraction time limit, ms. */
  timeoutMs?: number;
}

export interface Core {
  db: Db;
  indexer: Indexer;
  extraction: ExtractionService;
  /** Handlers and dispatch for a shell, given what that shell can do. */
  api(host: Host): { handlers: Handlers; dispatch: Dispatch };
  /** App events for the shells to forward to the UI. */
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void;
  close(): Promise<void>;
}

export function openCore(options: CoreOptions): Core {
  const db = openDatabase(options.databasePath);
  const extraction = createPoolService({ size: options.workers, timeoutMs: options.timeoutMs });
  const indexer = new Indexer(db, extraction, { concurrency: Math.max(2, extraction.size * 2) });
  return {
    db,
    indexer,
    extraction,
    api(host) {
      const handlers = createHandlers(db, indexer, host);
      return { handlers, dispatch: createDispatch(handlers) };
    },
    subscribe(listener) {
      const onProgress = (p: unknown) => listener('scan.progress', p);
      const onRoots = () => listener('roots.changed', {});
      indexer.on('progress', onProgress);
      indexer.on('rootsChanged', onRoots);
      return () => {
        indexer.off('progress', onProgress);
        indexer.off('rootsChanged', onRoots);
      };
    },
    async close() {
      indexer.cancel();
      await indexer.idle();
      await extraction.close();
      db.close();
    },
  };
}

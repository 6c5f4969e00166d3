/**
 * The core, assembled: the database, the extraction workers and the indexer, ready for a shell
 * (Electron, browser mode, the CLI) to put an API in front of.
 */
import { openDatabase, sqliteVersionOf, type Db } from './store/database.ts';
import { readSettings, writeSettings } from './store/settings.ts';
import { BackgroundSync } from './scan/background-sync.ts';
import { DEFAULT_LIMITS } from './extract/types.ts';
import { FrameworkRegistry } from './evidence/frameworks.ts';
import type { EventName, Settings } from '../shared/contract.ts';
import { Indexer } from './scan/indexer.ts';
import { createPoolService } from './scan/pool-service.ts';
import type { ExtractionService } from './scan/extraction-service.ts';
import { createHandlers, type Host, type Handlers } from './api/handlers.ts';
import { RankWorkers } from './search/rank-workers.ts';
import { createDispatch, type Dispatch } from './api/dispatch.ts';
import { EventEmitter } from 'node:events';
import { AnnexaService } from './annexa/service.ts';
import { annexaPathFor } from './annexa/store.ts';
import type { AnnexaProgress } from '../shared/annexa/api.ts';
import type { PackProgress } from '../shared/pack.ts';
import { PackService } from './pack/service.ts';
import type { StoreKey } from './store/cipher.ts';
import { FolderRemover, type RemovalOptions } from './scan/remove-folder.ts';
import type { RemovalProgress } from '../shared/contract.ts';

// Encryption at rest, for the shells (which use the core only through this module and the API).
export { newRawKey, passphraseKey, PASSPHRASE_VARIABLE, StoreKeyError, type StoreKey } from './store/cipher.ts';
export { decryptStore, encryptStore, storeEncryption, type StoreConversion, type StoreFileProgress } from './store/store-encryption.ts';

export interface CoreOptions {
  databasePath: string;
  /** Extraction worker threads; overrides the saved setting (the CLI's --workers). */
  workers?: number;
  /** Annex A's child-level data file; by default `annex-a.db` beside the index (in memory for an index in memory). */
  annexaPath?: string;
  /** Per-file extraction time limit, ms; overrides the saved setting. */
  timeoutMs?: number;
  /** Rank in worker threads from this many pages up (default rank-workers.ts PARALLEL_FROM_PAGES; tests use 0). */
  parallelRankingFromPages?: number;
  /**
   * The store's key (encryption at rest): the index and Annex A's file are encrypted with it, a new
   * store is made encrypted, and a store that does not match is refused (IndexOpenError
   * 'encrypted' or 'not-encrypted'). Without it the store is plain.
   */
  key?: StoreKey;
  /** How a folder removal that forgets text goes in steps (tests make one last as long as they need). */
  removal?: RemovalOptions;
}

export interface Core {
  db: Db;
  indexer: Indexer;
  extraction: ExtractionService;
  frameworks: FrameworkRegistry;
  /** Handlers and dispatch for a shell, given what that shell can do. */
  api(host: Host): { handlers: Handlers; dispatch: Dispatch };
  /** App events for the shells to forward to the UI. */
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void;
  settings(): Settings;
  updateSettings(changes: Partial<Settings>): Promise<Settings>;
  /**
   * For long-running shells: watch folders, rescan periodically, retry locked files later, and
   * bring every root up to date now.
   */
  startBackgroundSync(): void;
  /** The SQLite the index runs on (the about box). */
  sqliteVersion(): string;
  close(): Promise<void>;
}

export function openCore(options: CoreOptions): Core {
  const db = openDatabase(options.databasePath, { key: options.key });
  const poolFor = (s: Settings) =>
    createPoolService({
      size: options.workers ?? s.workers,
      timeoutMs: options.timeoutMs ?? s.timeoutSeconds * 1000,
      limits: { ...DEFAULT_LIMITS, maxFileBytes: s.maxFileMB * 1024 * 1024 },
    });
  let indexer: Indexer;
  try {
    indexer = new Indexer(db, poolFor(readSettings(db)));
  } catch (error) {
    // A core that cannot start must not leave the index open (and locked) behind it.
    db.close();
    throw error;
  }
  const frameworks = new FrameworkRegistry(db);
  // Annex A's child-level data: its own file beside the index, opened only when Annex A is used.
  const annexaEvents = new EventEmitter<{ progress: [AnnexaProgress] }>();
  let annexaService: AnnexaService | null = null;
  const annexa = () =>
    (annexaService ??= new AnnexaService({ path: options.annexaPath ?? annexaPathFor(options.databasePath), key: options.key, onProgress: (p) => annexaEvents.emit('progress', p) }));
  const packEvents = new EventEmitter<{ progress: [PackProgress] }>();
  let packService: PackService | null = null;
  const pack = () => (packService ??= new PackService({ db, frameworks, annexa, onProgress: (p) => packEvents.emit('progress', p) }));
  const remover = new FolderRemover(db, indexer, options.removal);
  let background: BackgroundSync | null = null;
  // Workers start on the first search of a big library; an index in memory has no file to share.
  const rankWorkers = options.databasePath === ':memory:' ? undefined : new RankWorkers(options.databasePath, options.parallelRankingFromPages, undefined, options.key);
  const core: Core = {
    db,
    indexer,
    frameworks,
    get extraction() {
      return indexer.extractionService;
    },
    api(host) {
      const handlers = createHandlers(db, indexer, host, { get: core.settings, set: core.updateSettings }, frameworks, annexa, pack, remover, rankWorkers);
      return { handlers, dispatch: createDispatch(handlers) };
    },
    settings: () => readSettings(db),
    sqliteVersion: () => sqliteVersionOf(db),
    async updateSettings(changes) {
      const before = readSettings(db);
      const after = writeSettings(db, changes);
      if (after.workers !== before.workers || after.timeoutSeconds !== before.timeoutSeconds || after.maxFileMB !== before.maxFileMB) {
        // New limits apply from the next file read; the running scan keeps its workers until it ends.
        void indexer.replaceExtraction(poolFor(after));
      }
      background?.configure(after);
      return after;
    },
    startBackgroundSync() {
      indexer.enableRetries();
      background ??= new BackgroundSync(db, indexer);
      background.configure(readSettings(db));
      indexer.enqueue();
    },
    subscribe(listener) {
      const onProgress = (p: unknown) => listener('scan.progress', p);
      const onRoots = () => {
        background?.refresh();
        listener('roots.changed', {});
      };
      const onAnnexa = (p: AnnexaProgress) => listener('annexa.progress', p);
      const onPack = (p: PackProgress) => listener('pack.progress', p);
      const onRemoval = (p: RemovalProgress) => listener('removal.progress', p);
      indexer.on('progress', onProgress);
      indexer.on('rootsChanged', onRoots);
      annexaEvents.on('progress', onAnnexa);
      packEvents.on('progress', onPack);
      remover.on('progress', onRemoval);
      return () => {
        indexer.off('progress', onProgress);
        indexer.off('rootsChanged', onRoots);
        annexaEvents.off('progress', onAnnexa);
        packEvents.off('progress', onPack);
        remover.off('progress', onRemoval);
      };
    },
    async close() {
      background?.stop();
      packService?.cancel();
      // A folder removal stops between two batches (its next one would run on a closed index).
      await remover.close();
      indexer.cancel();
      await indexer.idle();
      await indexer.extractionService.close();
      await rankWorkers?.close();
      annexaService?.close();
      db.close();
    },
  };
  return core;
}

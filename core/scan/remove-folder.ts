/**
 * Taking a folder out of the library, with or without its text (see store/forget-text.ts).
 *
 * Forgetting can take minutes on a big index, so it goes in steps the app can answer between and
 * says how far it is (`progress` events, shared/contract.ts RemovalProgress): the text is deleted
 * a batch of documents at a time, each batch its own short transaction (searches run in between),
 * with a count and, once the rate is known, the time left (time-left.ts, as a scan's); then the
 * index is compacted (store/compact.ts) in a worker, which reports nothing until it ends.
 *
 * Scanning is paused throughout: a scan must not read the folder's files again while their text
 * is being deleted, and the compaction holds the index's write lock for as long as it runs, so a
 * scan waiting behind it would give up and record its files as failed.
 */
import { EventEmitter } from 'node:events';
import type { RemovalProgress } from '../../shared/contract.ts';
import { compactIndex } from '../store/compact.ts';
import type { Db } from '../store/database.ts';
import { documentsOnlyIn, forgetTextOf, removeForgottenRoot, type ForgetResult } from '../store/forget-text.ts';
import { getRoot, removeRoot } from '../store/roots.ts';
import type { Indexer } from './indexer.ts';
import { addSample, estimateScan, type ProgressSample } from './time-left.ts';

/** Documents whose text is deleted per transaction: small enough that a search waits at most a moment. */
export const FORGET_BATCH = 50;

export interface RemovalOptions {
  /** Documents per transaction (default FORGET_BATCH). */
  batchSize?: number;
  /**
   * Awaited just before the compaction starts. Tests use it to make a removal last as long as they
   * need (a big index, without building one); the app leaves it unset.
   */
  beforeCompacting?: () => Promise<void>;
  /** Awaited after each batch with the documents done so far (tests: to close the app midway). */
  afterBatch?: (done: number) => Promise<void>;
}

/** A removal is already running; the caller says so to the user. */
export class RemovalBusy extends Error {}

/** Progress events at most this often while forgetting (phase changes are always sent). */
const EMIT_EVERY_MS = 100;

export class FolderRemover extends EventEmitter<{ progress: [RemovalProgress] }> {
  private last: RemovalProgress | null = null;
  private running: Promise<unknown> | null = null;
  private lastEmit = 0;
  /** The app is closing: the removal stops before its next batch (the index is closed after it). */
  private closing = false;
  /** Someone pressed Pause during the removal: scanning stays paused after it. */
  private pausedByUser = false;

  private readonly db: Db;
  private readonly indexer: Indexer;
  private readonly options: RemovalOptions;

  constructor(db: Db, indexer: Indexer, options: RemovalOptions = {}) {
    super();
    this.db = db;
    this.indexer = indexer;
    this.options = options;
  }

  /** Whether a removal is running (another is refused until it ends). */
  get busy(): boolean {
    return this.running !== null;
  }

  /** Pause pressed while a removal runs (scanning is already paused by it): keep it paused after. */
  keepPaused(): void {
    if (this.running) this.pausedByUser = true;
  }

  /**
   * Stops a running removal before its next batch and waits for it (a compaction already running
   * is let finish: it is one statement in a worker). What was forgotten stays forgotten and marked
   * to be read again, and the folder stays in the library: removing it again finishes the job.
   */
  async close(): Promise<void> {
    this.closing = true;
    await this.running?.catch(() => {});
  }

  /** The removal running, or the last one finished; null before the first. */
  get status(): RemovalProgress | null {
    return this.last && { ...this.last };
  }

  /**
   * Removes the folder; with `forgetText`, forgets its documents' text and compacts the index,
   * resolving with what was forgotten (null without forgetText). Rejects with RemovalBusy while
   * another removal runs, and with the reason when the deletion or the compaction fails (what was
   * deleted stays deleted).
   */
  async remove(rootId: number, forgetText: boolean): Promise<ForgetResult | null> {
    if (this.running) throw new RemovalBusy(this.busyMessage());
    if (this.closing) throw new Error('Evidence Store is closing.');
    const run = (async () => {
      await this.indexer.forget(rootId);
      if (!forgetText) {
        removeRoot(this.db, rootId);
        this.indexer.emit('rootsChanged');
        return null;
      }
      return await this.forgetting(rootId);
    })();
    this.running = run;
    try {
      return await run;
    } finally {
      this.running = null;
      this.pausedByUser = false;
    }
  }

  /** What to tell someone who asks for another removal meanwhile. */
  busyMessage(): string {
    const which = this.last && this.last.phase !== 'done' && this.last.phase !== 'failed' ? `“${this.last.rootPath}”` : 'Another folder';
    return `${which} is being removed. Remove this one when that has finished (the status bar shows how far it is).`;
  }

  private async forgetting(rootId: number): Promise<ForgetResult | null> {
    const root = getRoot(this.db, rootId);
    const ids = documentsOnlyIn(this.db, rootId);
    if (!root || !ids) return { documents: 0, evidenceKept: 0 };
    const started = Date.now();
    this.last = {
      rootId, rootPath: root.path, phase: 'forgetting', done: 0, total: ids.length, evidenceKept: 0, secondsLeft: null,
      startedAt: new Date(started).toISOString(), finishedAt: null, message: null,
    };
    this.send(true);
    const wasPaused = this.indexer.progress.paused;
    this.indexer.pause();
    try {
      const size = Math.max(1, this.options.batchSize ?? FORGET_BATCH);
      let samples: ProgressSample[] = [{ at: started, done: 0 }];
      const now = new Date(started).toISOString();
      for (let i = 0; i < ids.length; i += size) {
        if (this.closing) throw new Error('Evidence Store is closing.');
        forgetTextOf(this.db, ids.slice(i, i + size), now);
        const done = Math.min(ids.length, i + size);
        samples = addSample(samples, { at: Date.now(), done });
        const { secondsLeft } = estimateScan({ samples, now: Date.now(), done, total: ids.length, walking: false, paused: false });
        this.update({ done, secondsLeft }, done === ids.length);
        // Let searches and other calls in before the next batch.
        await new Promise((resolve) => setImmediate(resolve));
        await this.options.afterBatch?.(done);
      }
      const forgotten = removeForgottenRoot(this.db, rootId, ids) ?? { documents: ids.length, evidenceKept: 0 };
      this.indexer.emit('rootsChanged');
      this.update({ phase: 'compacting', done: ids.length, evidenceKept: forgotten.evidenceKept, secondsLeft: null }, true);
      await this.options.beforeCompacting?.();
      await compactIndex(this.db);
      this.update({ phase: 'done', finishedAt: new Date().toISOString() }, true);
      return forgotten;
    } catch (error) {
      const reason = (error as Error).message;
      const message =
        this.last!.phase === 'forgetting'
          ? `It stopped after forgetting the text of ${this.last!.done} of ${this.last!.total} documents: ${reason} The folder is still in the library: remove it again to finish.`
          : `Its text was forgotten, but the index could not be compacted: ${reason}`;
      this.update({ phase: 'failed', secondsLeft: null, finishedAt: new Date().toISOString(), message }, true);
      throw error;
    } finally {
      if (!wasPaused && !this.pausedByUser && !this.closing) this.indexer.resume();
    }
  }

  private update(changes: Partial<RemovalProgress>, force: boolean): void {
    this.last = { ...this.last!, ...changes };
    this.send(force);
  }

  private send(force: boolean): void {
    const now = Date.now();
    if (!force && now - this.lastEmit < EMIT_EVERY_MS) return;
    this.lastEmit = now;
    this.emit('progress', { ...this.last! });
  }
}

/**
 * Scanning roots into the index: walk, skip what is unchanged, hash and extract the rest in the
 * worker pool, store each document in its own short transaction (so evidence saved meanwhile
 * never waits long for the write lock).
 *
 * A root that cannot be reached is marked offline and nothing under it changes: an unplugged
 * drive or a dropped VPN must never look like a folder full of deleted files. Whatever goes wrong
 * with one file becomes that file's failure, with the reason; whatever stops the scan itself (the
 * database refusing a write, the disk full) ends it as 'failed' with the reason, and then too
 * nothing is marked missing.
 */
import { EventEmitter } from 'node:events';
import { stat, readdir } from 'node:fs/promises';
import { basename, sep } from 'node:path';
import type { Db } from '../store/database.ts';
import type { ScanProgress, ScanSummary } from '../../shared/contract.ts';
import type { ExtractionService } from './extraction-service.ts';
import { walk, type WalkedFile } from './walk.ts';
import { addSample, estimateScan, type ProgressSample } from './time-left.ts';
import { listRoots, getRoot, setRootState, markRootScanned } from '../store/roots.ts';
import {
  filesOfRoot, documentIdBySha, documentStatus, touchFiles, linkFileToDocument, storeDocument, recordUnreadable, markUnseenMissing,
  type SeenFile, type FileRow,
} from '../store/documents.ts';
import { beginScan, finishScan, scanHeartbeat, HEARTBEAT_MS } from '../store/scans.ts';
import { documentsWithForgottenText, textForgotten } from '../store/forget-text.ts';

export type { ScanSummary };

/** Failures worth trying again on the next scan even if the file looks unchanged. */
const RETRYABLE = new Set(['unreadable', 'timed-out', 'internal-error']);

const IDLE: ScanProgress = {
  state: 'idle', rootId: null, rootPath: null, done: 0, total: 0, walking: false, currentPath: null,
  indexed: 0, unchanged: 0, unsupported: 0, failed: 0, startedAt: null, finishedAt: null,
  paused: false, filesPerSecond: 0, secondsLeft: null, queued: 0,
};

/** Locked or busy files are tried again after these delays (then left for the next full scan). */
export const RETRY_DELAYS_MS = [30_000, 2 * 60_000, 10 * 60_000, 60 * 60_000];

export interface ScanOptions {
  /** Read failed files again even if they look unchanged ("Retry failed"). */
  retryFailed?: boolean;
  /**
   * Only these files of the root ("Retry" on one file): they are read, with no walk of the folder,
   * and nothing else is marked missing or read.
   */
  paths?: readonly string[];
}

export interface IndexerEvents {
  progress: [ScanProgress];
  rootsChanged: [];
}

export class Indexer extends EventEmitter<IndexerEvents> {
  private readonly db: Db;
  private extraction: ExtractionService;
  private current: ScanProgress = { ...IDLE };
  private queue: { rootId: number; options: ScanOptions; waiters: ((summary: ScanSummary) => void)[] }[] = [];
  private running: Promise<void> | null = null;
  private abort: AbortController | null = null;
  private lastEmit = 0;
  /** Resolves when unpaused; null when not paused. */
  private pauseGate: { promise: Promise<void>; release: () => void } | null = null;
  /** Files done over the last ~20 s of reading (not paused), for the rate and the time left. */
  private samples: ProgressSample[] = [];
  private readonly retryTimers = new Map<number, NodeJS.Timeout>();
  private readonly retryAttempts = new Map<string, number>();
  private retriesEnabled = false;

  private readonly retryDelaysMs: readonly number[];

  constructor(db: Db, extraction: ExtractionService, options: { retryDelaysMs?: readonly number[] } = {}) {
    super();
    this.db = db;
    this.extraction = extraction;
    this.retryDelaysMs = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  }

  get progress(): ScanProgress {
    return { ...this.current, queued: this.queue.length };
  }

  /** Files in flight at once: enough to keep every worker busy while the main thread stores results. */
  private get concurrency(): number {
    return Math.max(2, this.extraction.size * 2);
  }

  /** The extraction workers in use. */
  get extractionService(): ExtractionService {
    return this.extraction;
  }

  /** Swaps the extraction workers (after a settings change); waits for the running scan first. */
  async replaceExtraction(next: ExtractionService): Promise<void> {
    await this.idle();
    const old = this.extraction;
    this.extraction = next;
    await old.close();
  }

  /**
   * Long-running shells (the app, browser mode) want locked files tried again later on their own;
   * a one-shot CLI run does not.
   */
  enableRetries(): void {
    this.retriesEnabled = true;
  }

  /** Queues roots for scanning (all roots when none given) and returns at once. */
  enqueue(rootIds?: number[], options: ScanOptions = {}): void {
    void this.run(rootIds, options);
  }

  /**
   * Queues roots for scanning (all roots when none given), after any scan already running, and
   * resolves with what happened to each once they are done. Never rejects.
   */
  run(rootIds?: number[], options: ScanOptions = {}): Promise<ScanSummary[]> {
    const ids = rootIds ?? listRoots(this.db).map((r) => r.id);
    const done = ids.map(
      (id) =>
        new Promise<ScanSummary>((resolve) => {
          // A whole-folder scan joins a queued whole-folder scan; a few files join a queued few.
          const queued = this.queue.find((q) => q.rootId === id && !q.options.paths === !options.paths);
          if (queued) {
            const paths = queued.options.paths && options.paths ? [...new Set([...queued.options.paths, ...options.paths])] : undefined;
            queued.options = { retryFailed: queued.options.retryFailed || options.retryFailed, ...(paths ? { paths } : {}) };
            queued.waiters.push(resolve);
          } else this.queue.push({ rootId: id, options, waiters: [resolve] });
        }),
    );
    if (!this.running) this.running = this.drain().finally(() => (this.running = null));
    this.emitProgress(true);
    return Promise.all(done);
  }

  pause(): void {
    if (this.pauseGate) return;
    let release = () => {};
    const promise = new Promise<void>((r) => (release = r));
    this.pauseGate = { promise, release };
    this.current.paused = true;
    this.updateRate();
    this.emitProgress(true);
  }

  resume(): void {
    const gate = this.pauseGate;
    this.pauseGate = null;
    this.current.paused = false;
    // The time spent paused is not reading time: the rate starts again from here.
    if (gate) this.samples = [{ at: Date.now(), done: this.current.done }];
    gate?.release();
    this.emitProgress(true);
  }

  /** Waits while paused (or returns at once). */
  private async whilePaused(): Promise<void> {
    while (this.pauseGate) await this.pauseGate.promise;
  }

  /** Resolves when every queued scan has finished. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops the scan in progress (what was stored stays), forgets the queue and pending retries. */
  cancel(): void {
    for (const q of this.queue.splice(0)) settle(q.waiters, notRun(q.rootId, 'cancelled', null));
    for (const t of this.retryTimers.values()) clearTimeout(t);
    this.retryTimers.clear();
    this.abort?.abort();
    this.resume();
  }

  /** Cancels a root's queued or running scan, e.g. before the root is removed. */
  async forget(rootId: number): Promise<void> {
    for (const q of this.queue.filter((x) => x.rootId === rootId)) settle(q.waiters, notRun(rootId, 'cancelled', null));
    this.queue = this.queue.filter((q) => q.rootId !== rootId);
    clearTimeout(this.retryTimers.get(rootId));
    this.retryTimers.delete(rootId);
    if (this.current.rootId === rootId) {
      this.abort?.abort();
      this.resume();
      await this.idle();
    }
  }

  private async drain(): Promise<void> {
    while (this.queue.length) {
      const { rootId, options, waiters } = this.queue.shift()!;
      let summary: ScanSummary;
      try {
        summary = getRoot(this.db, rootId)
          ? await this.scanRoot(rootId, options)
          : notRun(rootId, 'cancelled', 'That folder is no longer in the library.');
      } catch (error) {
        // scanRoot records its own failures; this is the database failing even to say so.
        summary = notRun(rootId, 'failed', problemOf(error));
      }
      settle(waiters, summary);
    }
  }

  /**
   * Scans one root now. Resolves with what happened: files that fail are counted as failed, and a
   * scan that cannot go on ends as 'failed' with the reason. Rejects only if the root is unknown.
   */
  async scanRoot(rootId: number, options: ScanOptions = {}): Promise<ScanSummary> {
    const root = getRoot(this.db, rootId);
    if (!root) throw new Error(`No root with id ${rootId}`);
    const started = Date.now();
    const summary: ScanSummary = {
      rootId, outcome: 'running', problem: null, files: 0, indexed: 0, unchanged: 0, unsupported: 0, failed: [], missing: 0, seconds: 0,
    };
    this.abort = new AbortController();
    const signal = this.abort.signal;
    this.current = {
      ...IDLE, state: 'scanning', rootId, rootPath: root.path, walking: true, startedAt: new Date(started).toISOString(),
      paused: this.pauseGate !== null,
    };
    this.samples = [{ at: started, done: 0 }];
    this.emitProgress(true);

    let scanId: number | null = null;
    const inFlight = new Set<Promise<void>>();
    try {
      if (!(await reachable(root.path))) {
        setRootState(this.db, rootId, 'offline');
        summary.outcome = 'offline';
        return summary;
      }
      setRootState(this.db, rootId, 'online');
      scanId = beginScan(this.db, rootId, new Date(started).toISOString());
      const id = scanId;

      const unreadableDirs: string[] = [];
      // Failed documents read again in this scan, so copies of one file are read once.
      const retried = new Set<number>();
      // A job never rejects: a failure it cannot even record stops the scan here, not the process.
      let fatal: unknown = null;
      let touched: number[] = [];
      let beat = Date.now();
      const flushTouched = () => {
        touchFiles(this.db, touched, id);
        touched = [];
      };
      const before = filesOfRoot(this.db, rootId);
      // Unchanged files whose text was forgotten are read again (a removal cut short loses nothing).
      const forgotten = documentsWithForgottenText(this.db);
      const files = options.paths
        ? filesAt(options.paths)
        : walk(root.path, (p) => unreadableDirs.push(p.path.endsWith(sep) ? p.path : p.path + sep), signal);
      for await (const file of files) {
        await this.whilePaused();
        if (signal.aborted || fatal) break;
        if (Date.now() - beat > HEARTBEAT_MS) {
          scanHeartbeat(this.db, id);
          beat = Date.now();
        }
        summary.files++;
        this.current.total = summary.files;
        const seen: SeenFile = { rootId, path: file.path, name: file.name, size: file.size, mtimeMs: file.mtimeMs };
        const known = before.get(file.path);
        if (known && isUnchanged(known, file, options.retryFailed ?? false) && !(known.document_id !== null && forgotten.has(known.document_id))) {
          touched.push(known.id);
          if (touched.length >= 500) flushTouched();
          if (known.status === 'indexed') {
            summary.unchanged++;
            this.current.unchanged++;
            this.fileDone(file.path);
          } else {
            // Still unsupported or failed: counted as such, so every run accounts for every file.
            this.count(summary, file.path, known.status, known.reason, known.detail);
          }
          continue;
        }
        const job = this.processFile(seen, id, summary, options.retryFailed ?? false, retried)
          .catch((error: unknown) => this.failInside(seen, id, summary, error))
          .catch((error: unknown) => void (fatal ??= error))
          .finally(() => inFlight.delete(job));
        inFlight.add(job);
        if (inFlight.size >= this.concurrency) await Promise.race(inFlight);
      }
      flushTouched();
      this.current.walking = false;
      await Promise.all(inFlight);
      if (fatal) throw fatal;

      if (signal.aborted) {
        summary.outcome = 'cancelled';
      } else if (!(await reachable(root.path))) {
        // The drive went away during the scan: what we stored stays, nothing is marked missing.
        setRootState(this.db, rootId, 'offline');
        summary.outcome = 'offline';
        summary.problem = `“${root.path}” could not be reached any more during the scan; nothing was marked missing.`;
      } else if (options.paths) {
        // A few files read again: the rest of the folder was not looked at, so nothing is missing.
        summary.outcome = 'complete';
      } else {
        summary.missing = markUnseenMissing(this.db, rootId, id, unreadableDirs);
        markRootScanned(this.db, rootId, new Date().toISOString());
        summary.outcome = 'complete';
        this.scheduleRetry(rootId, summary);
      }
      finishScan(this.db, id, summary.outcome, summary.problem);
      return summary;
    } catch (error) {
      // The scan itself could not go on. What was stored stays; nothing is marked missing.
      await Promise.all(inFlight);
      summary.outcome = 'failed';
      summary.problem = problemOf(error);
      if (scanId !== null) {
        try {
          finishScan(this.db, scanId, 'failed', summary.problem);
        } catch {
          // The database is refusing writes; the summary still tells the caller.
        }
      }
      return summary;
    } finally {
      summary.seconds = (Date.now() - started) / 1000;
      this.current = { ...this.current, state: 'idle', walking: false, currentPath: null, finishedAt: new Date().toISOString() };
      this.abort = null;
      this.emitProgress(true);
      this.emit('rootsChanged');
    }
  }

  /**
   * Anything unexpected while reading or storing one file (a reader that threw, the database
   * refusing its rows) becomes that file's failure with the true reason, and the scan goes on.
   * If even that cannot be recorded, it throws and the scan stops.
   */
  private failInside(f: SeenFile, scanId: number, summary: ScanSummary, error: unknown): void {
    const detail = problemOf(error);
    recordUnreadable(this.db, f, scanId, 'internal-error', detail);
    this.countFailure(summary, f.path, 'internal-error', detail);
  }

  /**
   * A file that was locked or busy (open in Word, being copied, held by a virus scanner) is tried
   * again later with growing delays, rather than failed until someone notices.
   */
  private scheduleRetry(rootId: number, summary: ScanSummary): void {
    if (!this.retriesEnabled) return;
    const locked = summary.failed.filter((f) => f.reason === 'unreadable' || f.reason === 'timed-out');
    let attempt = 0;
    for (const f of locked) {
      const n = (this.retryAttempts.get(f.path) ?? 0) + 1;
      this.retryAttempts.set(f.path, n);
      attempt = Math.max(attempt, n);
    }
    for (const path of [...this.retryAttempts.keys()]) if (!locked.some((f) => f.path === path)) this.retryAttempts.delete(path);
    if (!locked.length || attempt > this.retryDelaysMs.length || this.retryTimers.has(rootId)) return;
    const timer = setTimeout(() => {
      this.retryTimers.delete(rootId);
      this.enqueue([rootId]);
    }, this.retryDelaysMs[attempt - 1]);
    timer.unref();
    this.retryTimers.set(rootId, timer);
  }

  private async processFile(f: SeenFile, scanId: number, summary: ScanSummary, retryFailed: boolean, retried: Set<number>): Promise<void> {
    await this.whilePaused();
    this.current.currentPath = f.path;
    const hashed = await this.extraction.hash(f.path);
    if (!hashed.ok) {
      recordUnreadable(this.db, f, scanId, hashed.reason, hashed.detail);
      this.countFailure(summary, f.path, hashed.reason, hashed.detail);
      return;
    }
    const existing = documentIdBySha(this.db, hashed.sha256);
    if (existing !== undefined) {
      const status = documentStatus(this.db, existing);
      // Content that failed before is read again when asked ("Retry failed") or when the failure
      // may pass (a timeout under load); storeDocument then replaces the failed outcome in place.
      // So is content whose text the user had forgotten: its folder (or a copy) is back in the library.
      const readAgain =
        ((status.status === 'failed' && (retryFailed || RETRYABLE.has(status.reason ?? ''))) || textForgotten(this.db, existing)) && !retried.has(existing);
      if (!readAgain) {
        // Same content as a document we already have: a rename, a move or a copy. Keep its identity.
        linkFileToDocument(this.db, { ...f, size: hashed.size }, scanId, existing);
        this.count(summary, f.path, status.status, status.reason, status.detail);
        return;
      }
      retried.add(existing);
    }
    const result = await this.extraction.extract(f.path);
    const o = result.outcome;
    if (result.sha256 === null) {
      recordUnreadable(this.db, f, scanId, o.status === 'failed' ? o.reason : 'unreadable', o.status === 'indexed' ? '' : o.detail);
      this.countFailure(summary, f.path, o.status === 'failed' ? o.reason : 'unreadable', o.status === 'indexed' ? '' : o.detail);
      return;
    }
    storeDocument(this.db, { ...f, size: result.size }, scanId, result.sha256, {
      status: o.status,
      format: o.format,
      reason: o.status === 'failed' ? o.reason : null,
      detail: o.status === 'indexed' ? null : o.detail,
      extracted: o.status === 'indexed' ? o.extracted : undefined,
    });
    this.count(summary, f.path, o.status, o.status === 'failed' ? o.reason : null, o.status === 'indexed' ? null : o.detail);
  }

  private count(summary: ScanSummary, path: string, status: string, reason: string | null, detail: string | null): void {
    if (status === 'indexed') {
      summary.indexed++;
      this.current.indexed++;
    } else if (status === 'unsupported') {
      summary.unsupported++;
      this.current.unsupported++;
    } else {
      this.countFailure(summary, path, reason ?? 'corrupt', detail ?? '');
      return;
    }
    this.fileDone(path);
  }

  private countFailure(summary: ScanSummary, path: string, reason: string, detail: string): void {
    summary.failed.push({ path, reason, detail });
    this.current.failed++;
    this.fileDone(path);
  }

  private fileDone(path: string): void {
    this.current.done++;
    this.current.currentPath = path;
    this.updateRate();
    this.emitProgress(false);
  }

  /** The rate over the last ~20 s, and the time left once the total is known (time-left.ts). */
  private updateRate(): void {
    const now = Date.now();
    if (!this.current.paused) this.samples = addSample(this.samples, { at: now, done: this.current.done });
    const { filesPerSecond, secondsLeft } = estimateScan({ samples: this.samples, now, ...this.current });
    this.current.filesPerSecond = filesPerSecond;
    this.current.secondsLeft = secondsLeft;
  }

  /** Progress events at most every 100 ms, so a fast unchanged rescan does not flood the UI. */
  private emitProgress(force: boolean): void {
    const now = Date.now();
    if (!force && now - this.lastEmit < 100) return;
    this.lastEmit = now;
    this.emit('progress', this.progress);
  }
}

/** Resolves everyone waiting for a root's scan. */
function settle(waiters: ((summary: ScanSummary) => void)[], summary: ScanSummary): void {
  for (const w of waiters) w(summary);
}

/** The summary of a scan that never started. */
function notRun(rootId: number, outcome: 'cancelled' | 'failed', problem: string | null): ScanSummary {
  return { rootId, outcome, problem, files: 0, indexed: 0, unchanged: 0, unsupported: 0, failed: [], missing: 0, seconds: 0 };
}

/** An error in words a user can act on (SQLite's codes for the common cases). */
function problemOf(error: unknown): string {
  const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : '';
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_FULL') return 'The disk holding the index is full. Free some space, then scan again.';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return 'The index was busy in another window or program for too long. Scan again in a moment.';
  if (code === 'SQLITE_READONLY') return 'The index file cannot be written (it is read-only). Check its permissions.';
  if (code.startsWith('SQLITE_IOERR')) return `The index file could not be written (${code}). Check the disk, then scan again.`;
  return message || 'An unexpected error stopped the scan.';
}

function isUnchanged(known: FileRow, file: WalkedFile, retryFailed: boolean): boolean {
  if (known.size !== file.size || known.mtime_ms !== file.mtimeMs) return false;
  if (known.status === 'failed' && (retryFailed || (known.reason !== null && RETRYABLE.has(known.reason)))) return false;
  return known.document_id !== null || known.status !== 'failed';
}

/** The named files as a walk would find them; one that is gone or not a file is left for the next full scan. */
async function* filesAt(paths: readonly string[]): AsyncGenerator<WalkedFile> {
  for (const path of paths) {
    try {
      const s = await stat(path);
      if (s.isFile()) yield { path, name: basename(path), size: s.size, mtimeMs: Math.floor(s.mtimeMs) };
    } catch {
      // Gone since the list was shown: nothing to read.
    }
  }
}

/** A root is reachable when it is a folder we can list. */
async function reachable(path: string): Promise<boolean> {
  try {
    if (!(await stat(path)).isDirectory()) return false;
    await readdir(path);
    return true;
  } catch {
    return false;
  }
}

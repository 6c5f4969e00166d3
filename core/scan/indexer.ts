/**
 * Scanning roots into the index: walk, skip what is unchanged, hash and extract the rest in the
 * worker pool, store each document in its own transaction. The only writer of the database.
 *
 * A root that cannot be reached is marked offline and nothing under it changes: an unplugged
 * drive or a dropped VPN must never look like a folder full of deleted files.
 */
import { EventEmitter } from 'node:events';
import { stat, readdir } from 'node:fs/promises';
import { sep } from 'node:path';
import type { Db } from '../store/database.ts';
import type { ScanProgress } from '../../shared/contract.ts';
import type { ExtractionService } from './extraction-service.ts';
import { walk, type WalkedFile } from './walk.ts';
import { listRoots, getRoot, setRootState, markRootScanned } from '../store/roots.ts';
import {
  fileByPath, documentIdBySha, touchFile, linkFileToDocument, storeDocument, recordUnreadable, markUnseenMissing,
  type SeenFile, type FileRow,
} from '../store/documents.ts';

export interface ScanSummary {
  rootId: number;
  offline: boolean;
  cancelled: boolean;
  files: number;
  indexed: number;
  unchanged: number;
  unsupported: number;
  failed: { path: string; reason: string; detail: string }[];
  missing: number;
  seconds: number;
}

/** Failures worth trying again on the next scan even if the file looks unchanged. */
const RETRYABLE = new Set(['unreadable', 'timed-out']);

const IDLE: ScanProgress = {
  state: 'idle', rootId: null, rootPath: null, done: 0, total: 0, walking: false, currentPath: null,
  indexed: 0, unchanged: 0, unsupported: 0, failed: 0, startedAt: null, finishedAt: null,
};

export interface IndexerEvents {
  progress: [ScanProgress];
  rootsChanged: [];
}

export class Indexer extends EventEmitter<IndexerEvents> {
  private readonly db: Db;
  private readonly extraction: ExtractionService;
  private readonly concurrency: number;
  private current: ScanProgress = { ...IDLE };
  private queue: number[] = [];
  private running: Promise<void> | null = null;
  private abort: AbortController | null = null;
  private lastEmit = 0;

  constructor(db: Db, extraction: ExtractionService, options: { concurrency?: number } = {}) {
    super();
    this.db = db;
    this.extraction = extraction;
    this.concurrency = options.concurrency ?? 4;
  }

  get progress(): ScanProgress {
    return { ...this.current };
  }

  /** Queues roots for scanning (all roots when none given) and returns at once. */
  enqueue(rootIds?: number[]): void {
    const ids = rootIds ?? listRoots(this.db).map((r) => r.id);
    for (const id of ids) if (!this.queue.includes(id) && this.current.rootId !== id) this.queue.push(id);
    if (!this.running) this.running = this.drain().finally(() => (this.running = null));
  }

  /** Resolves when every queued scan has finished. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops the scan in progress (what was stored stays) and forgets the queue. */
  cancel(): void {
    this.queue = [];
    this.abort?.abort();
  }

  /** Cancels a root's queued or running scan, e.g. before the root is removed. */
  async forget(rootId: number): Promise<void> {
    this.queue = this.queue.filter((id) => id !== rootId);
    if (this.current.rootId === rootId) {
      this.abort?.abort();
      await this.idle();
    }
  }

  private async drain(): Promise<void> {
    while (this.queue.length) {
      const id = this.queue.shift()!;
      if (getRoot(this.db, id)) await this.scanRoot(id);
    }
  }

  /** Scans one root now. Resolves with what happened; never rejects for file problems. */
  async scanRoot(rootId: number): Promise<ScanSummary> {
    const root = getRoot(this.db, rootId);
    if (!root) throw new Error(`No root with id ${rootId}`);
    const started = Date.now();
    const summary: ScanSummary = {
      rootId, offline: false, cancelled: false, files: 0, indexed: 0, unchanged: 0, unsupported: 0, failed: [], missing: 0, seconds: 0,
    };
    this.abort = new AbortController();
    const signal = this.abort.signal;
    this.current = { ...IDLE, state: 'scanning', rootId, rootPath: root.path, walking: true, startedAt: new Date(started).toISOString() };
    this.emitProgress(true);

    try {
      if (!(await reachable(root.path))) {
        setRootState(this.db, rootId, 'offline');
        summary.offline = true;
        return summary;
      }
      setRootState(this.db, rootId, 'online');
      const scanId = this.db
        .prepare('INSERT INTO scans (root_id, started_at) VALUES (?, ?)')
        .run(rootId, new Date(started).toISOString()).lastInsertRowid as number;

      const unreadableDirs: string[] = [];
      const inFlight = new Set<Promise<void>>();
      for await (const file of walk(root.path, (p) => unreadableDirs.push(p.path.endsWith(sep) ? p.path : p.path + sep), signal)) {
        summary.files++;
        this.current.total = summary.files;
        const seen: SeenFile = { rootId, path: file.path, name: file.name, size: file.size, mtimeMs: file.mtimeMs };
        const known = fileByPath(this.db, file.path);
        if (known && isUnchanged(known, file)) {
          touchFile(this.db, known.id, scanId);
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
        const job = this.processFile(seen, scanId, summary).finally(() => inFlight.delete(job));
        inFlight.add(job);
        if (inFlight.size >= this.concurrency) await Promise.race(inFlight);
      }
      this.current.walking = false;
      await Promise.all(inFlight);

      if (signal.aborted) {
        summary.cancelled = true;
      } else if (!(await reachable(root.path))) {
        // The drive went away during the scan: what we stored stays, nothing is marked missing.
        setRootState(this.db, rootId, 'offline');
        summary.offline = true;
      } else {
        summary.missing = markUnseenMissing(this.db, rootId, scanId, unreadableDirs);
        markRootScanned(this.db, rootId, new Date().toISOString());
      }
      this.db
        .prepare('UPDATE scans SET finished_at = ?, outcome = ? WHERE id = ?')
        .run(new Date().toISOString(), summary.cancelled ? 'cancelled' : summary.offline ? 'offline' : 'complete', scanId);
      return summary;
    } finally {
      summary.seconds = (Date.now() - started) / 1000;
      this.current = { ...this.current, state: 'idle', walking: false, currentPath: null, finishedAt: new Date().toISOString() };
      this.abort = null;
      this.emitProgress(true);
      this.emit('rootsChanged');
    }
  }

  private async processFile(f: SeenFile, scanId: number, summary: ScanSummary): Promise<void> {
    this.current.currentPath = f.path;
    const hashed = await this.extraction.hash(f.path);
    if (!hashed.ok) {
      recordUnreadable(this.db, f, scanId, hashed.reason, hashed.detail);
      this.countFailure(summary, f.path, hashed.reason, hashed.detail);
      return;
    }
    const existing = documentIdBySha(this.db, hashed.sha256);
    if (existing !== undefined) {
      // Same content as a document we already have: a rename, a move or a copy. Keep its identity.
      linkFileToDocument(this.db, { ...f, size: hashed.size }, scanId, existing);
      const status = this.db.prepare('SELECT status, reason, detail FROM documents WHERE id = ?').get(existing) as {
        status: string; reason: string | null; detail: string | null;
      };
      this.count(summary, f.path, status.status, status.reason, status.detail);
      return;
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
    this.emitProgress(false);
  }

  /** Progress events at most every 100 ms, so a fast unchanged rescan does not flood the UI. */
  private emitProgress(force: boolean): void {
    const now = Date.now();
    if (!force && now - this.lastEmit < 100) return;
    this.lastEmit = now;
    this.emit('progress', this.progress);
  }
}

function isUnchanged(known: FileRow, file: WalkedFile): boolean {
  if (known.size !== file.size || known.mtime_ms !== file.mtimeMs) return false;
  if (known.status === 'failed' && known.reason !== null && RETRYABLE.has(known.reason)) return false;
  return known.document_id !== null || known.status !== 'failed';
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

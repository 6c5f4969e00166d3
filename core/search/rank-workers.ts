/**
 * Ranking a word that is in nearly every document means one bm25 per match inside FTS5 (about
 * 0.2 s for 200,000 documents on one core), and that cannot stop early. Split by page id, the
 * work runs in two worker threads at once, each with its own read-only connection (WAL lets them
 * read while a scan writes), and the main thread merges their best rows (ranking.ts topOfParts).
 *
 * Small libraries rank in one piece on the main thread: a worker's round trip costs more than it
 * saves. A worker that fails, stalls or runs out of memory is replaced; the search then ranks in
 * one piece, so a worker never costs the user an answer.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { StoreKey } from '../store/cipher.ts';
import type { PageSpan } from './filters.ts';
import type { RankPart, RankReply, RankRequest } from './ranking.ts';

// From .ts sources (Node type stripping) the worker is rank-worker.ts; from tsc output, rank-worker.js.
const WORKER_URL = new URL('./rank-worker' + extname(fileURLToPath(import.meta.url)), import.meta.url);

/** Below this many pages the main thread ranks alone. */
export const PARALLEL_FROM_PAGES = 30_000;
const TIMEOUT_MS = 20_000;
/** Workers that failed or stalled this many times are not started again: every search ranks here. */
const GIVE_UP_AFTER = 3;

export class RankWorkers {
  private readonly workers: (Worker | null)[];
  private readonly pending = new Map<number, { resolve: (part: RankPart | null) => void; timer: NodeJS.Timeout; slot: number }>();
  private nextId = 1;
  private closed = false;
  /** Workers lost to an error, a crash or a stall (a worker that cannot even start counts too). */
  private failures = 0;

  private readonly databasePath: string;
  /** The index's key, for the workers' own connections (each derives the page key again). */
  private readonly key: StoreKey | undefined;
  /** Libraries with fewer pages rank on the main thread (tests set 0 to use the workers). */
  readonly fromPages: number;
  readonly size: number;

  constructor(databasePath: string, fromPages = PARALLEL_FROM_PAGES, size = 2, key?: StoreKey) {
    this.databasePath = databasePath;
    this.key = key;
    this.fromPages = fromPages;
    this.size = size;
    this.workers = Array.from({ length: size }, () => null);
  }

  /**
   * The best `rows` rows of each part of the page ids in `span`, one part per worker; null when
   * any part could not be ranked (the caller ranks in one piece).
   */
  async parts(match: string, span: PageSpan, rows: number): Promise<RankPart[] | null> {
    if (this.closed || this.failures >= GIVE_UP_AFTER) return null;
    const step = Math.ceil((span.to - span.from + 1) / this.size);
    const asked = this.workers.map((_, slot) =>
      this.ask(slot, { match, from: span.from + slot * step, to: slot === this.size - 1 ? span.to : span.from + (slot + 1) * step - 1, rows }),
    );
    const answers = await Promise.all(asked);
    return answers.every((a) => a !== null) ? (answers as RankPart[]) : null;
  }

  private ask(slot: number, request: Omit<RankRequest, 'id'>): Promise<RankPart | null> {
    let worker: Worker;
    try {
      worker = this.worker(slot);
    } catch {
      this.failures++;
      return Promise.resolve(null);
    }
    const id = this.nextId++;
    return new Promise((resolve) => {
      // A stalled worker is replaced; the search goes on without it.
      const timer = setTimeout(() => this.replace(slot, worker), TIMEOUT_MS);
      this.pending.set(id, { resolve, timer, slot });
      worker.postMessage({ ...request, id } satisfies RankRequest);
    });
  }

  private worker(slot: number): Worker {
    const existing = this.workers[slot];
    if (existing) return existing;
    const worker = new Worker(WORKER_URL, {
      execArgv: process.execArgv.filter((arg) => !arg.startsWith('--input-type')),
      workerData: { databasePath: this.databasePath, key: this.key },
      resourceLimits: { maxOldGenerationSizeMb: 256 },
    });
    worker.unref();
    worker.on('message', (reply: RankReply) => this.settle(reply.id, 'error' in reply ? null : { rows: reply.rows, exhausted: reply.exhausted }));
    worker.on('error', () => this.replace(slot, worker));
    worker.on('exit', () => this.replace(slot, worker));
    this.workers[slot] = worker;
    return worker;
  }

  private settle(id: number, part: RankPart | null): void {
    const waiting = this.pending.get(id);
    if (!waiting) return;
    this.pending.delete(id);
    clearTimeout(waiting.timer);
    waiting.resolve(part);
  }

  /**
   * Forgets a worker that failed or stalled: what it was asked answers null; the next ask starts a
   * new one, until GIVE_UP_AFTER losses (a worker that cannot load, as a broken install would give,
   * must not cost every search a failed start).
   */
  private replace(slot: number, worker: Worker): void {
    if (this.workers[slot] !== worker) return; // already replaced
    this.workers[slot] = null;
    if (!this.closed) this.failures++;
    for (const [id, p] of this.pending) if (p.slot === slot) this.settle(id, null);
    void worker.terminate();
  }

  /** False once the workers have been given up on (or closed): searches rank on the main thread. */
  get usable(): boolean {
    return !this.closed && this.failures < GIVE_UP_AFTER;
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = this.workers.splice(0);
    for (const [id] of this.pending) this.settle(id, null);
    await Promise.all(all.map((w) => w?.terminate()));
  }
}

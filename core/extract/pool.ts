/**
 * A small pool of worker threads for hashing and extraction.
 *
 * Each job has a time limit and each worker a heap limit: a file that hangs a reader or blows up
 * in memory costs one worker (killed and replaced) and yields a 'timed-out' / 'too-large'
 * outcome, never a stuck scan or a crashed app. A worker that dies any other way (a crash in a
 * reader's native or WebAssembly code) gets its file tried once more on a fresh worker, then the
 * file is recorded as 'crashed'. Jobs run in the order they were asked for.
 */
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ExtractJobResult, HashResult, Job, JobRequest, WorkerMessage } from './jobs.ts';
import { extensionOf } from './sniff.ts';
import { DEFAULT_LIMITS } from './types.ts';
import type { ExtractLimits, FailureReason } from './types.ts';

export type { ExtractJobResult, HashResult } from './jobs.ts';

export interface ExtractionPoolOptions {
  /** Worker threads; default max(1, min(4, cores - 1)) so the UI keeps a core. */
  size?: number;
  /** Per-job time limit in milliseconds; default 60 s. */
  timeoutMs?: number;
  /** Per-worker old-generation heap limit in MB; default 1024. */
  memoryMb?: number;
  limits?: ExtractLimits;
  /** The worker script; tests swap in one that misbehaves on purpose. */
  workerUrl?: URL;
}

// From .ts sources (Node type stripping) the worker is worker.ts; from tsc output, worker.js.
const WORKER_URL = new URL('./worker' + extname(fileURLToPath(import.meta.url)), import.meta.url);

interface Pending {
  id: number;
  job: Job;
  resolve: (result: HashResult | ExtractJobResult) => void;
  reject: (err: Error) => void;
  /** Runs so far that ended with the worker crashing. */
  crashes: number;
  /** Filled in when the worker has read the file, so failures after that still carry the hash. */
  read?: { sha256: string; size: number; mtimeMs: number };
}

interface Slot {
  worker: Worker;
  /** False until the worker has loaded its modules: start-up time is not charged to a job. */
  ready: boolean;
  current: Pending | null;
  timer: NodeJS.Timeout | null;
}

function failedResult(pending: Pending, reason: FailureReason, detail: string): HashResult | ExtractJobResult {
  if (pending.job.kind === 'hash') return { status: 'failed', reason, detail };
  return {
    sha256: pending.read?.sha256 ?? null,
    size: pending.read?.size ?? null,
    mtimeMs: pending.read?.mtimeMs ?? null,
    outcome: { status: 'failed', format: extensionOf(pending.job.path) || 'unknown', reason, detail },
  };
}

export class ExtractionPool {
  readonly size: number;
  readonly timeoutMs: number;
  readonly memoryMb: number;
  readonly limits: ExtractLimits;
  private readonly workerUrl: URL;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(opts: ExtractionPoolOptions = {}) {
    this.size = Math.max(1, Math.floor(opts.size ?? Math.min(4, availableParallelism() - 1)));
    this.timeoutMs = opts.timeoutMs ?? 60_000;
    this.memoryMb = opts.memoryMb ?? 1024;
    this.limits = opts.limits ?? DEFAULT_LIMITS;
    this.workerUrl = opts.workerUrl ?? WORKER_URL;
  }

  hash(path: string): Promise<HashResult> {
    return this.submit({ kind: 'hash', path }) as Promise<HashResult>;
  }

  extract(path: string): Promise<ExtractJobResult> {
    return this.submit({ kind: 'extract', path }) as Promise<ExtractJobResult>;
  }

  /** Stop every worker; jobs still queued or running are rejected. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const err = new Error('extraction pool closed');
    for (const pending of this.queue.splice(0)) pending.reject(err);
    const slots = this.slots.splice(0);
    for (const slot of slots) {
      if (slot.timer) clearTimeout(slot.timer);
      slot.current?.reject(err);
      slot.current = null;
    }
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private submit(job: Job): Promise<HashResult | ExtractJobResult> {
    if (this.closed) return Promise.reject(new Error('extraction pool closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, resolve, reject, crashes: 0 });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const idle = this.slots.find((s) => s.ready && s.current === null);
      if (!idle) break;
      this.run(idle, this.queue.shift() as Pending);
    }
    const starting = this.slots.filter((s) => !s.ready).length;
    for (let wanted = this.queue.length - starting; wanted > 0 && this.slots.length < this.size; wanted--) {
      this.spawn();
    }
    // Busy or starting workers keep the process alive (someone awaits them); idle ones must not,
    // or an app or test run that forgot close() would never exit.
    for (const slot of this.slots) {
      if (slot.current || !slot.ready) slot.worker.ref();
      else slot.worker.unref();
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.workerUrl, {
      // Workers inherit the parent's flags; --input-type (from `node -e` scripts) makes them fail.
      execArgv: process.execArgv.filter((arg) => !arg.startsWith('--input-type')),
      workerData: { limits: this.limits },
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb },
    });
    const slot: Slot = { worker, ready: false, current: null, timer: null };
    worker.on('message', (message: WorkerMessage) => this.onMessage(slot, message));
    worker.on('error', (err: Error & { code?: string }) => {
      const outOfMemory = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.retire(
        slot,
        outOfMemory ? 'too-large' : 'crashed',
        outOfMemory ? `ran out of memory (limit ${this.memoryMb} MB)` : `the reader crashed: ${err.message}`,
      );
    });
    worker.on('exit', (code) => this.retire(slot, 'crashed', `the reader stopped unexpectedly (exit code ${code})`));
    this.slots.push(slot);
    return slot;
  }

  private run(slot: Slot, pending: Pending): void {
    slot.current = pending;
    slot.timer = setTimeout(() => {
      this.retire(slot, 'timed-out', `took longer than ${this.timeoutMs} ms`);
    }, this.timeoutMs);
    const request: JobRequest = { id: pending.id, job: pending.job };
    slot.worker.postMessage(request);
  }

  private onMessage(slot: Slot, message: WorkerMessage): void {
    if (message.type === 'ready') {
      slot.ready = true;
      this.dispatch();
      return;
    }
    const pending = slot.current;
    if (!pending || pending.id !== message.id) return;
    if (message.type === 'read') {
      pending.read = { sha256: message.sha256, size: message.size, mtimeMs: message.mtimeMs };
      return;
    }
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.current = null;
    pending.resolve(message.result);
    this.dispatch();
  }

  /** Kill a worker that timed out or died, settle its job, and let a fresh one take its place. */
  private retire(slot: Slot, reason: FailureReason, detail: string): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    if (slot.timer) clearTimeout(slot.timer);
    const pending = slot.current;
    slot.current = null;
    slot.worker.removeAllListeners('message');
    void slot.worker.terminate();
    if (pending && reason === 'crashed' && pending.crashes === 0 && !this.closed) {
      // Once more, first in line, on a fresh worker: a one-off crash must not fail a good file.
      pending.crashes++;
      pending.read = undefined;
      this.queue.unshift(pending);
    } else if (pending) {
      pending.resolve(failedResult(pending, reason, reason === 'crashed' ? `${detail}; it crashed again when tried a second time` : detail));
    } else if (!slot.ready && this.queue.length > 0) {
      // A worker that cannot even start would otherwise be respawned for ever: fail the next job.
      const next = this.queue.shift() as Pending;
      next.resolve(failedResult(next, 'crashed', `the reader could not start: ${detail}`));
    }
    if (!this.closed) this.dispatch();
  }
}

/**
 * Annex A for the API: the stored import, and the heavy work (reading extracts, validating,
 * building the workbook) run off the main thread in a worker with a time and a memory limit, so
 * the app stays responsive on a 113,000-row import. For an index in memory (the CLI's one-off
 * checks, tests) the same work runs in this thread against an in-memory store.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AnnexaFileRef, AnnexaImportReport, AnnexaProgress, AnnexaSpecSummary } from '../../shared/annexa/api.ts';
import { ANNEX_A_SPECS, DEFAULT_ANNEX_A_SPEC_ID, annexASpec } from '../../shared/annexa/index.ts';
import type { AnnexASummaries } from '../../shared/annexa/summaries.ts';
import { ApiFailure } from '../api/errors.ts';
import type { StoreKey } from '../store/cipher.ts';
import type { AnnexaJob, AnnexaJobMessage, ImportRequest, JobFile } from './jobs.ts';
import { parseMappingFile } from './mapping-file.ts';
import { runJob } from './pipeline.ts';
import {
  deleteAnnexaFile, findingCounts, importMeta, listChanges, openAnnexaDb, queryFindings, rowAt, type AnnexaDb, type FindingFilter,
} from './store.ts';

export interface AnnexaServiceOptions {
  /** The child-level data file (annexaPathFor), or ':memory:'. */
  path: string;
  /** Its key: the index's, when the index is encrypted. */
  key?: StoreKey;
  onProgress: (progress: AnnexaProgress) => void;
  /** Limits for a job's worker. */
  timeoutMs?: number;
  memoryMb?: number;
}

/** Staged uploads are kept this long at most: child-level data must not linger in memory. */
const STAGED_FOR_MS = 60 * 60 * 1000;
/** And no more than this much at once, so a page cannot fill the app's memory with uploads. */
const STAGED_MAX_BYTES = 1024 * 1024 * 1024;

// From .ts sources (Node type stripping) the worker is worker.ts; from tsc output, worker.js.
const WORKER_URL = new URL('./worker' + extname(fileURLToPath(import.meta.url)), import.meta.url);

export class AnnexaService {
  private readonly options: AnnexaServiceOptions;
  private db: AnnexaDb | null = null;
  private readonly staged = new Map<string, { name: string; bytes: Uint8Array; at: number }>();
  /** One job at a time: a second import waits for the first rather than interleaving writes. */
  private queue: Promise<unknown> = Promise.resolve();
  private sweeper: NodeJS.Timeout | null = null;

  constructor(options: AnnexaServiceOptions) {
    this.options = options;
  }

  private store(): AnnexaDb {
    this.db ??= openAnnexaDb(this.options.path, this.options.key);
    return this.db;
  }

  /** The store for reading, or null when there is no file (nothing imported, or deleted): reading never creates one. */
  private existing(): AnnexaDb | null {
    if (this.db) return this.db;
    return this.options.path !== ':memory:' && !existsSync(this.options.path) ? null : this.store();
  }

  specs(): AnnexaSpecSummary[] {
    return ANNEX_A_SPECS.map((s) => ({ id: s.id, title: s.title, source: s.source, basedOn: s.basedOn ?? null, isDefault: s.id === DEFAULT_ANNEX_A_SPEC_ID }))
      .sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
  }

  stage(name: string, bytes: Uint8Array): string {
    this.dropStale();
    const held = [...this.staged.values()].reduce((n, s) => n + s.bytes.byteLength, 0);
    if (held + bytes.byteLength > STAGED_MAX_BYTES) {
      throw new ApiFailure('unavailable', 'Too many uploaded extracts are waiting to be imported. Import those added so far, or reload the page to start again.');
    }
    const id = randomUUID();
    this.staged.set(id, { name, bytes, at: Date.now() });
    // Dropped after an hour even if nothing else happens (an abandoned import).
    this.sweeper ??= setInterval(() => this.dropStale(), 5 * 60 * 1000).unref();
    return id;
  }

  /** A mapping file's text, checked (the message names what is wrong). */
  checkMapping(text: string): void {
    try {
      parseMappingFile(text);
    } catch (error) {
      throw new ApiFailure('invalid-argument', (error as Error).message, 'json');
    }
  }

  import(request: { files: AnnexaFileRef[]; inspectionDate: string; specId?: string; mapping?: string }): Promise<AnnexaImportReport> {
    const specId = request.specId ?? DEFAULT_ANNEX_A_SPEC_ID;
    // An upload is held for one import only, whatever comes of it (a refused request included).
    const release = () => {
      for (const f of request.files) if ('staged' in f) this.staged.delete(f.staged);
    };
    let files: JobFile[];
    try {
      if (!annexASpec(specId)) throw new ApiFailure('not-found', `There is no Annex A version “${specId}”.`, 'specId');
      if (request.mapping !== undefined) this.checkMapping(request.mapping);
      files = request.files.map((f) => {
        if ('path' in f) return { name: f.path, path: f.path };
        const staged = this.staged.get(f.staged);
        if (!staged) throw new ApiFailure('not-found', 'An uploaded file is no longer held (uploads are kept for an hour). Add it again.', 'files');
        return { name: staged.name, bytes: staged.bytes };
      });
    } catch (error) {
      release();
      throw error;
    }
    const job: ImportRequest = { kind: 'import', dbPath: this.options.path, dbKey: this.options.key, files, specId, inspectionDate: request.inspectionDate, mapping: request.mapping ?? null };
    return this.enqueue(async () => {
      try {
        return (await this.run(job)) as AnnexaImportReport;
      } finally {
        release();
      }
    });
  }

  summary(): AnnexASummaries | null {
    const db = this.existing();
    return db ? ((importMeta(db)?.summaries as AnnexASummaries | undefined) ?? null) : null;
  }

  status(): AnnexaImportReport | null {
    const db = this.existing();
    return db ? ((importMeta(db)?.report as AnnexaImportReport | undefined) ?? null) : null;
  }

  findings(filter: FindingFilter) {
    const db = this.existing();
    return db ? { ...queryFindings(db, filter), counts: findingCounts(db) } : { total: 0, findings: [], counts: [] };
  }

  changes(filter: { list?: string; source?: string; row?: number; offset?: number; limit?: number }) {
    const db = this.existing();
    return db ? listChanges(db, filter) : { total: 0, changes: [] };
  }

  row(source: string, row: number) {
    const db = this.existing();
    if (!db) return null;
    const found = rowAt(db, source, row);
    const meta = importMeta(db);
    if (!found || !meta) return null;
    const list = annexASpec(meta.specId)?.lists.find((l) => l.key === found.list);
    if (!list) return null;
    return {
      list: found.list,
      source: found.source,
      row: found.row,
      cells: list.columns.map((c) => ({ column: c.key, header: c.header, value: found.values[c.key] ?? null })),
    };
  }

  workbook(options: { pseudonymise: boolean }): Promise<Uint8Array<ArrayBuffer>> {
    const db = this.existing();
    if (!db || !importMeta(db)) throw new ApiFailure('not-found', 'Nothing has been imported yet: import the extracts first.');
    return this.enqueue(async () => (await this.run({ kind: 'workbook', dbPath: this.options.path, dbKey: this.options.key, pseudonymise: options.pseudonymise })) as Uint8Array<ArrayBuffer>);
  }

  /** Deletes every child's data: closes the store and removes its file. */
  async clear(): Promise<void> {
    await this.enqueue(async () => {
      this.staged.clear();
      if (this.options.path === ':memory:') {
        this.db?.close();
        this.db = null;
        return;
      }
      this.db?.close();
      this.db = null;
      deleteAnnexaFile(this.options.path);
    });
  }

  close(): void {
    this.staged.clear();
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
    this.db?.close();
    this.db = null;
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private dropStale(): void {
    const now = Date.now();
    for (const [id, s] of this.staged) if (now - s.at > STAGED_FOR_MS) this.staged.delete(id);
  }

  /** Runs a job: in a worker for a file store, here for an in-memory one (which a worker could not see). */
  private async run(job: AnnexaJob): Promise<unknown> {
    if (job.dbPath === ':memory:') return runJob(job, this.store(), this.options.onProgress);
    // The worker writes with its own connection; ours (WAL) goes on reading the previous import meanwhile.
    return new Promise((resolve, reject) => {
      const worker = new Worker(WORKER_URL, {
        execArgv: process.execArgv.filter((arg) => !arg.startsWith('--input-type')),
        workerData: job,
        resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb ?? 4096 },
      });
      let settled = false;
      // Settled only once the worker has gone: the next job (or a clear() deleting the file) must not
      // meet its connection still open.
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate().finally(fn);
      };
      const timer = setTimeout(
        () => finish(() => reject(new ApiFailure('unavailable', `Annex A work took longer than ${Math.round((this.options.timeoutMs ?? 900_000) / 60_000)} minutes and was stopped.`))),
        this.options.timeoutMs ?? 900_000,
      );
      worker.on('message', (message: AnnexaJobMessage) => {
        if (message.type === 'progress') this.options.onProgress(message.progress);
        else if (message.type === 'done') finish(() => resolve(message.result));
        else finish(() => reject(new ApiFailure(message.code, message.message)));
      });
      worker.on('error', (error: Error & { code?: string }) =>
        finish(() =>
          reject(
            new ApiFailure(
              'unavailable',
              error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'The extracts need more memory than Annex A work may use. Import fewer or smaller files at a time.' : `Annex A work stopped unexpectedly: ${error.message}`,
            ),
          ),
        ),
      );
      worker.on('exit', (code) => finish(() => reject(new ApiFailure('unavailable', `Annex A work stopped unexpectedly (exit code ${code}).`))));
    });
  }
}

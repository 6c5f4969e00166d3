/**
 * Worker-thread entry for the extraction pool: hashing and extraction run here so a slow or
 * hostile file can be killed without touching the app's main thread.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { extractFile } from './index.ts';
import type { ExtractJobResult, HashResult, JobRequest, WorkerMessage } from './jobs.ts';
import { extensionOf } from './sniff.ts';
import { DEFAULT_LIMITS } from './types.ts';
import type { ExtractLimits } from './types.ts';

const limits: ExtractLimits = { ...DEFAULT_LIMITS, ...(workerData as { limits?: ExtractLimits } | null)?.limits };

/** "EBUSY: resource busy or locked, open 'x'" keeps the code the failures list can explain. */
function fsDetail(err: unknown): string {
  const code = err && typeof err === 'object' && 'code' in err ? String(err.code) : '';
  const message = err instanceof Error ? err.message : String(err);
  return code && !message.startsWith(code) ? `${code}: ${message}` : message;
}

async function hashFile(path: string): Promise<HashResult> {
  try {
    const info = await stat(path);
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
    return { status: 'ok', sha256: hash.digest('hex'), size: info.size, mtimeMs: info.mtimeMs };
  } catch (err) {
    return { status: 'failed', reason: 'unreadable', detail: fsDetail(err) };
  }
}

async function extractPath(id: number, path: string): Promise<ExtractJobResult> {
  const format = extensionOf(path) || 'unknown';
  let bytes: Buffer;
  let size: number;
  let mtimeMs: number;
  try {
    const handle = await open(path, 'r');
    try {
      const info = await handle.stat();
      size = info.size;
      mtimeMs = info.mtimeMs;
      // Refuse before reading: a 5 GB video in the evidence folder must not be pulled into memory.
      if (size > limits.maxFileBytes) {
        return {
          sha256: null,
          size,
          mtimeMs,
          outcome: {
            status: 'failed',
            format,
            reason: 'too-large',
            detail: `${size} bytes is over the ${limits.maxFileBytes}-byte limit`,
          },
        };
      }
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (err) {
    return {
      sha256: null,
      size: null,
      mtimeMs: null,
      outcome: { status: 'failed', format, reason: 'unreadable', detail: fsDetail(err) },
    };
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const read: WorkerMessage = { id, type: 'read', sha256, size: bytes.length, mtimeMs };
  parentPort?.postMessage(read);
  const outcome = await extractFile(bytes, basename(path), limits);
  return { sha256, size: bytes.length, mtimeMs, outcome };
}

parentPort?.on('message', async ({ id, job }: JobRequest) => {
  const result = job.kind === 'hash' ? await hashFile(job.path) : await extractPath(id, job.path);
  const done: WorkerMessage = { id, type: 'done', result };
  parentPort?.postMessage(done);
});

const ready: WorkerMessage = { type: 'ready' };
parentPort?.postMessage(ready);

/**
 * A stand-in extraction worker that crashes on purpose, for the pool's crash handling: it speaks
 * the real worker's protocol (core/extract/jobs.ts) and dies the way a reader's native code would.
 *
 * A file whose text says "crash-once" kills the first worker that reads it and is read by the
 * second (a marker file beside it remembers); "crash-always" kills every worker; anything else is
 * read as plain text.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { JobRequest, WorkerMessage } from '../../core/extract/jobs.ts';

parentPort?.on('message', ({ id, job }: JobRequest) => {
  const text = readFileSync(job.path, 'utf8');
  const marker = `${job.path}.crashed`;
  if (text.includes('crash-always') || (text.includes('crash-once') && !existsSync(marker))) {
    writeFileSync(marker, '');
    process.exit(7); // in a worker thread this ends the thread, as a native crash would
  }
  const done: WorkerMessage = {
    id,
    type: 'done',
    result:
      job.kind === 'hash'
        ? { status: 'ok', sha256: 'x'.repeat(64), size: text.length, mtimeMs: 1 }
        : { sha256: 'x'.repeat(64), size: text.length, mtimeMs: 1, outcome: { status: 'indexed', format: 'text', extracted: { format: 'text', pages: [{ number: 1, text }] } } },
  };
  parentPort?.postMessage(done);
});

const ready: WorkerMessage = { type: 'ready' };
parentPort?.postMessage(ready);

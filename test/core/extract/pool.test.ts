import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ExtractionPool } from '../../../core/extract/pool.ts';
import { buildPdf } from '../../fixtures/extract/build-pdf.ts';
import { tempDir } from '../../helpers/temp.ts';

const POOL_URL = pathToFileURL(join(import.meta.dirname, '../../../core/extract/pool.ts')).href;
const CRASHING_WORKER = new URL('../../helpers/crashing-worker.ts', import.meta.url);
let dir: string;
let slowPdf: string;
let hello: string;

beforeAll(() => {
  dir = tempDir();
  hello = join(dir, 'hello.txt');
  writeFileSync(hello, 'Hello from the evidence folder');
  // Tens of thousands of pages keep the reader busy for seconds: a real slow input, no test-only job kind.
  slowPdf = join(dir, 'slow.pdf');
  writeFileSync(slowPdf, buildPdf({ pages: Array.from({ length: 40_000 }, (_, i) => `Page ${i + 1} of a long report`) }));
});


/** Run a module in a fresh Node (the same Node 24 as the tests) and report how it ended. */
function runScript(source: string): { status: number | null; ms: number; stdout: string; stderr: string } {
  const started = Date.now();
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', source], { encoding: 'utf8', timeout: 20_000 });
  return { status: child.status, ms: Date.now() - started, stdout: child.stdout, stderr: child.stderr };
}

describe('ExtractionPool', () => {
  it('hashes a file with SHA-256 and reports its size and mtime', async () => {
    const pool = new ExtractionPool({ size: 1 });
    try {
      const result = await pool.hash(hello);
      expect(result).toMatchObject({
        status: 'ok',
        sha256: createHash('sha256').update('Hello from the evidence folder').digest('hex'),
        size: 30,
      });
      expect(result.status === 'ok' && result.mtimeMs > 0).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('extracts a file and returns the hash of the bytes it extracted', async () => {
    const pool = new ExtractionPool({ size: 1 });
    try {
      const [hashed, extracted] = await Promise.all([pool.hash(hello), pool.extract(hello)]);
      expect(extracted).toMatchObject({
        size: 30,
        outcome: { status: 'indexed', format: 'text', extracted: { pages: [{ number: 1, text: 'Hello from the evidence folder' }] } },
      });
      expect(hashed.status === 'ok' && hashed.sha256).toBe(extracted.sha256);
    } finally {
      await pool.close();
    }
  });

  it('reports a missing file as unreadable with its error code', async () => {
    const pool = new ExtractionPool({ size: 1 });
    try {
      const missing = join(dir, 'gone.pdf');
      expect(await pool.extract(missing)).toMatchObject({
        sha256: null,
        outcome: { status: 'failed', format: 'pdf', reason: 'unreadable', detail: expect.stringMatching(/^ENOENT/) },
      });
      expect(await pool.hash(missing)).toMatchObject({ status: 'failed', reason: 'unreadable', detail: expect.stringMatching(/^ENOENT/) });
    } finally {
      await pool.close();
    }
  });

  it('refuses a file over the size limit without reading it', async () => {
    const pool = new ExtractionPool({ size: 1, limits: { maxFileBytes: 10, maxUnzippedBytes: 1e6, maxZipRatio: 100, maxTextChars: 1e6 } });
    try {
      expect(await pool.extract(hello)).toMatchObject({ sha256: null, size: 30, outcome: { status: 'failed', reason: 'too-large' } });
    } finally {
      await pool.close();
    }
  });

  it('kills a job that runs past the time limit, reports it timed out, and runs the next job', async () => {
    const pool = new ExtractionPool({ size: 1, timeoutMs: 400 });
    try {
      const [slow, next] = await Promise.all([pool.extract(slowPdf), pool.extract(hello)]);
      expect(slow.outcome).toMatchObject({ status: 'failed', format: 'pdf', reason: 'timed-out' });
      // The file was read before the extractor hung, so the scan still learns its hash.
      expect(slow.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(next.outcome).toMatchObject({ status: 'indexed', format: 'text' });
    } finally {
      await pool.close();
    }
  });

  it('runs jobs in the order they were asked for', async () => {
    const pool = new ExtractionPool({ size: 1 });
    const order: string[] = [];
    try {
      await Promise.all(
        ['a', 'b', 'c', 'd'].map((name) => {
          const path = join(dir, `${name}.txt`);
          writeFileSync(path, name);
          return pool.extract(path).then(() => order.push(name));
        }),
      );
      expect(order).toEqual(['a', 'b', 'c', 'd']);
    } finally {
      await pool.close();
    }
  });

  it('rejects jobs asked for after close()', async () => {
    const pool = new ExtractionPool({ size: 1 });
    await pool.close();
    await expect(pool.extract(hello)).rejects.toThrow(/closed/);
  });

  it('lets the process exit after close()', () => {
    const run = runScript(
      `import { ExtractionPool } from ${JSON.stringify(POOL_URL)};\n` +
        `const pool = new ExtractionPool({ size: 2 });\n` +
        `const r = await pool.extract(${JSON.stringify(hello)});\n` +
        `console.log(r.outcome.status);\n` +
        `await pool.close();\n`,
    );
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.stdout.trim()).toBe('indexed');
    expect(run.status).toBe(0);
    expect(run.ms).toBeLessThan(15_000);
  });

  it('does not keep the process alive while idle, even without close()', () => {
    const run = runScript(
      `import { ExtractionPool } from ${JSON.stringify(POOL_URL)};\n` +
        `const pool = new ExtractionPool({ size: 2 });\n` +
        `const r = await pool.hash(${JSON.stringify(hello)});\n` +
        `console.log(r.status);\n`,
    );
    expect(run.stdout.trim()).toBe('ok');
    expect(run.status).toBe(0);
  });

  it('tries a file again on a fresh worker when its reader crashes, once', async () => {
    const pool = new ExtractionPool({ size: 1, workerUrl: CRASHING_WORKER });
    try {
      const once = join(dir, 'crash-once.txt');
      writeFileSync(once, 'crash-once: a reader that fails the first time only');
      expect(await pool.extract(once)).toMatchObject({ outcome: { status: 'indexed', extracted: { pages: [{ text: expect.stringContaining('first time only') }] } } });
    } finally {
      await pool.close();
    }
  });

  it('records a file whose reader crashes twice as crashed, and goes on with the next', async () => {
    const pool = new ExtractionPool({ size: 1, workerUrl: CRASHING_WORKER });
    try {
      const always = join(dir, 'crash-always.txt');
      writeFileSync(always, 'crash-always');
      const [bad, good] = await Promise.all([pool.extract(always), pool.extract(hello)]);
      expect(bad.outcome).toMatchObject({ status: 'failed', reason: 'crashed', detail: expect.stringMatching(/crashed again when tried a second time/) });
      expect(good.outcome).toMatchObject({ status: 'indexed' });
    } finally {
      await pool.close();
    }
  });
});

/**
 * `npm run bench:pdf -- [folder] [--workers N] [--repeat N]`: PDF text extraction by our worker pool
 * (PDFium) against poppler's `pdftotext` (apt-get install poppler-utils), on the same files.
 *
 * - pdftotext runs one process after another, over the PDFs it can read; only those are compared.
 * - The real ExtractionPool then reads the same files with 1 worker, and with N workers (default:
 *   the pool's own default, at least 2). Each pool run starts cold: worker start-up and loading
 *   PDFium are part of the time, as they are in a scan.
 * - Characters are counted without whitespace, since each tool lays out spaces and lines its own way.
 * - Peak RSS is the whole process (worker threads share it), sampled every 50 ms during each run.
 * - `--repeat N` reads the files N times over with the N-worker pool, to show whether memory
 *   settles or keeps growing across thousands of files.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExtractionPool } from '../core/extract/pool.ts';
import type { ExtractJobResult } from '../core/extract/pool.ts';

const args = process.argv.slice(2);
const option = (name: string): number | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : undefined;
};
const folderArg = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const folder = resolve(folderArg ?? fileURLToPath(new URL('../../shared/corpus', import.meta.url)));
if (!existsSync(folder)) {
  console.error(`No folder at ${folder}`);
  process.exit(2);
}
const defaultSize = new ExtractionPool().size;
const workers = option('--workers') ?? Math.max(2, defaultSize);
const repeat = option('--repeat') ?? 1;

function listPdfs(dir: string, into: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) listPdfs(full, into);
    else if (/\.pdf$/iu.test(entry.name)) into.push(full);
  }
  return into.sort();
}

const visibleChars = (text: string): number => text.replace(/\s+/gu, '').length;
const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);
const load = (): string => loadavg().map((n) => n.toFixed(2)).join(' ');

interface Run {
  label: string;
  pages: number;
  chars: number;
  seconds: number;
  failed: number;
  peakRss?: number;
  /** Files pdftotext read that this run could not, with why. */
  notes?: string[];
}

/** pdftotext, one process at a time, over the files it can read (pdfinfo gives their pages). */
function runPdftotext(files: string[]): { run: Run; readable: string[] } {
  const readable: string[] = [];
  const run: Run = { label: 'pdftotext -enc UTF-8, one process at a time', pages: 0, chars: 0, seconds: 0, failed: 0 };
  for (const file of files) {
    let pages: number;
    try {
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      pages = Number(/Pages:\s+(\d+)/u.exec(info)?.[1] ?? 0);
    } catch {
      run.failed++; // damaged or encrypted: not part of the comparison
      continue;
    }
    const started = performance.now();
    let text: string;
    try {
      text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        timeout: 60_000,
        maxBuffer: 1 << 30,
      });
    } catch {
      run.failed++;
      continue;
    }
    run.seconds += (performance.now() - started) / 1000;
    run.pages += pages;
    run.chars += visibleChars(text);
    readable.push(file);
  }
  return { run, readable };
}

/** The whole process's resident memory, sampled while `work` runs. */
async function sampleRss<T>(work: () => Promise<T>): Promise<{ result: T; peak: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  try {
    const result = await work();
    return { result, peak: Math.max(peak, process.memoryUsage.rss()) };
  } finally {
    clearInterval(timer);
  }
}

function tally(label: string, files: string[], results: ExtractJobResult[], seconds: number, peakRss: number): Run {
  const run: Run = { label, pages: 0, chars: 0, seconds, failed: 0, peakRss, notes: [] };
  for (const [i, { outcome }] of results.entries()) {
    if (outcome.status !== 'indexed') {
      run.failed++;
      const why = outcome.status === 'failed' ? `${outcome.reason}: ${outcome.detail}` : outcome.detail;
      run.notes?.push(`${files[i].slice(folder.length + 1)} (${why})`);
      continue;
    }
    run.pages += outcome.extracted.pages.length;
    run.chars += outcome.extracted.pages.reduce((n, page) => n + visibleChars(page.text), 0);
  }
  return run;
}

/** A fresh pool of `size` workers reads every file `passes` times; one Run per pass. */
async function runPool(size: number, files: string[], passes = 1): Promise<Run[]> {
  const pool = new ExtractionPool({ size });
  const runs: Run[] = [];
  try {
    for (let pass = 1; pass <= passes; pass++) {
      const started = performance.now();
      const { result, peak } = await sampleRss(() => Promise.all(files.map((file) => pool.extract(file))));
      const seconds = (performance.now() - started) / 1000;
      const label = `worker pool (PDFium), ${size} worker${size > 1 ? 's' : ''}${passes > 1 ? `, pass ${pass}` : ''}`;
      runs.push(tally(label, files, result, seconds, peak));
    }
  } finally {
    await pool.close();
  }
  return runs;
}

function table(runs: Run[], reference: Run): string {
  const rate = (run: Run) => run.pages / run.seconds;
  const lines = [
    '| extractor | pages | seconds | pages/s | × pdftotext | characters (% of pdftotext) | failed | peak RSS MB |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const run of runs) {
    lines.push(
      `| ${run.label} | ${run.pages} | ${run.seconds.toFixed(2)} | ${rate(run).toFixed(0)} | ` +
        `${(rate(run) / rate(reference)).toFixed(2)} | ${run.chars} (${((100 * run.chars) / reference.chars).toFixed(1)} %) | ` +
        `${run.failed} | ${run.peakRss === undefined ? '' : mb(run.peakRss)} |`,
    );
  }
  return lines.join('\n');
}

const all = listPdfs(folder);
console.log(`Machine: ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.versions.node}`);
console.log(`Load average at start: ${load()}`);
const { run: poppler, readable } = runPdftotext(all);
const bytes = readable.reduce((n, f) => n + statSync(f).size, 0);
console.log(`Folder: ${folder}`);
console.log(`PDFs: ${all.length}; compared: ${readable.length} that pdftotext reads (${mb(bytes)} MB), ${poppler.failed} left out`);
console.log(`Process RSS before the pool runs: ${mb(process.memoryUsage.rss())} MB\n`);

const runs = [poppler, ...(await runPool(1, readable)), ...(await runPool(workers, readable, repeat))];
console.log(table(runs, poppler));
const notes = new Set(runs.flatMap((run) => run.notes ?? []));
if (notes.size) console.log(`\nRead by pdftotext, not by the pool: ${[...notes].join('; ')}`);
console.log(`\nLoad average at end: ${load()}`);

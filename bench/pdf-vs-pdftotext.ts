/**
 * `npm run bench:pdf -- [folder] [--workers N] [--repeat N]`: PDF text extraction by our worker pool
 * (PDFium) against poppler's `pdftotext` (apt-get install poppler-utils), on the same files.
 *
 * - Only the PDFs poppler can open (pdfinfo) are compared.
 * - The real ExtractionPool reads them with 1 worker, then with N workers (default: the pool's own
 *   default, at least 2). Each pool run starts cold: worker start-up and loading PDFium are part of
 *   the time, as they are in a scan. Results are counted as they arrive and not kept, as the indexer
 *   does, so the process holds no more than a scan would.
 * - pdftotext then runs one process after another over the same files (after the pool, so the
 *   text it prints, held by this process, does not count in the pool's memory).
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
  /** Files this run could not read, with why. */
  notes?: string[];
}

/** The PDFs poppler can open, with their page counts. */
function openable(files: string[]): { readable: string[]; pages: Map<string, number> } {
  const pages = new Map<string, number>();
  for (const file of files) {
    try {
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      pages.set(file, Number(/Pages:\s+(\d+)/u.exec(info)?.[1] ?? 0));
    } catch {
      // damaged or encrypted: not part of the comparison
    }
  }
  return { readable: [...pages.keys()], pages };
}

/** pdftotext, one process at a time; pages as pdfinfo counts them. */
function runPdftotext(files: string[], pages: Map<string, number>): Run {
  const run: Run = { label: 'pdftotext -enc UTF-8, one process at a time', pages: 0, chars: 0, seconds: 0, failed: 0, notes: [] };
  for (const file of files) {
    const started = performance.now();
    let text: string;
    try {
      text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        timeout: 60_000,
        maxBuffer: 1 << 30,
      });
    } catch (err) {
      run.failed++;
      run.notes?.push(`pdftotext could not read ${file.slice(folder.length + 1)} (${(err as Error).message.split('\n')[0]})`);
      continue;
    }
    run.seconds += (performance.now() - started) / 1000;
    run.pages += pages.get(file) ?? 0;
    run.chars += visibleChars(text);
  }
  return run;
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

/** Count one pool result into `run`, keeping nothing of its text. */
function count(run: Run, file: string, { outcome }: ExtractJobResult): void {
  if (outcome.status !== 'indexed') {
    run.failed++;
    const why = outcome.status === 'failed' ? `${outcome.reason}: ${outcome.detail}` : outcome.detail;
    run.notes?.push(`the pool could not read ${file.slice(folder.length + 1)} (${why})`);
    return;
  }
  run.pages += outcome.extracted.pages.length;
  run.chars += outcome.extracted.pages.reduce((n, page) => n + visibleChars(page.text), 0);
}

/** A fresh pool of `size` workers reads every file `passes` times; one Run per pass. */
async function runPool(size: number, files: string[], passes = 1): Promise<Run[]> {
  const pool = new ExtractionPool({ size });
  const runs: Run[] = [];
  try {
    for (let pass = 1; pass <= passes; pass++) {
      const label = `worker pool (PDFium), ${size} worker${size > 1 ? 's' : ''}${passes > 1 ? `, pass ${pass}` : ''}`;
      const run: Run = { label, pages: 0, chars: 0, seconds: 0, failed: 0, notes: [] };
      const started = performance.now();
      const { peak } = await sampleRss(() => Promise.all(files.map((file) => pool.extract(file).then((result) => count(run, file, result)))));
      run.seconds = (performance.now() - started) / 1000;
      run.peakRss = peak;
      runs.push(run);
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
const { readable, pages } = openable(all);
const bytes = readable.reduce((n, f) => n + statSync(f).size, 0);
console.log(`Folder: ${folder}`);
console.log(`PDFs: ${all.length}; compared: ${readable.length} that poppler opens (${mb(bytes)} MB), ${all.length - readable.length} left out`);
console.log(`Process RSS before the pool runs: ${mb(process.memoryUsage.rss())} MB\n`);

const poolRuns = [...(await runPool(1, readable)), ...(await runPool(workers, readable, repeat))];
const poppler = runPdftotext(readable, pages);
const runs = [poppler, ...poolRuns];
console.log(table(runs, poppler));
const notes = new Set(runs.flatMap((run) => run.notes ?? []));
if (notes.size) console.log(`\n${[...notes].join('\n')}`);
console.log(`\nLoad average at end: ${load()}`);

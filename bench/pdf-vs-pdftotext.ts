/**
 * `npm run bench:pdf -- [folder]`: PDF pages/s of our worker pool against one poppler `pdftotext`
 * process run file after file over the same PDFs (apt-get install poppler-utils).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExtractionPool } from '../core/extract/pool.ts';

const folderArg = process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--workers');
const folder = resolve(folderArg ?? fileURLToPath(new URL('../../shared/corpus', import.meta.url)));
if (!existsSync(folder)) {
  console.error(`No folder at ${folder}`);
  process.exit(2);
}
const pdfs: string[] = [];
const walk = (dir: string) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) walk(full);
    else if (/\.pdf$/iu.test(e.name)) pdfs.push(full);
  }
};
walk(folder);

// pdftotext, one process after another, over the PDFs it can read.
let popplerPages = 0;
let popplerSeconds = 0;
const readable: string[] = [];
for (const file of pdfs) {
  let pages: number;
  try {
    pages = Number(/Pages:\s+(\d+)/u.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))?.[1] ?? 0);
  } catch {
    continue; // damaged or encrypted: not part of the comparison
  }
  const t = performance.now();
  try {
    execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { stdio: ['ignore', 'ignore', 'ignore'], timeout: 60_000 });
  } catch {
    continue;
  }
  popplerSeconds += (performance.now() - t) / 1000;
  popplerPages += pages;
  readable.push(file);
}

const workersArg = process.argv.indexOf('--workers');
const pool = new ExtractionPool(workersArg > 0 ? { size: Number(process.argv[workersArg + 1]) } : {});
const t0 = performance.now();
const results = await Promise.all(readable.map((f) => pool.extract(f)));
const poolSeconds = (performance.now() - t0) / 1000;
await pool.close();
const poolPages = results.reduce((n, r) => n + (r.outcome.status === 'indexed' ? r.outcome.extracted.pages.length : 0), 0);
const mb = readable.reduce((n, f) => n + statSync(f).size, 0) / 1e6;

console.log(`PDFs compared: ${readable.length} (${mb.toFixed(1)} MB); pool workers: ${pool.size}`);
console.log(`pdftotext (one process at a time): ${popplerPages} pages in ${popplerSeconds.toFixed(2)} s = ${(popplerPages / popplerSeconds).toFixed(0)} pages/s`);
console.log(`worker pool (pdf.js):              ${poolPages} pages in ${poolSeconds.toFixed(2)} s = ${(poolPages / poolSeconds).toFixed(0)} pages/s`);

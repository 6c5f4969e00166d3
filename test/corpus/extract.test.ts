/**
 * Every corpus file through the real extraction pool (worker threads, time limit), checked
 * against MANIFEST.csv. Needs the corpus: see manifest.ts for where it is looked for.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractOutcome } from '../../core/extract/index.ts';
import { ExtractionPool } from '../../core/extract/pool.ts';
import type { ExtractJobResult } from '../../core/extract/pool.ts';
import { expectedPhrases, locateCorpus, normaliseForMatch, readManifest, realFormat } from './manifest.ts';
import type { ManifestRow } from './manifest.ts';

/** Real formats this slice extracts (the manifest says 'txt'/'csv' where the sniffer says 'text'). */
const IN_SCOPE = new Set([
  'pdf', 'docx', 'txt', 'csv', 'md', 'html',
  'xlsx', 'pptx', 'odt', 'ods', 'odp', 'rtf', 'eml', 'mbox', 'msg', 'doc',
]);

/**
 * In-scope expectations this slice knowingly cannot meet, with the reason. Each is still run and
 * must not crash or hang. Keep this list short and honest.
 */
const KNOWN_GAPS: Record<string, string> = {};

/** Rows where the manifest's loose "no crash" deserves a precise answer. */
const EXACT: Record<string, Partial<Record<'status' | 'reason' | 'format', string>>> = {
  'broken/zero_bytes.pdf': { status: 'failed', reason: 'empty' },
  'hostile/zipbomb_1GiB_document_xml.docx': { status: 'failed', reason: 'too-large' },
  'misnamed/actually_a_jpeg.pdf': { status: 'unsupported', format: 'jpeg' },
  'office/mammoth_empty.docx': { status: 'indexed', format: 'docx' },
  'uk-gov/jsna_briefing_child_poverty_oct_2013.doc': { status: 'indexed', format: 'doc' },
  'unsupported/testWORD.doc': { status: 'indexed', format: 'doc' },
  'unsupported/testRTF.rtf': { status: 'indexed', format: 'rtf' },
  'unsupported/testEXCEL.xls': { status: 'unsupported', format: 'xls' },
  'uk-gov/population_in_care_homes_by_local_authority_census_2011.xls': { status: 'unsupported', format: 'xls' },
  'hostile/poc-xmlbomb.xlsx': { status: 'failed', reason: 'corrupt' },
  'hostile/54764_entity_expansion.xlsx': { status: 'failed', reason: 'corrupt' },
  'hostile/xxe_in_schema.xlsx': { status: 'indexed', format: 'xlsx' },
  'hostile/poc-shared-strings.xlsx': { status: 'indexed', format: 'xlsx' },
  'broken/invalid_empty_zip.xlsx': { status: 'failed', reason: 'corrupt' },
  'broken/testODTnotaZipFile.odt': { status: 'failed', reason: 'corrupt' },
  'encrypted/testODTEncrypted.odt': { status: 'failed', reason: 'encrypted' },
  'misnamed/actually_xlsx.csv': { status: 'indexed', format: 'xlsx' },
};

/** Scanned pages may carry a stray word of real text ("pdf.js" on a near-blank scan). */
const NEAR_EMPTY_CHARS = 40;

const FAILURE_REASONS = ['corrupt', 'encrypted', 'too-large', 'timed-out', 'unreadable', 'empty'];

type Check = 'known-gap' | 'scanned' | 'encrypted' | 'out-of-scope' | 'phrases' | 'no-crash';

function classify(row: ManifestRow): Check {
  if (KNOWN_GAPS[row.path]) return 'known-gap';
  if (row.path.startsWith('scanned/')) return 'scanned';
  // A non-empty user password, or an Office file wrapped in an encrypted OLE2 package.
  if (row.path.startsWith('encrypted/') && (/user password '[^']/.test(row.expectation) || /EncryptedPackage/.test(row.expectation))) {
    return 'encrypted';
  }
  if (!IN_SCOPE.has(realFormat(row))) return 'out-of-scope';
  return expectedPhrases(row.expectation).length > 0 ? 'phrases' : 'no-crash';
}

function allText(outcome: ExtractOutcome): string {
  return outcome.status === 'indexed' ? outcome.extracted.pages.map((p) => p.text).join('\n') : '';
}

function describeOutcome(outcome: ExtractOutcome): string {
  if (outcome.status === 'indexed') return `indexed ${outcome.format}, ${allText(outcome).length} chars`;
  if (outcome.status === 'unsupported') return `unsupported ${outcome.format}: ${outcome.detail}`;
  return `failed ${outcome.format} (${outcome.reason}): ${outcome.detail}`;
}

function expectWellFormed(outcome: ExtractOutcome): void {
  expect(['indexed', 'unsupported', 'failed']).toContain(outcome.status);
  if (outcome.status === 'failed') {
    expect(FAILURE_REASONS).toContain(outcome.reason);
    expect(outcome.detail).toBeTruthy();
  }
  if (outcome.status === 'unsupported') expect(outcome.detail).toBeTruthy();
}

const corpusDir = locateCorpus();
const rows = readManifest(corpusDir);
const results = new Map<string, { result: ExtractJobResult; ms: number }>();
let totalMs = 0;

beforeAll(async () => {
  const pool = new ExtractionPool();
  const started = Date.now();
  try {
    // One lane per worker, each taking the next file when its last one is done, so every
    // timing is that file's own and not time spent waiting in the queue.
    const queue = [...rows];
    const lane = async () => {
      for (let row = queue.shift(); row; row = queue.shift()) {
        const t0 = Date.now();
        const result = await pool.extract(join(corpusDir, row.path));
        results.set(row.path, { result, ms: Date.now() - t0 });
      }
    };
    await Promise.all(Array.from({ length: pool.size }, lane));
  } finally {
    totalMs = Date.now() - started;
    await pool.close();
  }
});

afterAll(() => {
  const counts = new Map<string, number>();
  for (const { result } of results.values()) {
    const o = result.outcome;
    const key = o.status === 'failed' ? `failed (${o.reason})` : o.status;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const slowest = [...results.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8);
  const lines = [
    `Corpus extraction: ${results.size} files in ${(totalMs / 1000).toFixed(1)} s (${corpusDir})`,
    ...[...counts.entries()].sort().map(([k, n]) => `  ${k.padEnd(22)} ${n}`),
    'Slowest:',
    ...slowest.map(([path, { ms, result }]) => `  ${String(ms).padStart(6)} ms  ${path}  [${describeOutcome(result.outcome).slice(0, 60)}]`),
  ];
  if (Object.keys(KNOWN_GAPS).length) lines.push('Known gaps:', ...Object.entries(KNOWN_GAPS).map(([p, why]) => `  ${p}: ${why}`));
  console.log(lines.join('\n'));
});

describe('corpus extraction', () => {
  it('has a manifest row for every file it lists', () => {
    expect(rows.length).toBeGreaterThan(100);
  });

  for (const row of rows) {
    const check = classify(row);
    it(`${row.path} [${check}]`, () => {
      const entry = results.get(row.path);
      expect(entry, 'the pool returned no result').toBeDefined();
      const { result } = entry as { result: ExtractJobResult };
      const { outcome } = result;
      const context = `${row.path}: ${describeOutcome(outcome)}`;
      expectWellFormed(outcome);
      // The hash the scan stores must be of the very bytes the manifest lists.
      if (result.sha256 !== null) expect(result.sha256, context).toBe(row.sha256);
      if (EXACT[row.path]) expect(outcome, context).toMatchObject(EXACT[row.path]);

      switch (check) {
        case 'phrases': {
          expect(outcome.status, context).toBe('indexed');
          const text = normaliseForMatch(allText(outcome));
          for (const phrase of expectedPhrases(row.expectation)) {
            expect(text.includes(normaliseForMatch(phrase)), `${context}\nmissing phrase: '${phrase}'`).toBe(true);
          }
          break;
        }
        case 'scanned':
          expect(outcome.status, context).toBe('indexed');
          expect(allText(outcome).replace(/\s+/g, '').length, context).toBeLessThanOrEqual(NEAR_EMPTY_CHARS);
          break;
        case 'encrypted':
          expect(outcome, context).toMatchObject({ status: 'failed', reason: 'encrypted' });
          break;
        case 'out-of-scope':
          expect(['unsupported', 'failed'], context).toContain(outcome.status);
          break;
        case 'known-gap':
        case 'no-crash':
          // expectWellFormed above is the whole promise: a clear outcome, no crash, no hang.
          break;
      }
    });
  }
});

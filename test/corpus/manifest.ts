/**
 * The developer corpus (../shared/corpus or $EVIDENCE_CORPUS) and its MANIFEST.csv, shared by the
 * corpus checks.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';

export interface ManifestRow {
  /** Relative to the corpus folder, with forward slashes. */
  path: string;
  sha256: string;
  bytes: number;
  /** The real content type as the corpus builder recorded it, e.g. 'pdf' or 'docx (named .pdf)'. */
  format: string;
  expectation: string;
  notes: string;
}

/** Where the corpus lives; throws with instructions when it is not there (never a silent skip). */
export function locateCorpus(): string {
  const fromEnv = process.env.EVIDENCE_CORPUS;
  const repoRoot = resolve(import.meta.dirname, '../..');
  const dir = fromEnv ? (isAbsolute(fromEnv) ? fromEnv : resolve(repoRoot, fromEnv)) : resolve(repoRoot, '../shared/corpus');
  if (!existsSync(join(dir, 'MANIFEST.csv'))) {
    throw new Error(
      `Corpus not found: no MANIFEST.csv in ${dir}. ` +
        'Set EVIDENCE_CORPUS to the corpus folder, or place it at <repo>/../shared/corpus. ' +
        'The corpus checks cannot pass without it.',
    );
  }
  return dir;
}

export function readManifest(corpusDir: string): ManifestRow[] {
  const records = parse(readFileSync(join(corpusDir, 'MANIFEST.csv'), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  }) as Array<Record<string, string>>;
  return records.map((r) => ({
    path: r.path,
    sha256: r.sha256,
    bytes: Number(r.bytes),
    format: r.format,
    expectation: r.expectation,
    notes: r.notes ?? '',
  }));
}

/** The real format's first word: 'docx (named .pdf)' → 'docx'. */
export function realFormat(row: ManifestRow): string {
  return row.format.split(/\s+/)[0].toLowerCase();
}

/**
 * Phrases an expectation promises in the extracted text: "extract text containing 'X' and 'Y'",
 * "expect partial text containing 'X' (other pages)". Text after the first ';' is about other
 * cases (with a password, after OCR) and is ignored.
 */
export function expectedPhrases(expectation: string): string[] {
  const match = /containing (.*)$/.exec(expectation.split(';')[0]);
  if (!match) return [];
  return [...match[1].matchAll(/'([^']+)'/g)].map((m) => m[1]);
}

/** Compare as the corpus README says: NFKC, whitespace collapsed, case folded. */
export function normaliseForMatch(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').toLowerCase();
}

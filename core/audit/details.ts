/**
 * The "detail" of each audit entry, in plain words: where data went, how much, for whom, or what
 * was deleted. Counts and paths only: an entry never holds a child's data or a document's text.
 */
import type { AnnexaImportReport } from '../../shared/annexa/api.ts';
import type { PackExportResult } from '../../shared/pack.ts';

const count = new Intl.NumberFormat('en-GB');
const n = (value: number, one: string, many = `${one}s`) => `${count.format(value)} ${value === 1 ? one : many}`;

export function sizeWords(bytes: number): string {
  if (bytes < 1024) return n(bytes, 'byte');
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** The Annex A workbook's audience, as the pack's options name it. */
export function annexaAudience(pseudonymised: boolean): string {
  return pseudonymised ? 'pseudonymised (no child-level identifiers)' : 'child-level (for the inspection team only)';
}

export function packExportDetail(result: PackExportResult, options: { audience: string; include: readonly string[] }): string {
  const annexa = options.include.includes('annexa') ? `; Annex A workbook ${annexaAudience(options.audience !== 'inspection-team')}` : '';
  const selfEvaluation = options.include.includes('self-evaluation') ? '; self-evaluation included' : '';
  return `To ${result.pack}: ${n(result.evidence, 'evidence item')}, ${n(result.files, 'file')}, ${sizeWords(result.bytes)}${annexa}${selfEvaluation}.`;
}

export function failedDetail(destination: string | null, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return destination ? `To ${destination}: ${message}` : message;
}

export function annexaImportDetail(report: AnnexaImportReport): string {
  const lists = report.lists.map((l) => `List ${l.number}: ${n(l.rows, 'row')} from ${l.source}`);
  const date = report.inspectionDate.split('-').reverse().join('/');
  const found = report.errors || report.warnings ? `; ${n(report.errors, 'error')}, ${n(report.warnings, 'warning')} found` : '';
  return `${n(report.rows, 'row')} imported into ${n(report.lists.length, 'list')} for the inspection on ${date}${lists.length ? ` (${lists.join('; ')})` : ''}${found}.`;
}

export function annexaImportFiles(files: readonly ({ path: string } | { staged: string })[]): string {
  const paths = files.flatMap((f) => ('path' in f ? [f.path] : []));
  const uploads = files.length - paths.length;
  return [...paths, ...(uploads ? [n(uploads, 'uploaded file')] : [])].join(', ');
}

export function rootRemovedDetail(path: string, forgotten: { documents: number; evidenceKept: number } | null): string {
  if (!forgotten) return `${path} removed from the library; the text of documents made evidence was kept for their evidence items.`;
  const kept = forgotten.evidenceKept ? ` (${n(forgotten.evidenceKept, 'evidence item')} kept without text)` : '';
  return `${path} removed from the library and its text forgotten: ${n(forgotten.documents, 'document')}${kept}; the index file was compacted.`;
}

export { n as countOf };

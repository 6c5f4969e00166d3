/**
 * The words for the counts shown in more than one place (status bar, Library, search, Checks,
 * Coverage, the CLI), so one number is always called the same thing. What each counts is defined
 * once in the core: `libraryCounts` (core/store/library.ts) for files and documents, `isGap`
 * (core/evidence/coverage.ts) for criteria without approved evidence.
 */

const numbers = new Intl.NumberFormat('en-GB');

function count(n: number, one: string, many: string): string {
  return `${numbers.format(n)} ${n === 1 ? one : many}`;
}

/** Headings and labels naming each count (a number follows them, or sits in a badge beside them). */
export const COUNT_LABELS = {
  /** Files the failures list shows: could not be read, not supported, or read with no text. */
  needsAttention: 'Files that need attention',
  /** Files present that could not be read. */
  failed: 'Could not be read',
  unsupported: 'Not supported',
  noText: 'No text (scans)',
  /** Criteria without approved evidence in date (draft or past review-by does not count). */
  gaps: 'Criteria without approved evidence',
} as const;

/** "3 documents": distinct documents a search can find (a file copied to two folders is one). */
export function documentsText(n: number): string {
  return count(n, 'document', 'documents');
}

/** "1 file", "1,204 files". */
export function filesText(n: number): string {
  return count(n, 'file', 'files');
}

/** "25 files could not be read". */
export function failedText(n: number): string {
  return `${count(n, 'file', 'files')} could not be read`;
}

/** "29 files need attention". */
export function needsAttentionText(n: number): string {
  return `${count(n, 'file needs', 'files need')} attention`;
}

/** "45 criteria without approved evidence". */
export function gapsText(n: number): string {
  return `${count(n, 'criterion', 'criteria')} without approved evidence`;
}

/** "12 evidence items": documents made evidence (one item per document, whatever its status). */
export function evidenceItemsText(n: number): string {
  return count(n, 'evidence item', 'evidence items');
}

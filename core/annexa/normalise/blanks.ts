/**
 * Tokens extracts write where there is no value. They are read as blank (and the change listed),
 * so a "NULL" never reaches the inspectors and a mandatory column holding one is reported as blank.
 *
 * The list follows what case-management exports and the ChAT lookups treat as "not recorded".
 * `-1` is not here: it is an unborn child's age. In a code column a token that is also one of the
 * column's codes or aliases ("Not recorded" for sex, if the spec says so) is read as that code first.
 */
const TOKENS = [
  'null',
  'nul',
  'n/a',
  'n.a.',
  'na',
  '#n/a',
  '-',
  '--',
  '–',
  '—',
  '.',
  '..',
  '<blank>',
  '(blank)',
  '<null>',
  '(null)',
  'not recorded',
  'no data',
  'data not captured',
  'data not captured in mosaic',
];

const BLANK = new Set(TOKENS);
/** The characters a token can start with: most cells are ruled out by their first one, at no cost. */
const FIRST = new Set(TOKENS.map((t) => t.charCodeAt(0) | 0x20));
const LONGEST = Math.max(...TOKENS.map((t) => t.length)) + 4;

/** True when `text` (already trimmed) is a token meaning "no value". */
export function isBlankToken(text: string): boolean {
  if (text.length === 0 || text.length > LONGEST || !FIRST.has(text.charCodeAt(0) | 0x20)) return false;
  return BLANK.has(text.toLowerCase().replace(/\s+/gu, ' '));
}

/** Why a token was read as blank, for the list of changes. */
export const blankWhy = (text: string): string => `"${text}" means no value: read as blank`;

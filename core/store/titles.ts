/**
 * The title shown for a document, the same in the result list, the document header, a request's
 * link and a new evidence item: its own metadata title when that is a real title, else its file
 * name made readable ("care_plan--audit 2024.docx" → "care plan audit 2024").
 *
 * Chosen when read, from the metadata title and file name the index stores, so an index made
 * before these rules shows the better titles without being made again.
 */
import { FORMATS } from '../../shared/formats.ts';

/** Every extension a known format carries, plus common ones of files a title could name. */
const EXTENSIONS = new Set([...Object.values(FORMATS).flatMap((f) => f.extensions), 'xlsb', 'vsd', 'vsdx', 'pub', 'one', 'exe', 'tmp', 'wpd', 'pages', 'numbers', 'key']);

/** Generator and template junk: "Microsoft Word - …", "untitled", "Document1", "Slide 1", "PowerPoint Presentation" … */
const JUNK = [
  /^microsoft (office )?(word|powerpoint|excel)\s*-/iu,
  /^(untitled|no title|title|none|null|n\/a|default)(\s*\d*)$/iu,
  /^(document|doc|book|presentation|slide|sheet|workbook|template|draft)\s*\d*$/iu,
  /^(microsoft )?(powerpoint|word|excel)( presentation| document| worksheet)?$/iu,
  /^(pdf|report|new document|blank)$/iu,
  /^[\p{N}\p{P}\p{S}\s]*$/u, // only digits, punctuation or symbols
];

/** A metadata title too short to name anything ("a", "Q3"). */
const MIN_TITLE_LETTERS = 3;
/** Longer than this it is body text a generator put in the title field. */
const MAX_TITLE_CHARS = 300;

/** Whether a metadata title names the document rather than the file it was made from or the tool that made it. */
export function isRealTitle(title: string): boolean {
  const t = title.trim();
  if (t.length > MAX_TITLE_CHARS) return false;
  if ((t.match(/\p{L}/gu) ?? []).length < MIN_TITLE_LETTERS) return false;
  if (JUNK.some((re) => re.test(t))) return false;
  // A title that is itself a file name ("LAIT.xlsm", "C:\\Temp\\minutes.doc") says where it was made, not what it is.
  const ext = /\.([a-z0-9]{2,5})$/iu.exec(t)?.[1]?.toLowerCase();
  if (ext && EXTENSIONS.has(ext)) return false;
  if (/^[a-z]:\\|^\\\\|^\//iu.test(t)) return false;
  return true;
}

/**
 * A file name as a title: extension dropped, underscores made spaces, spaces collapsed; case kept.
 * A name with no spaces at all ("care-plan_audit-2024") uses hyphens as separators too; one that
 * has spaces keeps its single hyphens, which are part of words there ("A-1312", "2024-25").
 */
export function tidyFileName(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  // The extension is the last dot's part when it has a letter: "minutes 03.04.2024" has none.
  const stem = base.replace(/\.(?=[^.\s]*\p{L})[^.\s]{1,8}$/u, '');
  const separators = /\s/u.test(stem) ? /_+|-{2,}/gu : /[_-]+/gu;
  const tidied = stem.replace(separators, ' ').replace(/\s+/gu, ' ').trim();
  return tidied || base || fileName;
}

export function displayTitle(metadataTitle: string | null | undefined, fileName: string): string {
  const title = metadataTitle?.trim().replace(/\s+/gu, ' ');
  if (title && isRealTitle(title)) return title;
  return tidyFileName(fileName);
}

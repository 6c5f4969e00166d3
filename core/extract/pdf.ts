/**
 * PDF text through PDFium (WebAssembly, see pdfium.ts): the text of every page and the title,
 * author and dates of the document information dictionary.
 */
import { PdfiumStopped, withPdfium } from './pdfium.ts';
import type { Pdfium } from './pdfium.ts';
import { ExtractError } from './types.ts';
import type { Extracted, ExtractedPage, ExtractLimits, Extractor } from './types.ts';

/**
 * PDFium trusts a page tree's /Count up to about a million pages, and a fuzzed file can claim
 * that many. After this many unreadable pages in a row the rest are taken to be fiction rather than
 * spending the whole time limit asking for each one.
 */
const MAX_CONSECUTIVE_BAD_PAGES = 50;

/** FPDF_GetLastError codes (fpdfview.h). */
const FPDF_ERR_FORMAT = 3;
const FPDF_ERR_PASSWORD = 4;
const FPDF_ERR_SECURITY = 5;

function openError(code: number): ExtractError {
  switch (code) {
    case FPDF_ERR_PASSWORD:
      return new ExtractError('encrypted', 'PDF is password protected');
    case FPDF_ERR_SECURITY:
      return new ExtractError('encrypted', 'PDF is encrypted with a security handler that needs a certificate or a plug-in');
    case FPDF_ERR_FORMAT:
      return new ExtractError('corrupt', 'not a readable PDF: the file is damaged or incomplete and could not be repaired');
    default:
      return new ExtractError('corrupt', `not a readable PDF: PDFium could not open it (error ${code})`);
  }
}

/**
 * PDFium gave up inside a call. Out of memory is a size problem; anything else is the reader
 * crashing on this file (most likely damage it does not survive), which would happen again on
 * every try, so it is reported at once rather than by killing the worker.
 */
function stoppedError(err: PdfiumStopped): ExtractError {
  return err.outOfMemory
    ? new ExtractError('too-large', `the PDF needs more memory than the reader is allowed (${err.message})`)
    : new ExtractError('crashed', `the PDF reader stopped on this file (${err.message})`);
}

/**
 * PDFium ends lines with CR LF; finish() in index.ts would turn each CR into a space. Where a word
 * is broken across lines with a hyphen, PDFium joins the halves with U+FFFE in place of the hyphen
 * and the line break: it becomes the hyphen again, because council documents (Word exports) break
 * lines at real hyphens ("work-related") far more often than they hyphenate words. (Ligatures and
 * Arabic presentation forms need nothing here: PDFium already gives the letters they stand for.)
 */
function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replaceAll('\uFFFE', '-')
    .replace(/[ \t]+\n/g, '\n')
    .trimEnd();
}

/** Fonts that map their space glyph to these control codes glue every word together without them. */
const CONTROL_SPACES = new Set([0x02, 0x03]);

/**
 * The page's text one character at a time: slower than FPDFText_GetText, but that leaves out the
 * characters PDFium counts as control codes, U+0002 and U+0003 among them, which some fonts use
 * for the space. Here they are spaces.
 */
function charByChar(pdfium: Pdfium, textPage: number, count: number): string {
  let text = '';
  for (let index = 0; index < count; index++) {
    const unicode = pdfium.FPDFText_GetUnicode(textPage, index);
    if (CONTROL_SPACES.has(unicode)) text += ' ';
    else if (unicode > 0 && unicode <= 0x10ffff) text += String.fromCodePoint(unicode);
  }
  return text;
}

/** The text of one page, or null when the page cannot be read. */
function pageText(pdfium: Pdfium, doc: number, index: number): string | null {
  const page = pdfium.FPDF_LoadPage(doc, index);
  if (!page) return null;
  try {
    const textPage = pdfium.FPDFText_LoadPage(page);
    if (!textPage) return null;
    try {
      // -1 is an error, 0 a page with no text (a scan); only a positive count is worth a buffer.
      const count = pdfium.FPDFText_CountChars(textPage);
      if (count < 0) return null;
      if (count === 0) return '';
      const buffer = pdfium.allocate((count + 1) * 2);
      try {
        // Returns the UTF-16 units written, the terminating NUL included.
        const written = pdfium.FPDFText_GetText(textPage, 0, count, buffer);
        // Fewer units than characters: some were left out as control codes (see charByChar).
        if (written - 1 < count) return charByChar(pdfium, textPage, count);
        return pdfium.readUtf16(buffer, written - 1);
      } finally {
        pdfium.free(buffer);
      }
    } finally {
      pdfium.FPDFText_ClosePage(textPage);
    }
  } finally {
    pdfium.FPDF_ClosePage(page);
  }
}

function readPages(pdfium: Pdfium, doc: number, maxChars: number): ExtractedPage[] {
  const count = Math.max(0, pdfium.FPDF_GetPageCount(doc));
  const pages: ExtractedPage[] = [];
  let left = maxChars;
  let unreadable = 0;
  let badInARow = 0;
  for (let index = 0; index < count; index++) {
    const number = index + 1;
    // Past the text cap the pages stay, empty, so page numbers remain true; they are not read.
    const text = left > 0 ? pageText(pdfium, doc, index) : '';
    if (text === null) {
      // A damaged page loses its own text, not the whole document's.
      pages.push({ number, text: '' });
      unreadable++;
      if (++badInARow >= MAX_CONSECUTIVE_BAD_PAGES) break;
      continue;
    }
    badInARow = 0;
    const tidied = tidy(text);
    left -= tidied.length;
    pages.push({ number, text: tidied });
  }
  if (pages.length > 0 && unreadable === pages.length) {
    throw new ExtractError('corrupt', `not a readable PDF: none of its pages could be read (tried ${pages.length} of ${count})`);
  }
  // Drop a run of unreadable trailing pages that stopped the loop; they were most likely never there.
  if (badInARow >= MAX_CONSECUTIVE_BAD_PAGES) pages.splice(pages.length - badInARow);
  return pages;
}

/** One entry of the document information dictionary, decoded by PDFium; undefined when absent. */
function metaText(pdfium: Pdfium, doc: number, tag: string): string | undefined {
  // The size in bytes of the UTF-16 value with its terminating NUL: 2 means empty or absent.
  const bytes = pdfium.FPDF_GetMetaText(doc, tag, 0, 0);
  if (bytes <= 2) return undefined;
  const buffer = pdfium.allocate(bytes);
  try {
    pdfium.FPDF_GetMetaText(doc, tag, buffer, bytes);
    return pdfium.readUtf16(buffer, Math.floor(bytes / 2) - 1);
  } finally {
    pdfium.free(buffer);
  }
}

function cleanString(value: string | undefined): string | undefined {
  const trimmed = value?.replaceAll('\u0000', '').trim();
  return trimmed || undefined;
}

/** D:YYYYMMDDHHmmSS followed by Z, or +HH'mm' / -HH'mm'; everything after the year is optional. */
const PDF_DATE = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?/;

/**
 * "D:20090703123456+01'00'" → ISO 8601 in UTC, or undefined when it is not a date. Like pdf.js,
 * out-of-range fields fall back to their first value, a missing zone means UTC, and the "D:"
 * prefix, which many writers leave out, is not required.
 */
function pdfDate(value: string | undefined): string | undefined {
  const match = value ? PDF_DATE.exec(value.trim()) : null;
  if (!match) return undefined;
  const field = (i: number, min: number, max: number): number => {
    const n = match[i] === undefined ? NaN : Number(match[i]);
    return n >= min && n <= max ? n : min;
  };
  const year = Number(match[1]);
  if (year < 1000) return undefined;
  // Local time is UTC plus the offset, so UTC is local time minus it.
  const sign = match[7] === '+' ? -1 : match[7] === '-' ? 1 : 0;
  const offsetMinutes = sign * (field(8, 0, 23) * 60 + field(9, 0, 59));
  const ms = Date.UTC(year, field(2, 1, 12) - 1, field(3, 1, 31), field(4, 0, 23), field(5, 0, 59) + offsetMinutes, field(6, 0, 59));
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

function readInfo(pdfium: Pdfium, doc: number): Omit<Extracted, 'format' | 'pages'> {
  const info: Omit<Extracted, 'format' | 'pages'> = {};
  const title = cleanString(metaText(pdfium, doc, 'Title'));
  const author = cleanString(metaText(pdfium, doc, 'Author'));
  const created = pdfDate(metaText(pdfium, doc, 'CreationDate'));
  const modified = pdfDate(metaText(pdfium, doc, 'ModDate'));
  if (title) info.title = title;
  if (author) info.author = author;
  if (created) info.created = created;
  if (modified) info.modified = modified;
  return info;
}

function read(pdfium: Pdfium, bytes: Uint8Array, limits: ExtractLimits): Extracted {
  // PDFium reads the document from its own memory for as long as it is open: a copy, freed last.
  const data = pdfium.copyIn(bytes);
  try {
    // No password: user-password files fail, owner-password-only files (empty user password) open.
    const doc = pdfium.FPDF_LoadMemDocument(data, bytes.length, null);
    if (!doc) throw openError(pdfium.FPDF_GetLastError());
    try {
      const pages = readPages(pdfium, doc, limits.maxTextChars);
      return { format: 'pdf', ...readInfo(pdfium, doc), pages };
    } finally {
      pdfium.FPDF_CloseDocument(doc);
    }
  } finally {
    pdfium.free(data);
  }
}

export const pdfExtractor: Extractor = {
  formats: ['pdf'],
  async extract(bytes: Uint8Array, limits: ExtractLimits): Promise<Extracted> {
    try {
      return await withPdfium((pdfium) => read(pdfium, bytes, limits));
    } catch (err) {
      throw err instanceof PdfiumStopped ? stoppedError(err) : err;
    }
  },
};

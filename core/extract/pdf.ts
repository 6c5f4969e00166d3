/**
 * PDF text through pdf.js (legacy build: the modern one assumes browser globals Node lacks).
 */
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { getDocument, PDFDateString } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api.js';
import { ExtractError } from './types.ts';
import type { Extracted, ExtractedPage, ExtractLimits, Extractor } from './types.ts';

/**
 * pdf.js in Node reads CMaps and standard fonts from the file system and wants folder paths with
 * a trailing separator. Without the CMaps, CID-font PDFs (most CJK, many OpenOffice exports)
 * extract no text at all.
 */
const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const CMAP_URL = join(PDFJS_DIR, 'cmaps') + sep;
const STANDARD_FONT_DATA_URL = join(PDFJS_DIR, 'standard_fonts') + sep;

/**
 * A fuzzed file can claim millions of pages. After this many unreadable pages in a row the rest
 * are taken to be fiction rather than spending the whole time limit asking for each one.
 */
const MAX_CONSECUTIVE_BAD_PAGES = 50;

function isTextItem(item: TextItem | TextMarkedContent): item is TextItem {
  return 'str' in item;
}

/**
 * Join pdf.js text items into reading text. Items on one line are separated by a space only when
 * there is a visible gap between them, so words split into several items (kerning, font changes)
 * stay whole.
 */
export function joinTextItems(items: ReadonlyArray<TextItem | TextMarkedContent>): string {
  let text = '';
  let previous: TextItem | null = null;
  for (const item of items) {
    if (!isTextItem(item)) continue;
    if (previous && !previous.hasEOL && item.str && text && !/\s$/.test(text) && !/^\s/.test(item.str)) {
      const [, , , prevScaleY, prevX, prevY] = previous.transform as number[];
      const [, , , , x, y] = item.transform as number[];
      const fontSize = Math.abs(prevScaleY) || previous.height || 1;
      const sameLine = Math.abs(y - prevY) < fontSize * 0.5;
      const gap = x - (prevX + previous.width);
      if (!sameLine) text += '\n';
      else if (gap > fontSize * 0.15) text += ' ';
    }
    text += item.str;
    if (item.hasEOL) text += '\n';
    previous = item;
  }
  return text.replace(/[ \t]+\n/g, '\n').trimEnd();
}

/** "D:20090703123456+01'00'" → ISO 8601, or undefined when it is not a date. */
function pdfDate(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  const date = PDFDateString.toDateObject(value);
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
}

function cleanString(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.replaceAll('\u0000', '').trim();
  return trimmed || undefined;
}

function errorName(err: unknown): string {
  return err && typeof err === 'object' && 'name' in err ? String(err.name) : '';
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export const pdfExtractor: Extractor = {
  formats: ['pdf'],
  async extract(bytes: Uint8Array, _limits: ExtractLimits): Promise<Extracted> {
    const loadingTask = getDocument({
      // A plain copy: pdf.js rejects Node Buffers and detaches the buffer it is given.
      data: new Uint8Array(bytes),
      // pdf.js 6 no longer has isEvalSupported: it dropped eval-compiled glyph paths altogether.
      disableFontFace: true,
      useSystemFonts: false,
      cMapUrl: CMAP_URL,
      cMapPacked: true,
      standardFontDataUrl: STANDARD_FONT_DATA_URL,
      verbosity: 0,
    });
    try {
      let doc;
      try {
        doc = await loadingTask.promise;
      } catch (err) {
        if (errorName(err) === 'PasswordException') {
          throw new ExtractError('encrypted', 'PDF is password protected');
        }
        throw new ExtractError('corrupt', `not a readable PDF: ${errorMessage(err)}`);
      }

      const pages: ExtractedPage[] = [];
      let badInARow = 0;
      let firstPageError: unknown = null;
      for (let number = 1; number <= doc.numPages; number++) {
        try {
          const page = await doc.getPage(number);
          const content = await page.getTextContent();
          pages.push({ number, text: joinTextItems(content.items) });
          page.cleanup();
          badInARow = 0;
        } catch (err) {
          // A damaged page loses its own text, not the whole document's.
          firstPageError ??= err;
          pages.push({ number, text: '' });
          if (++badInARow >= MAX_CONSECUTIVE_BAD_PAGES) break;
        }
      }
      if (firstPageError && pages.every((p) => !p.text)) {
        throw new ExtractError('corrupt', `no page could be read: ${errorMessage(firstPageError)}`);
      }
      if (badInARow >= MAX_CONSECUTIVE_BAD_PAGES) {
        // Drop the run of unreadable trailing pages; they were most likely never there.
        pages.splice(pages.length - badInARow);
      }

      const extracted: Extracted = { format: 'pdf', pages };
      try {
        const { info } = (await doc.getMetadata()) as { info: Record<string, unknown> };
        const title = cleanString(info.Title);
        const author = cleanString(info.Author);
        const created = pdfDate(info.CreationDate);
        const modified = pdfDate(info.ModDate);
        if (title) extracted.title = title;
        if (author) extracted.author = author;
        if (created) extracted.created = created;
        if (modified) extracted.modified = modified;
      } catch {
        // Unreadable metadata is common in damaged files and costs nothing but the title.
      }
      return extracted;
    } finally {
      await loadingTask.destroy();
    }
  },
};

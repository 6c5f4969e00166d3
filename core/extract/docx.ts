/**
 * Word 2007+ (.docx, and Strict OOXML) text: body, text boxes, headers, footers, footnotes,
 * endnotes and comments.
 *
 * Pages: the body is split where Word last laid out a page break (w:lastRenderedPageBreak) or
 * where the author forced one (w:br w:type="page"), so hits point near the right page; a document
 * never opened in Word has neither and stays one page. Headers, footers, notes and comments go
 * on one trailing page labelled "Headers, footers and notes" so they never skew body page numbers.
 */
import { readCoreProperties } from './ooxml-props.ts';
import { dirOf, mainPartOf, readRelationships, relsPathOf, resolveTarget } from './ooxml-rels.ts';
import { ExtractError } from './types.ts';
import type { Extracted, ExtractedPage, ExtractLimits, Extractor } from './types.ts';
import { attribute, parseXml } from './xml.ts';
import { readZipEntries } from './zip.ts';
import { tidyLines } from './tidy.ts';

export const NOTES_PAGE_LABEL = 'Headers, footers and notes';

/** Relationship types (by suffix: Transitional and Strict differ only in the URI prefix). */
const SIDE_PART_ORDER = ['/header', '/footer', '/footnotes', '/endnotes', '/comments'];

/**
 * Walk one WordprocessingML part. `onPageBreak` is called where a new page starts; parts
 * without page structure (headers, notes) pass none.
 */
function wordText(bytes: Uint8Array, partName: string, onPageBreak?: (textSoFar: string) => string): string {
  let out = '';
  let inText = 0;
  let inTabStops = 0;
  // mc:Fallback repeats the mc:Choice content (a VML copy of a DrawingML text box).
  let inFallback = 0;
  const pageBreak = () => {
    if (onPageBreak) out = onPageBreak(out);
  };
  parseXml(bytes, partName, {
    open(name, attrs) {
      if (name === 'Fallback') inFallback++;
      if (inFallback) return;
      switch (name) {
        case 't':
          inText++;
          break;
        case 'tabs':
          inTabStops++;
          break;
        case 'tab':
          if (!inTabStops) out += '\t';
          break;
        case 'br':
          if (attribute(attrs, 'type') === 'page') pageBreak();
          else out += '\n';
          break;
        case 'cr':
          out += '\n';
          break;
        case 'noBreakHyphen':
          out += '-';
          break;
        case 'lastRenderedPageBreak':
          pageBreak();
          break;
      }
    },
    close(name) {
      if (name === 'Fallback') {
        inFallback--;
        return;
      }
      if (inFallback) return;
      if (name === 't') inText--;
      else if (name === 'tabs') inTabStops--;
      else if (name === 'p') out += '\n';
    },
    text(text) {
      if (inText > 0 && !inFallback) out += text;
    },
  });
  return out;
}

export const docxExtractor: Extractor = {
  formats: ['docx'],
  async extract(bytes: Uint8Array, limits: ExtractLimits): Promise<Extracted> {
    // Only XML and relationship parts: media and embedded files are never inflated.
    const entries = readZipEntries(bytes, limits, (name) => /\.(xml|rels)$/i.test(name) && !/^word\/(media|embeddings)\//.test(name));

    const mainPart = mainPartOf(entries, 'word/document.xml');
    const mainBytes = entries.get(mainPart);
    if (!mainBytes) throw new ExtractError('corrupt', `not a Word document: ${mainPart} is missing`);

    const pageTexts: string[] = [];
    const body = wordText(mainBytes, mainPart, (soFar) => {
      // Word often marks the same break twice (a forced break, then the rendered one); only a
      // break after real text starts a page.
      if (!soFar.trim()) return soFar;
      pageTexts.push(soFar);
      return '';
    });
    pageTexts.push(body);
    const pages: ExtractedPage[] = pageTexts.map((text, i) => ({ number: i + 1, text: tidyLines(text) }));

    const mainDir = dirOf(mainPart);
    const sideParts = readRelationships(entries, relsPathOf(mainPart))
      .filter((rel) => !rel.external && SIDE_PART_ORDER.some((suffix) => rel.type.endsWith(suffix)))
      .map((rel) => ({
        order: SIDE_PART_ORDER.findIndex((suffix) => rel.type.endsWith(suffix)),
        path: resolveTarget(mainDir, rel.target),
      }))
      .sort((a, b) => a.order - b.order || a.path.localeCompare(b.path, 'en', { numeric: true }));
    const notes = sideParts
      .map(({ path }) => {
        const part = entries.get(path);
        return part ? tidyLines(wordText(part, path)) : '';
      })
      .filter(Boolean)
      .join('\n\n');
    if (notes) pages.push({ number: pages.length + 1, label: NOTES_PAGE_LABEL, text: notes });

    return { format: 'docx', ...readCoreProperties(entries), pages };
  },
};

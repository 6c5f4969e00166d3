/**
 * PowerPoint 2007+ presentations (.pptx, .pptm, .ppsx): one page per slide, labelled "Slide N",
 * in the order of presentation.xml's slide list (slide3.xml may well be shown first). A page holds
 * the slide's text (grouped shapes and tables included), then its speaker notes after a blank line.
 */
import { readCoreProperties } from './ooxml-props.ts';
import { mainPartOf, relatedParts, relationshipId } from './ooxml-rels.ts';
import { ExtractError } from './types.ts';
import type { Extracted, ExtractedPage, ExtractLimits, Extractor } from './types.ts';
import { attribute, parseXml } from './xml.ts';
import { readZipEntries } from './zip.ts';
import { tidyLines } from './tidy.ts';

/** Placeholders on a notes page that repeat the slide or print page furniture, not notes. */
const NOTES_FURNITURE = new Set(['sldImg', 'sldNum', 'hdr', 'ftr', 'dt']);

/** Slide paths in show order, from presentation.xml's sldIdLst and its relationships. */
function slideOrder(entries: Map<string, Uint8Array>, presentation: string): string[] {
  const bytes = entries.get(presentation);
  if (!bytes) throw new ExtractError('corrupt', `not a PowerPoint presentation: ${presentation} is missing`);
  const rels = relatedParts(entries, presentation);
  const slides: string[] = [];
  parseXml(bytes, presentation, {
    open(name, attrs) {
      if (name !== 'sldId') return;
      const rel = rels.get(relationshipId(attrs));
      if (rel) slides.push(rel.path);
    },
  });
  return slides;
}

/**
 * Text of a slide or notes part (DrawingML): paragraphs as lines; table cells separated by tabs
 * and rows by lines. `skipPlaceholders` drops shapes that are placeholders of those types.
 */
export function drawingText(bytes: Uint8Array, partName: string, skipPlaceholders?: ReadonlySet<string>): string {
  let out = '';
  let shape = '';
  let skipShape = 0;
  let shapeDepth = 0;
  let inText = 0;
  let inCell = 0;
  let inFallback = 0;
  parseXml(bytes, partName, {
    open(name, attrs) {
      if (name === 'Fallback') inFallback++;
      if (inFallback) return;
      switch (name) {
        case 'sp':
          shapeDepth++;
          shape = '';
          break;
        case 'ph':
          if (skipPlaceholders?.has(attribute(attrs, 'type') ?? '') && !skipShape) skipShape = shapeDepth;
          break;
        case 't':
          inText++;
          break;
        case 'br':
          shape += '\n';
          break;
        case 'tc':
          inCell++;
          break;
      }
    },
    close(name) {
      if (name === 'Fallback') {
        inFallback--;
        return;
      }
      if (inFallback) return;
      switch (name) {
        case 't':
          inText--;
          break;
        // A cell's paragraphs run on; the cell itself ends with a tab and the row with a line.
        case 'p':
          if (skipShape) break;
          if (inCell) out += ' ';
          else if (shapeDepth) shape += '\n';
          else out += '\n';
          break;
        case 'tc':
          inCell--;
          out = out.replace(/ +$/, '') + '\t';
          break;
        case 'tr':
          out = out.replace(/[ \t]+$/, '') + '\n';
          break;
        case 'sp':
          if (!skipShape) out += shape;
          if (skipShape === shapeDepth) skipShape = 0;
          shape = '';
          shapeDepth--;
          break;
      }
    },
    text(text) {
      if (!inText || inFallback || skipShape) return;
      if (shapeDepth && !inCell) shape += text;
      else out += text;
    },
  });
  return out;
}

export const pptxExtractor: Extractor = {
  formats: ['pptx'],
  async extract(bytes: Uint8Array, limits: ExtractLimits): Promise<Extracted> {
    // Only XML and relationship parts: media and embedded files are never inflated.
    const entries = readZipEntries(bytes, limits, (name) => /\.(xml|rels)$/i.test(name) && !/^ppt\/(media|embeddings)\//.test(name));
    const slides = slideOrder(entries, mainPartOf(entries, 'ppt/presentation.xml'));
    const pages: ExtractedPage[] = slides.map((path, i) => {
      const slide = entries.get(path);
      const body = slide ? tidyLines(drawingText(slide, path)) : '';
      const notesPart = [...relatedParts(entries, path).values()].find((rel) => rel.type.endsWith('/notesSlide'));
      const notesBytes = notesPart ? entries.get(notesPart.path) : undefined;
      const notes = notesBytes && notesPart ? tidyLines(drawingText(notesBytes, notesPart.path, NOTES_FURNITURE)) : '';
      return { number: i + 1, label: `Slide ${i + 1}`, text: [body, notes].filter(Boolean).join('\n\n') };
    });
    return { format: 'pptx', ...readCoreProperties(entries), pages };
  },
};

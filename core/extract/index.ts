/**
 * One entry point: bytes and a file name in, an outcome out. It never throws, so a scan can
 * record whatever happens to one file and carry on with the next.
 */
import { docxExtractor } from './docx.ts';
import { htmlExtractor } from './html.ts';
import { ole2Content } from './ole2.ts';
import { pdfExtractor } from './pdf.ts';
import { extensionOf, isImageFormat, sniffFormat } from './sniff.ts';
import type { Sniffed } from './sniff.ts';
import { textExtractor } from './text.ts';
import { DEFAULT_LIMITS, ExtractError } from './types.ts';
import type { Extracted, ExtractLimits, Extractor, FailureReason } from './types.ts';
import { listZipEntries, zipContentFormat } from './zip.ts';

export type ExtractOutcome =
  | { status: 'indexed'; format: string; extracted: Extracted }
  | { status: 'unsupported'; format: string; detail: string }
  | { status: 'failed'; format: string; reason: FailureReason; detail: string };

const EXTRACTORS: readonly Extractor[] = [pdfExtractor, docxExtractor, textExtractor, htmlExtractor];

function extractorFor(format: string): Extractor | undefined {
  return EXTRACTORS.find((e) => e.formats.includes(format));
}

const FORMAT_NAMES: Record<string, string> = {
  doc: 'Word 97-2003 documents (.doc)',
  xls: 'Excel 97-2003 workbooks (.xls)',
  ppt: 'PowerPoint 97-2003 presentations (.ppt)',
  msg: 'Outlook messages (.msg)',
  eml: 'e-mail messages (.eml)',
  mbox: 'mailboxes (.mbox)',
  xlsx: 'Excel workbooks (.xlsx)',
  pptx: 'PowerPoint presentations (.pptx)',
  odt: 'OpenDocument text (.odt)',
  ods: 'OpenDocument spreadsheets (.ods)',
  odp: 'OpenDocument presentations (.odp)',
  odf: 'OpenDocument files',
  rtf: 'Rich Text Format (.rtf)',
  zip: 'zip archives',
};

function unsupportedDetail(format: string): string {
  if (isImageFormat(format)) return `${format.toUpperCase()} image: pictures are not indexed (text in images needs OCR)`;
  const name = FORMAT_NAMES[format] ?? `'${format}' files`;
  return `${name} cannot be indexed yet`;
}

/** Extensions that promise a binary container: plain text under such a name is damage, not a document. */
const BINARY_PROMISES = new Set(['pdf', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'zip']);

/** Look inside zip and OLE2 containers: the parts they hold say what they are, not the name. */
function refine(bytes: Uint8Array, sniffed: Sniffed, ext: string): Sniffed | { encrypted: string } | { mismatch: string } {
  if (sniffed.format === 'text' && BINARY_PROMISES.has(ext)) return { mismatch: ext };
  if (sniffed.container === 'zip') {
    try {
      const inner = zipContentFormat(listZipEntries(bytes));
      if (inner === 'odf') return sniffed.format === 'zip' ? { ...sniffed, format: 'odf' } : sniffed;
      if (inner) return { ...sniffed, format: inner, supported: extractorFor(inner) !== undefined };
    } catch {
      // Unlistable zip: keep the name's verdict; a supported extractor will report it as corrupt.
    }
    return sniffed;
  }
  if (sniffed.container === 'ole2') {
    const inner = ole2Content(bytes);
    const ooxml = ['docx', 'xlsx', 'pptx'].includes(sniffed.format);
    if (inner === 'encrypted' || (ooxml && inner === null)) {
      return { encrypted: ooxml ? sniffed.format : 'ooxml' };
    }
    return { ...sniffed, format: inner ?? sniffed.format, supported: false };
  }
  return sniffed;
}

/**
 * Control characters become spaces (some PDF fonts map the space glyph to U+0003, gluing every
 * word together), and at most `max` characters are kept across all pages; pages past the cap
 * stay, empty, so page numbers remain true.
 */
function finish(extracted: Extracted, max: number): Extracted {
  let left = max;
  const pages = extracted.pages.map((page) => {
    // eslint-disable-next-line no-control-regex
    let text = page.text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ');
    if (text.length > left) text = text.slice(0, Math.max(0, left));
    left -= text.length;
    return { ...page, text };
  });
  return { ...extracted, pages };
}

function failureOf(err: unknown): { reason: FailureReason; detail: string } {
  if (err instanceof ExtractError) return { reason: err.reason, detail: err.message };
  const message = err instanceof Error ? err.message : String(err);
  // V8 reports an allocation it cannot make as a RangeError; that is a size problem, not damage.
  if (err instanceof RangeError && /allocation|array length|buffer size|string length/i.test(message)) {
    return { reason: 'too-large', detail: message };
  }
  return { reason: 'corrupt', detail: message || 'unreadable content' };
}

export async function extractFile(
  bytes: Uint8Array,
  fileName: string,
  limits: ExtractLimits = DEFAULT_LIMITS,
): Promise<ExtractOutcome> {
  let format = extensionOf(fileName) || 'unknown';
  try {
    if (bytes.length === 0) return { status: 'failed', format, reason: 'empty', detail: 'the file is empty (0 bytes)' };
    if (bytes.length > limits.maxFileBytes) {
      return {
        status: 'failed',
        format,
        reason: 'too-large',
        detail: `${bytes.length} bytes is over the ${limits.maxFileBytes}-byte limit`,
      };
    }
    const refined = refine(bytes, sniffFormat(bytes, fileName), extensionOf(fileName));
    if ('mismatch' in refined) {
      const detail = `named .${refined.mismatch} but holds plain text, not a ${refined.mismatch.toUpperCase()} file`;
      return { status: 'failed', format, reason: 'corrupt', detail };
    }
    if ('encrypted' in refined) {
      return { status: 'failed', format: refined.encrypted, reason: 'encrypted', detail: 'password-protected Office document' };
    }
    format = refined.format;
    const extractor = refined.supported ? extractorFor(format) : undefined;
    if (!extractor) return { status: 'unsupported', format, detail: unsupportedDetail(format) };
    const extracted = await extractor.extract(bytes, limits);
    return { status: 'indexed', format, extracted: finish(extracted, limits.maxTextChars) };
  } catch (err) {
    return { status: 'failed', format, ...failureOf(err) };
  }
}

export { SUPPORTED_FORMATS, sniffFormat } from './sniff.ts';
export { decodeText } from './text.ts';

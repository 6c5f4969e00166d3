/**
 * One entry point: bytes and a file name in, an outcome out. It never throws, so a scan can
 * record whatever happens to one file and carry on with the next.
 */
import { docExtractor } from './doc.ts';
import { docxExtractor } from './docx.ts';
import { emlExtractor } from './eml.ts';
import { htmlExtractor } from './html.ts';
import { mboxExtractor } from './mbox.ts';
import { msgExtractor } from './msg.ts';
import { ole2Content } from './ole2.ts';
import { pdfExtractor } from './pdf.ts';
import { extensionOf, isImageFormat, sniffFormat } from './sniff.ts';
import type { ProgramKind, Sniffed } from './sniff.ts';
import { rtfExtractor } from './rtf.ts';
import { textExtractor } from './text.ts';
import { DEFAULT_LIMITS, ExtractError } from './types.ts';
import type { ExtractContext, Extracted, ExtractLimits, ExtractOutcome, Extractor, FailureReason } from './types.ts';
import { odfExtractor } from './odf.ts';
import { pptxExtractor } from './pptx.ts';
import { xlsxExtractor } from './xlsx.ts';
import { listZipEntries, odfMimeFormat, zipContentFormat } from './zip.ts';

export type { ExtractOutcome } from './types.ts';

const EXTRACTORS: readonly Extractor[] = [
  pdfExtractor, docxExtractor, textExtractor, htmlExtractor, xlsxExtractor, pptxExtractor, odfExtractor, rtfExtractor,
  emlExtractor, mboxExtractor, msgExtractor, docExtractor,
];

function extractorFor(format: string): Extractor | undefined {
  return EXTRACTORS.find((e) => e.formats.includes(format));
}

/** What the user can do about a format that is recognised but not read. */
const FORMAT_NAMES: Record<string, string> = {
  xls: 'Excel 97-2003 workbooks (.xls) cannot be indexed: save as .xlsx',
  ppt: 'PowerPoint 97-2003 presentations (.ppt) cannot be indexed: save as .pptx',
  odf: 'OpenDocument drawings, charts and formulas cannot be indexed: only text, spreadsheets and presentations are read',
  ole2: 'this Office 97-2003 file holds no Word, Excel, PowerPoint or Outlook content that can be indexed',
  zip: 'zip archives cannot be indexed: unzip them into the folder to index their files',
};

/** How a program found by its bytes is named to the user. */
const PROGRAM_KINDS: Record<ProgramKind, string> = {
  windows: 'a Windows program',
  linux: 'a Linux program',
  mac: 'a Mac program',
  java: 'a Java or Mac program',
  script: 'a script',
  shortcut: 'a Windows shortcut',
};

function unsupportedDetail(sniffed: Sniffed, ext: string): string {
  const { format } = sniffed;
  if (format === 'program') {
    // Named by its bytes when they gave it away ("a Windows program named .txt"), else by its name.
    const what = sniffed.program ? `${PROGRAM_KINDS[sniffed.program]}${ext ? ` named .${ext}` : ''}` : `.${ext}`;
    return `programs and scripts are not indexed (${what})`;
  }
  if (isImageFormat(format)) return `${format.toUpperCase()} image: pictures are not indexed (text in images needs OCR)`;
  return FORMAT_NAMES[format] ?? `'${format}' files cannot be indexed`;
}

/** Extensions that promise a binary container: plain text under such a name is damage, not a document. */
const BINARY_PROMISES = new Set(['pdf', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'zip']);

/** Look inside zip and OLE2 containers: the parts they hold say what they are, not the name. */
function refine(bytes: Uint8Array, sniffed: Sniffed, ext: string): Sniffed | { encrypted: string } | { mismatch: string } {
  if (sniffed.format === 'text' && BINARY_PROMISES.has(ext)) return { mismatch: ext };
  if (sniffed.container === 'zip') {
    try {
      let inner = zipContentFormat(listZipEntries(bytes));
      // The mimetype entry says which OpenDocument this is; a damaged one leaves the name to decide.
      if (inner === 'odf') inner = odfMimeFormat(bytes) ?? (['odt', 'ods', 'odp'].includes(sniffed.format) ? sniffed.format : 'odf');
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
    const format = inner ?? sniffed.format;
    return { ...sniffed, format, supported: extractorFor(format) !== undefined };
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

export function extractFile(bytes: Uint8Array, fileName: string, limits: ExtractLimits = DEFAULT_LIMITS): Promise<ExtractOutcome> {
  return extractAt(bytes, fileName, limits, 0);
}

/** `extractFile` for a file `depth` containers deep (an e-mail attachment is depth 1). */
async function extractAt(bytes: Uint8Array, fileName: string, limits: ExtractLimits, depth: number): Promise<ExtractOutcome> {
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
    if (!extractor) return { status: 'unsupported', format, detail: unsupportedDetail(refined, extensionOf(fileName)) };
    const context: ExtractContext = {
      depth,
      extractNested: (inner, innerName, innerLimits) => extractAt(inner, innerName, innerLimits, depth + 1),
    };
    const extracted = await extractor.extract(bytes, limits, context);
    return { status: 'indexed', format, extracted: finish(extracted, limits.maxTextChars) };
  } catch (err) {
    return { status: 'failed', format, ...failureOf(err) };
  }
}

export { SUPPORTED_FORMATS, sniffFormat } from './sniff.ts';
export { decodeText } from './text.ts';

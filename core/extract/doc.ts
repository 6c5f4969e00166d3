/**
 * Word 97-2003 documents (.doc) through word-extractor: body, then headers, footers, footnotes,
 * endnotes, comments and text boxes on a trailing page, as for DOCX. The body is split into
 * pages where the author forced a page break (Word stores it as a form feed); .doc keeps no
 * record of where pages fell otherwise.
 */
import WordExtractor from 'word-extractor';
import { NOTES_PAGE_LABEL } from './docx.ts';
import { ExtractError } from './types.ts';
import type { Extracted, ExtractedPage, ExtractLimits, Extractor } from './types.ts';

/** Word's in-text control characters, as word-extractor's own filter maps them, minus page breaks. */
function clean(text: string): string {
  /* eslint-disable no-control-regex -- these are exactly Word's control characters */
  return text
    .replace(/\r\n?|\u000b/g, '\n')
    .replace(/\u0007/g, '\t')
    .replace(/[\u0002\u0005\u0008]/g, '')
    .replace(/\u001e/g, '-')
    .replace(/\u001f/g, '')
    /* eslint-enable no-control-regex */
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The File Information Block starts the WordDocument stream, which starts on a 512-byte sector:
 * its magic (0xA5EC) and the fEncrypted flag tell a password-protected document from a damaged one
 * without a full compound-file reader.
 */
export function isEncryptedDoc(bytes: Uint8Array): boolean {
  for (let at = 512; at + 12 <= bytes.length; at += 512) {
    if (bytes[at] === 0xec && bytes[at + 1] === 0xa5 && bytes[at + 3] === 0x00 && bytes[at + 2] >= 0x65) {
      return (bytes[at + 0x0b] & 0x01) === 1;
    }
  }
  return false;
}

export const docExtractor: Extractor = {
  formats: ['doc'],
  async extract(bytes: Uint8Array, _limits: ExtractLimits): Promise<Extracted> {
    if (isEncryptedDoc(bytes)) throw new ExtractError('encrypted', 'password-protected Word 97-2003 document');
    let document: Awaited<ReturnType<WordExtractor['extract']>>;
    try {
      document = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    } catch (err) {
      throw new ExtractError('corrupt', `not a readable Word 97-2003 document: ${err instanceof Error ? err.message : String(err)}`);
    }
    const raw = { filterUnicode: false };
    const pages: ExtractedPage[] = document
      .getBody(raw)
      .split('\f')
      .map(clean)
      .filter((text, _i, all) => text || all.length === 1)
      .map((text, i) => ({ number: i + 1, text }));
    const side = [
      document.getHeaders({ ...raw, includeFooters: true }),
      document.getFootnotes(raw),
      document.getEndnotes(raw),
      document.getAnnotations(raw),
      document.getTextboxes({ ...raw, includeBody: true, includeHeadersAndFooters: true }),
    ]
      .map(clean)
      .filter(Boolean)
      .join('\n\n');
    if (side) pages.push({ number: pages.length + 1, label: NOTES_PAGE_LABEL, text: side });
    return { format: 'doc', pages };
  },
};

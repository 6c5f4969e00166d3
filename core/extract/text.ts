/**
 * Plain text (.txt, .csv, .md, .log …) in whatever encoding the file happens to use.
 */
import { decodeLegacy } from './charset.ts';
import { decodeEbcdic, looksLikeEbcdic } from './ebcdic.ts';
import { utf16WithoutBom } from './sniff.ts';
import type { Extracted, ExtractLimits, Extractor } from './types.ts';

export interface DecodedText {
  text: string;
  /** WHATWG label of the encoding used, or 'ibm500' for EBCDIC. */
  encoding: string;
  /** True when a byte order mark decided the encoding (so an HTML meta charset must not override it). */
  bom: boolean;
}

function bomOf(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * Bytes to text: BOM, then BOM-less UTF-16, then strict UTF-8, then EBCDIC, then a guessed legacy
 * code page (charset.ts: Western, Central European, Cyrillic, Greek, Turkish or Japanese;
 * Windows-1252 unless the bytes clearly say otherwise).
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = bomOf(bytes);
  if (bom) return { text: new TextDecoder(bom).decode(bytes), encoding: bom, bom: true };
  const wide = utf16WithoutBom(bytes);
  if (wide) return { text: new TextDecoder(wide).decode(bytes), encoding: wide, bom: false };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    // Not UTF-8: fall through to the legacy guesses.
  }
  if (looksLikeEbcdic(bytes)) return { text: decodeEbcdic(bytes), encoding: 'ibm500', bom: false };
  return { ...decodeLegacy(bytes), bom: false };
}

/** One line ending, no NULs (they break FTS tokenisers and mean nothing in prose). */
export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n').replaceAll('\u0000', '');
}

export const textExtractor: Extractor = {
  formats: ['text'],
  async extract(bytes: Uint8Array, _limits: ExtractLimits): Promise<Extracted> {
    const { text } = decodeText(bytes);
    return { format: 'text', pages: [{ number: 1, text: normaliseNewlines(text) }] };
  },
};

/**
 * Guessing the legacy code page of text that is not UTF-8.
 *
 * jschardet (a port of Python chardet 7: byte-bigram language models for each code page) proposes
 * one of the code pages below; a script check on the decoded text then confirms it against
 * Windows-1252, the right default for English council files. A file only leaves Windows-1252 when
 * its bytes clearly say so: a lone £ or smart quote never flips it to another code page
 * (bench/encodings.ts measures the choices made here).
 */
import { chardet } from 'jschardet';

const DEFAULT = 'windows-1252';

/** The code pages we read, by jschardet's name, with the WHATWG label TextDecoder knows them by. */
const CODE_PAGES: Readonly<Record<string, string>> = {
  cp1252: DEFAULT, 'iso8859-15': 'iso-8859-15', // Western (ISO-8859-1 decodes as Windows-1252)
  cp1250: 'windows-1250', 'iso8859-2': 'iso-8859-2', // Central European
  cp1251: 'windows-1251', 'koi8-r': 'koi8-r', 'koi8-u': 'koi8-u', cp866: 'ibm866', // Cyrillic
  cp1253: 'windows-1253', 'iso8859-7': 'iso-8859-7', // Greek
  cp1254: 'windows-1254', // Turkish (ISO-8859-9 decodes as Windows-1254)
  cp932: 'shift_jis', euc_jis_2004: 'euc-jp', // Japanese
};
const MULTI_BYTE = new Set(['shift_jis', 'euc-jp']);

/** Enough text for the language model, and cheap on a 100 MB log file. */
const SAMPLE_BYTES = 64 * 1024;
/** Enough text to confirm a proposal by reading it: the check is slower per byte than the model. */
const CONFIRM_BYTES = 16 * 1024;

/**
 * When both readings are ordinary words (Czech "příspěvek" read as "pøíspìvek" is still Latin
 * letters), the language model decides: it must prefer the proposal by this factor over
 * Windows-1252. Measured on registers of names (bench/encodings.ts), no Western name was flipped
 * at this margin, while most Central European and Turkish ones were read right.
 */
const TIE_RATIO = 1.5;

/** Punctuation and signs that English Windows-1252 text uses: a perfectly good reading of a byte. */
const NEUTRAL_SYMBOLS = /[\u00a0\u00a3\u00a7\u00a9\u00ab\u00ae\u00b0\u00b1\u00b2\u00b3\u00b6\u00b7\u00bb\u00bc-\u00be\u00d7\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac\u2122]/u;

/**
 * Where an ordinary sign cannot stand. A pound sign comes before an amount or a unit (£825, £m,
 * £bn), never before a word: "£ukasz" is the Polish name Łukasz in the wrong code page. A fraction
 * or superscript follows a letter at most (B½, m²), never sits inside a word: "s½urs" is the
 * French "sœurs".
 */
function misplaced(text: string, index: number): boolean {
  const ch = text[index];
  const letter = (i: number) => i >= 0 && i < text.length && /\p{L}/u.test(text[i]);
  if (ch === '£') return letter(index + 1) && letter(index + 2) && letter(index + 3);
  return /[\u00b2\u00b3\u00bc-\u00be]/u.test(ch) && letter(index - 1) && letter(index + 1);
}

const LATIN = 1;
const CYRILLIC = 2;
const GREEK = 4;

/** The script of a letter, as a bit: these code pages only decode to Latin, Cyrillic and Greek letters. */
function scriptOf(code: number): number {
  if (code >= 0x0400 && code <= 0x052f) return CYRILLIC;
  if ((code >= 0x0370 && code <= 0x03ff) || (code >= 0x1f00 && code <= 0x1fff)) return GREEK;
  return LATIN;
}

/**
 * How plausible one reading of the contested bytes is (those the two code pages decode
 * differently), with whether it reads any of them as letters. A word of letters of one script
 * counts for it, and so does ordinary punctuation (£, “, –, ½); against it count a word that
 * mixes scripts ("Zoы", "Josι"), a word made only of accented Latin letters ("Çáñâìåîéå" is
 * Russian read as Latin-1, while Turkish "Kılıç" and Polish "Łódź" keep a plain letter), and a
 * symbol no prose uses ("nale¿y"). A lone letter ("£825" read as "Ł825", "à la carte" read as
 * Cyrillic "а la carte") proves nothing.
 */
function plausibility(text: string, contested: (index: number) => boolean): { score: number; letters: boolean } {
  let score = 0;
  let letters = false;
  for (const match of text.matchAll(/\p{L}+/gu)) {
    const word = match[0];
    let disputed = 0;
    let nonAscii = 0;
    let scripts = 0;
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      if (contested(match.index + i)) disputed++;
      if (code >= 0x80) nonAscii++;
      scripts |= scriptOf(code);
    }
    if (disputed === 0) continue;
    letters = true;
    if (scripts !== LATIN && scripts !== CYRILLIC && scripts !== GREEK) score -= 2 * disputed;
    else if (scripts === LATIN && word.length >= 3 && nonAscii === word.length) score -= disputed;
    else if (word.length >= 2) score += disputed;
  }
  // Symbols, and the non-ASCII digits (½, ²) that these code pages hold.
  for (const match of text.matchAll(/[^\p{L}\s\p{ASCII}]/gu)) {
    if (!contested(match.index)) continue;
    const neutral = NEUTRAL_SYMBOLS.test(match[0]) && !misplaced(text, match.index);
    score += neutral ? 1 : -1;
  }
  return { score, letters };
}

/**
 * Should the proposed single-byte code page replace Windows-1252? Judged only on the bytes the
 * two read differently: the proposal must read them as words or ordinary punctuation, and better
 * than Windows-1252 does. When both read them as good words (Czech "příspěvek" is "pøíspìvek" in
 * Windows-1252), the language model decides, by a clear margin. A file whose only disputed bytes
 * Windows-1252 reads as punctuation (a lone £ or smart quote) stays Windows-1252.
 */
function confirmed(sample: Uint8Array, proposal: string, ratio: number): boolean {
  sample = sample.subarray(0, CONFIRM_BYTES);
  const proposed = new TextDecoder(proposal).decode(sample);
  const western = new TextDecoder(DEFAULT).decode(sample);
  // Both are single-byte code pages of the Basic Multilingual Plane: index i is byte i in both.
  const contested = (i: number) => proposed[i] !== western[i];
  const forProposal = plausibility(proposed, contested);
  const forWestern = plausibility(western, contested);
  if (forProposal.score <= 0) return false;
  if (forProposal.score > forWestern.score) return true;
  return forProposal.score === forWestern.score && forWestern.letters && ratio >= TIE_RATIO;
}

/**
 * Letters and marks of Japanese prose: kana, kanji, CJK punctuation and full-width forms, plus
 * the reference mark, circles, squares and arrows that notices use.
 */
const JAPANESE = /[\u3000-\u30ff\u4e00-\u9fff\uff01-\uff60\u203b\u2190-\u2193\u25a0-\u25cf]/u;

/**
 * Does a Japanese proposal read as Japanese? The sample must decode strictly (but for a
 * character cut at its end when the file goes on), hold kana (every Japanese sentence has some),
 * and be nearly all Japanese where it is not ASCII. A few bytes of Cyrillic can pair up as valid EUC-JP ("бъде" in DOS 866
 * reads "♀ぅ"), and the detector will sometimes propose it.
 */
function readsAsJapanese(sample: Uint8Array, proposal: string, cut: boolean): boolean {
  let text: string;
  try {
    text = new TextDecoder(proposal, { fatal: true }).decode(sample, { stream: cut });
  } catch {
    return false;
  }
  if (!/[\u3040-\u30ff]/u.test(text)) return false;
  let nonAscii = 0;
  let japanese = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    nonAscii++;
    if (JAPANESE.test(ch)) japanese++;
  }
  return japanese >= nonAscii * 0.9;
}

/**
 * The bytes to judge: from the start of the line holding the first non-ASCII byte (at most 1 KiB
 * before it), since an ASCII preamble (a long HTML head, a CSV's header rows) reads the same in
 * every code page. Starting on an ASCII byte never splits a Shift_JIS or EUC-JP character.
 */
function sampleOf(bytes: Uint8Array): Uint8Array {
  let first = 0;
  while (first < bytes.length && bytes[first] < 0x80) first++;
  if (first === bytes.length) first = 0;
  const start = Math.max(bytes.lastIndexOf(0x0a, first) + 1, first - 1024);
  return bytes.subarray(start, start + SAMPLE_BYTES);
}

/**
 * Decode bytes that are not valid UTF-8 with the most plausible legacy code page: the detector's
 * proposals in its order, Japanese ones that do not read as Japanese skipped, until the first
 * single-byte one, which stands if it is confirmed against Windows-1252.
 */
export function decodeLegacy(bytes: Uint8Array): { encoding: string; text: string } {
  const sample = sampleOf(bytes);
  const cut = sample.byteOffset + sample.length < bytes.byteOffset + bytes.length;
  const ranked = chardet.detectAll(sample, {
    compatNames: false,
    includeEncodings: Object.keys(CODE_PAGES),
    ignoreThreshold: true,
  });
  const western = ranked.find((r) => r.encoding === 'cp1252')?.confidence ?? 0;
  let encoding = DEFAULT;
  for (const { encoding: name, confidence } of ranked) {
    const proposal = name ? CODE_PAGES[name] : undefined;
    if (!proposal) continue;
    if (MULTI_BYTE.has(proposal)) {
      if (!readsAsJapanese(sample, proposal, cut)) continue;
      encoding = proposal;
    } else if (proposal !== DEFAULT && confirmed(sample, proposal, western > 0 ? confidence / western : Infinity)) {
      encoding = proposal;
    }
    break;
  }
  return { encoding, text: new TextDecoder(encoding).decode(bytes) };
}

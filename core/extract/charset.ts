/**
 * Guessing the legacy encoding of text that is not UTF-8.
 *
 * Windows-1252 is the right default for English council files; the guesses below only win when
 * the decoded text clearly reads better in another code page (Russian in windows-1251 or DOS 866,
 * Japanese in Shift_JIS or EUC-JP).
 */

const SINGLE_BYTE_CANDIDATES = ['windows-1252', 'windows-1251', 'ibm866', 'koi8-r'] as const;
const CJK_CANDIDATES = ['shift_jis', 'euc-jp'] as const;

/** Punctuation that legitimately appears in Windows-1252 text and proves nothing either way. */
const NEUTRAL_SYMBOLS = /[\u00a0\u00a3\u00a9\u00ab\u00ae\u00b0\u00b7\u00bb\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac\u2122]/u;

/**
 * How plausible a decoding is: letters from non-ASCII bytes count for it when their word is in a
 * single script, and against it when the word mixes scripts ("gehцrt") or when the byte became a
 * box-drawing character or other symbol no prose uses.
 */
function plausibility(text: string): number {
  let score = 0;
  for (const match of text.matchAll(/\p{L}+/gu)) {
    const word = match[0];
    const nonAscii = word.replace(/\p{ASCII}/gu, '').length;
    if (nonAscii === 0) continue;
    const latin = /\p{Script=Latin}/u.test(word);
    const cyrillic = /\p{Script=Cyrillic}/u.test(word);
    const greek = /\p{Script=Greek}/u.test(word);
    const scripts = Number(latin) + Number(cyrillic) + Number(greek);
    if (scripts > 1) score -= 2 * nonAscii;
    // A lone non-ASCII letter ("£825" read as "Ј825") is too weak to count.
    else if (word.length < 2) continue;
    // Western words are mostly ASCII with the odd accent; "Àðåíäà" is Russian read as Latin-1.
    else if (latin && nonAscii > word.length / 2) score -= nonAscii;
    else score += nonAscii;
  }
  for (const ch of text.matchAll(/[^\p{L}\p{N}\s\p{ASCII}]/gu)) {
    if (!NEUTRAL_SYMBOLS.test(ch[0])) score -= 1;
  }
  return score;
}

function tryDecode(label: string, bytes: Uint8Array, fatal: boolean): string | null {
  try {
    return new TextDecoder(label, { fatal }).decode(bytes);
  } catch {
    return null;
  }
}

/** Japanese text decodes cleanly and is full of kana; random Latin-1 bytes are neither. */
function guessCjk(bytes: Uint8Array): { encoding: string; text: string } | null {
  for (const label of CJK_CANDIDATES) {
    const text = tryDecode(label, bytes, true);
    if (text === null || /[\ue000-\uf8ff]/u.test(text)) continue;
    const nonAscii = text.replace(/\p{ASCII}/gu, '').length;
    const kana = (text.match(/[\u3040-\u30ff]/gu) ?? []).length;
    if (kana >= 5 && kana >= nonAscii * 0.1) return { encoding: label, text };
  }
  return null;
}

/** Decode bytes that are not valid UTF-8 with the most plausible legacy code page. */
export function decodeLegacy(bytes: Uint8Array): { encoding: string; text: string } {
  const cjk = guessCjk(bytes);
  if (cjk) return cjk;
  // Score a sample: plenty to decide, and cheap on a 100 MB log file.
  const sample = bytes.subarray(0, 256 * 1024);
  let best: string = SINGLE_BYTE_CANDIDATES[0];
  let bestScore = -Infinity;
  for (const label of SINGLE_BYTE_CANDIDATES) {
    const score = plausibility(new TextDecoder(label).decode(sample));
    // Strictly greater: ties go to the earlier, more common code page.
    if (score > bestScore) {
      best = label;
      bestScore = score;
    }
  }
  return { encoding: best, text: new TextDecoder(best).decode(bytes) };
}

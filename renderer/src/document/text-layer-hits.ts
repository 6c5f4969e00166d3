/**
 * Marks the hits inside pdf.js's text layer. The text layer is invisible text laid exactly over the
 * rendered page; wrapping a matched word in <mark> (a text node moved into an element, never HTML
 * parsing) paints a translucent box over that word on the page.
 *
 * What counts as a hit comes from the app (`documents.page` segments), not from the query: a phrase
 * is marked only where its words stand together, so the page shows the hits the count says. The
 * text layer splits a page into many spans (often one per line, sometimes less), so a hit is found
 * as a run of consecutive words across the spans, in reading order.
 */

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** Folds a word the way the index does: case and accents removed. */
export function foldWord(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** A hit's words, folded, in order ("Kestrel permanence\nprotocol" → ['kestrel', 'permanence', 'protocol']). */
export function hitWords(text: string): string[] {
  return [...text.matchAll(WORD)].map((m) => foldWord(m[0]));
}

/** The distinct hits of a page (each as its folded words), from the app's segments. */
export function hitsOfSegments(segments: readonly { text: string; hit: boolean }[]): string[][] {
  const seen = new Map<string, string[]>();
  for (const segment of segments) {
    if (!segment.hit) continue;
    const words = hitWords(segment.text);
    if (words.length) seen.set(words.join(' '), words);
  }
  return [...seen.values()];
}

export const HIT_CLASS = 'es-pdf-hit';

interface Token {
  node: Text;
  start: number;
  end: number;
  folded: string;
}

/**
 * Wraps, in `root`'s text, every run of words that spells one of `hits` (whole words, case- and
 * accent-insensitive). A one-word hit that is part of a longer word (a match inside a word) is
 * marked inside that word when the page has no whole-word match for it. Returns how many hits.
 */
export function markHits(root: HTMLElement, hits: readonly (readonly string[])[]): number {
  const wanted = hits.filter((h) => h.length > 0);
  if (wanted.length === 0) return 0;
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const tokens: Token[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    for (const m of text.data.matchAll(WORD)) tokens.push({ node: text, start: m.index, end: m.index + m[0].length, folded: foldWord(m[0]) });
  }

  // Ranges to wrap, per text node; a word is wrapped at most once.
  const ranges = new Map<Text, [number, number][]>();
  const taken = new Set<number>();
  const add = (token: Token, start = token.start, end = token.end) => {
    const list = ranges.get(token.node) ?? [];
    list.push([start, end]);
    ranges.set(token.node, list);
  };

  let count = 0;
  // Longer hits first, so a phrase claims its words before a single word elsewhere does.
  for (const hit of [...wanted].sort((a, b) => b.length - a.length)) {
    let found = 0;
    for (let i = 0; i + hit.length <= tokens.length; i++) {
      let ok = true;
      for (let k = 0; k < hit.length && ok; k++) ok = tokens[i + k].folded === hit[k] && !taken.has(i + k);
      if (!ok) continue;
      for (let k = 0; k < hit.length; k++) {
        taken.add(i + k);
        add(tokens[i + k]);
      }
      found++;
      i += hit.length - 1;
    }
    if (found === 0 && hit.length === 1) {
      // A match inside a word (e.g. "perman" in "permanence"): mark that part of the word.
      const needle = hit[0];
      tokens.forEach((token, i) => {
        const at = taken.has(i) ? -1 : token.folded.indexOf(needle);
        // Only when folding kept the word's length, so the offsets still point at the same letters.
        if (at === -1 || token.folded.length !== token.end - token.start) return;
        taken.add(i);
        add(token, token.start + at, token.start + at + needle.length);
        found++;
      });
    }
    count += found;
  }

  for (const [node, list] of ranges) {
    list.sort((a, b) => a[0] - b[0]);
    const text = node.data;
    const fragment = doc.createDocumentFragment();
    let last = 0;
    for (const [start, end] of list) {
      if (start < last) continue;
      if (start > last) fragment.append(text.slice(last, start));
      const mark = doc.createElement('mark');
      mark.className = HIT_CLASS;
      mark.textContent = text.slice(start, end);
      fragment.append(mark);
      last = end;
    }
    if (last < text.length) fragment.append(text.slice(last));
    node.replaceWith(fragment);
  }
  return count;
}

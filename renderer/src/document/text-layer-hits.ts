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
 * marked inside that word when the page has no whole-word match for it. Each mark carries the
 * number of its hit in reading order (data-hit, from 0). Returns how many hits.
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

  // Each hit found: its pieces (a token, or part of one), and the first token, for reading order.
  const found: { first: number; pieces: { token: Token; start: number; end: number }[] }[] = [];
  const taken = new Set<number>();

  // Longer hits first, so a phrase claims its words before a single word elsewhere does.
  for (const hit of [...wanted].sort((a, b) => b.length - a.length)) {
    const before = found.length;
    for (let i = 0; i + hit.length <= tokens.length; i++) {
      let ok = true;
      for (let k = 0; k < hit.length && ok; k++) ok = tokens[i + k].folded === hit[k] && !taken.has(i + k);
      if (!ok) continue;
      const pieces = [];
      for (let k = 0; k < hit.length; k++) {
        taken.add(i + k);
        pieces.push({ token: tokens[i + k], start: tokens[i + k].start, end: tokens[i + k].end });
      }
      found.push({ first: i, pieces });
      i += hit.length - 1;
    }
    if (found.length === before && hit.length === 1) {
      // A match inside a word (e.g. "perman" in "permanence"): mark that part of the word.
      const needle = hit[0];
      tokens.forEach((token, i) => {
        const at = taken.has(i) ? -1 : token.folded.indexOf(needle);
        // Only when folding kept the word's length, so the offsets still point at the same letters.
        if (at === -1 || token.folded.length !== token.end - token.start) return;
        taken.add(i);
        found.push({ first: i, pieces: [{ token, start: token.start + at, end: token.start + at + needle.length }] });
      });
    }
  }

  // Numbered in reading order (data-hit), so "next hit" steps down the page whatever the hits' lengths.
  found.sort((a, b) => a.first - b.first);
  const ranges = new Map<Text, [number, number, number][]>();
  found.forEach((h, n) => {
    for (const { token, start, end } of h.pieces) {
      const list = ranges.get(token.node) ?? [];
      list.push([start, end, n]);
      ranges.set(token.node, list);
    }
  });

  for (const [node, list] of ranges) {
    list.sort((a, b) => a[0] - b[0]);
    const text = node.data;
    const fragment = doc.createDocumentFragment();
    let last = 0;
    for (const [start, end, n] of list) {
      if (start < last) continue;
      if (start > last) fragment.append(text.slice(last, start));
      const mark = doc.createElement('mark');
      mark.className = HIT_CLASS;
      mark.dataset.hit = String(n);
      mark.textContent = text.slice(start, end);
      fragment.append(mark);
      last = end;
    }
    if (last < text.length) fragment.append(text.slice(last));
    node.replaceWith(fragment);
  }
  return found.length;
}

export const CURRENT_HIT_CLASS = 'es-pdf-hit-current';

/**
 * Marks the `index`-th hit (in reading order; every piece of a phrase) as the current one and
 * returns its first piece, or null when there is no such hit. Any hit marked before is unmarked.
 */
export function markCurrentHit(root: HTMLElement, index: number | null): HTMLElement | null {
  for (const old of root.querySelectorAll(`.${CURRENT_HIT_CLASS}`)) old.classList.remove(CURRENT_HIT_CLASS);
  if (index === null) return null;
  const pieces = [...root.querySelectorAll<HTMLElement>(`mark.${HIT_CLASS}[data-hit="${index}"]`)];
  for (const piece of pieces) piece.classList.add(CURRENT_HIT_CLASS);
  return pieces[0] ?? null;
}

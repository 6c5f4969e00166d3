/**
 * Marks the hit words inside pdf.js's text layer. The text layer is invisible text laid exactly
 * over the rendered page; wrapping a matched word in <mark> (a text node moved into an element,
 * never HTML parsing) paints a translucent box over that word on the page.
 */

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** Folds a word the way the index does: case and accents removed. */
export function foldWord(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

export const HIT_CLASS = 'es-pdf-hit';

/** Wraps every word in `root`'s text whose folded form is in `words`; returns how many. */
export function markWords(root: HTMLElement, words: ReadonlySet<string>): number {
  if (words.size === 0) return 0;
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const textNodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) textNodes.push(node as Text);

  let count = 0;
  for (const node of textNodes) {
    const text = node.data;
    const ranges: [number, number][] = [];
    for (const m of text.matchAll(WORD)) {
      if (words.has(foldWord(m[0]))) ranges.push([m.index, m.index + m[0].length]);
    }
    if (!ranges.length) continue;
    const fragment = doc.createDocumentFragment();
    let last = 0;
    for (const [start, end] of ranges) {
      if (start > last) fragment.append(text.slice(last, start));
      const mark = doc.createElement('mark');
      mark.className = HIT_CLASS;
      mark.textContent = text.slice(start, end);
      fragment.append(mark);
      last = end;
    }
    if (last < text.length) fragment.append(text.slice(last));
    node.replaceWith(fragment);
    count += ranges.length;
  }
  return count;
}

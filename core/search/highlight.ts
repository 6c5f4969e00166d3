/**
 * Turning text into segments with the matched words marked, for snippets and the document view.
 * The UI renders segments as text nodes, so nothing from a document is ever treated as markup.
 */
import type { Segment } from '../../shared/contract.ts';
import type { Term } from './query.ts';
import { wantsSubstring } from './substring.ts';

/** Marker characters passed to FTS5's snippet(); they cannot occur in extracted text we keep. */
export const HIT_OPEN = '\u0002';
export const HIT_CLOSE = '\u0003';

/** Splits an FTS5 snippet marked with HIT_OPEN/HIT_CLOSE into segments. */
export function snippetSegments(snippet: string): Segment[] {
  const segments: Segment[] = [];
  let hit = false;
  // eslint-disable-next-line no-control-regex -- the markers are control characters on purpose
  for (const part of snippet.split(/([\u0002\u0003])/u)) {
    if (part === HIT_OPEN) hit = true;
    else if (part === HIT_CLOSE) hit = false;
    else if (part) push(segments, collapse(part), hit);
  }
  return segments;
}

/** Folds a token the way the index does: case and diacritics removed. */
export function fold(token: string): string {
  return token.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * Marks every token of `text` that one of the terms matches (whole words, prefixes), and every
 * place a number or a no-space-script term occurs inside a longer word, as search does.
 * Returns the segments and the hit count.
 */
export function highlightText(text: string, terms: Term[]): { segments: Segment[]; hits: number } {
  const tokens = [...text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length, folded: fold(m[0]) }));
  const ranges: [number, number][] = [];
  const inside: string[] = [];
  for (const term of terms) {
    const want = term.tokens.map(fold);
    const last = want.length - 1;
    // A phrase is marked only where its words stand together, as the search matched it.
    for (let i = 0; i + last < tokens.length; i++) {
      let ok = true;
      for (let k = 0; k <= last && ok; k++) {
        const t = tokens[i + k].folded;
        ok = term.kind === 'prefix' && k === last ? t.startsWith(want[k]) : t === want[k];
      }
      if (ok) ranges.push([tokens[i].start, tokens[i + last].end]);
    }
    if (wantsSubstring(term)) inside.push(term.raw.toLowerCase());
  }
  if (inside.length) {
    const lower = text.toLowerCase();
    for (const needle of inside) {
      for (let at = lower.indexOf(needle); needle && at !== -1; at = lower.indexOf(needle, at + needle.length)) {
        ranges.push([at, at + needle.length]);
      }
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const segments: Segment[] = [];
  let last = 0;
  let hits = 0;
  for (const [start, end] of ranges) {
    if (start < last) continue; // overlaps one already marked
    push(segments, text.slice(last, start), false);
    push(segments, text.slice(start, end), true);
    last = end;
    hits++;
  }
  push(segments, text.slice(last), false);
  return { segments, hits };
}

function push(segments: Segment[], text: string, hit: boolean): void {
  if (!text) return;
  const prev = segments[segments.length - 1];
  if (prev && prev.hit === hit) prev.text += text;
  else segments.push({ text, hit });
}

function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ');
}

/** Plain text of segments, for the CLI. */
export function segmentsToText(segments: Segment[]): string {
  return segments.map((s) => s.text).join('');
}

import { describe, expect, it } from 'vitest';
import { hitCounterText, hitOrdinal, nextHit, previousHit, type HitPage, type HitPosition } from '../../../renderer/src/document/hit-navigation.ts';

// Hits on pages 2 (two), 5 (one) and 9 (three): six in all.
const PAGES: HitPage[] = [
  { page: 2, count: 2 },
  { page: 5, count: 1 },
  { page: 9, count: 3 },
];

/** Every position "Next hit" visits from `start`, `steps` times. */
function walk(step: typeof nextHit, start: HitPosition, steps: number): string[] {
  const seen: string[] = [];
  let at = start;
  for (let i = 0; i < steps; i++) {
    const s = step(PAGES, at);
    if (!s) break;
    seen.push(`${s.page}:${s.index}${s.wrapped ? ' (wrapped)' : ''}`);
    at = s;
  }
  return seen;
}

describe('stepping through a document’s hits', () => {
  it('goes through every hit in reading order, page after page, and back to the first after the last', () => {
    expect(walk(nextHit, { page: 1, index: null }, 8)).toEqual(['2:0', '2:1', '5:0', '9:0', '9:1', '9:2', '2:0 (wrapped)', '2:1']);
  });

  it('goes backwards through the same hits, to the last hit of the page before', () => {
    expect(walk(previousHit, { page: 9, index: 2 }, 7)).toEqual(['9:1', '9:0', '5:0', '2:1', '2:0', '9:2 (wrapped)', '9:1']);
  });

  it('starts from the page shown: its first hit, or the next page holding one', () => {
    expect(nextHit(PAGES, { page: 5, index: null })).toEqual({ page: 5, index: 0, wrapped: false });
    expect(nextHit(PAGES, { page: 6, index: null })).toEqual({ page: 9, index: 0, wrapped: false });
    expect(previousHit(PAGES, { page: 5, index: null })).toEqual({ page: 2, index: 1, wrapped: false });
    expect(previousHit(PAGES, { page: 4, index: null })).toEqual({ page: 2, index: 1, wrapped: false });
    expect(previousHit(PAGES, { page: 1, index: null })).toEqual({ page: 9, index: 2, wrapped: true });
  });

  it('takes the pages in page order whatever order they came in, and skips pages with no hits', () => {
    const shuffled = [PAGES[2], { page: 3, count: 0 }, PAGES[0], PAGES[1]];
    expect(nextHit(shuffled, { page: 2, index: 1 })).toEqual({ page: 5, index: 0, wrapped: false });
    expect(hitOrdinal(shuffled, { page: 9, index: 0 })).toBe(4);
  });

  it('has nowhere to go in a document with no hits', () => {
    expect(nextHit([], { page: 1, index: null })).toBeNull();
    expect(previousHit([{ page: 1, count: 0 }], { page: 1, index: null })).toBeNull();
    expect(hitCounterText([], { page: 1, index: null })).toBeNull();
  });

  it('counts the current hit across the whole document', () => {
    expect(hitCounterText(PAGES, { page: 2, index: 0 })).toBe('Hit 1 of 6');
    expect(hitCounterText(PAGES, { page: 5, index: 0 })).toBe('Hit 3 of 6');
    expect(hitCounterText(PAGES, { page: 9, index: 2 })).toBe('Hit 6 of 6');
    expect(hitCounterText(PAGES, { page: 9, index: null })).toBe('6 hits in the document');
    expect(hitCounterText([{ page: 4, count: 1 }], { page: 1, index: null })).toBe('1 hit in the document');
    // A page with no hits, or an index past the page's hits, has no current hit.
    expect(hitOrdinal(PAGES, { page: 3, index: 0 })).toBeNull();
    expect(hitOrdinal(PAGES, { page: 5, index: 1 })).toBeNull();
  });
});

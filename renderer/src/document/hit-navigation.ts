/**
 * Stepping from hit to hit through a document, across pages: "Next hit" goes to the next hit on
 * this page, else the first hit of the next page holding one, and after the last hit back to the
 * first (and "Previous hit" the other way). The pages and their counts come from documents.hits,
 * counted as each page's own count, so "Hit 3 of 17" agrees with "2 hits on this page".
 */

export interface HitPage {
  page: number;
  count: number;
}

/**
 * Where the user is: a page, and which of its hits is the current one (0-based), or null when
 * none is yet (a page just opened or turned to: "Next hit" then goes to its first hit).
 */
export interface HitPosition {
  page: number;
  index: number | null;
}

export interface HitStep {
  page: number;
  index: number;
  /** Went past the last hit back to the first (or before the first to the last). */
  wrapped: boolean;
}

/** Pages with at least one hit, in page order (whatever order they came in). */
function withHits(pages: readonly HitPage[]): HitPage[] {
  return pages.filter((p) => p.count > 0).sort((a, b) => a.page - b.page);
}

export function totalHits(pages: readonly HitPage[]): number {
  return pages.reduce((sum, p) => sum + Math.max(0, p.count), 0);
}

export function nextHit(pages: readonly HitPage[], at: HitPosition): HitStep | null {
  const list = withHits(pages);
  if (list.length === 0) return null;
  const here = list.find((p) => p.page === at.page);
  if (here) {
    const next = at.index === null ? 0 : at.index + 1;
    if (next < here.count) return { page: here.page, index: next, wrapped: false };
  }
  const later = list.find((p) => p.page > at.page);
  if (later) return { page: later.page, index: 0, wrapped: false };
  return { page: list[0].page, index: 0, wrapped: true };
}

export function previousHit(pages: readonly HitPage[], at: HitPosition): HitStep | null {
  const list = withHits(pages);
  if (list.length === 0) return null;
  const here = list.find((p) => p.page === at.page);
  if (here && at.index !== null && at.index > 0) return { page: here.page, index: Math.min(at.index, here.count) - 1, wrapped: false };
  const earlier = list.filter((p) => p.page < at.page).at(-1);
  if (earlier) return { page: earlier.page, index: earlier.count - 1, wrapped: false };
  const last = list[list.length - 1];
  return { page: last.page, index: last.count - 1, wrapped: true };
}

/** Which hit of the whole document the position is (1-based), or null when no hit is current. */
export function hitOrdinal(pages: readonly HitPage[], at: HitPosition): number | null {
  if (at.index === null) return null;
  let before = 0;
  for (const p of withHits(pages)) {
    if (p.page === at.page) return at.index < p.count ? before + at.index + 1 : null;
    before += p.count;
  }
  return null;
}

/** "Hit 3 of 17", or how many there are when none is current yet; null when there are none. */
export function hitCounterText(pages: readonly HitPage[], at: HitPosition): string | null {
  const total = totalHits(pages);
  if (total === 0) return null;
  const ordinal = hitOrdinal(pages, at);
  if (ordinal === null) return total === 1 ? '1 hit in the document' : `${total.toLocaleString('en-GB')} hits in the document`;
  return `Hit ${ordinal.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')}`;
}

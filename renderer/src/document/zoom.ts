/**
 * How wide a PDF page is drawn: fitted to the space there is, or at a zoom the user chose. A page
 * is never drawn narrower than MIN_PAGE_WIDTH, whatever the window (the layout gives it the room,
 * see layout.ts), and fitting never blows a page up past MAX_FIT_SCALE on a wide screen.
 */

/** The narrowest a PDF page is ever drawn, in CSS pixels: below this its text cannot be read. */
export const MIN_PAGE_WIDTH = 480;
/** Space around the page inside the document area, each side, in CSS pixels. */
export const PAGE_PADDING = 16;
/** Fitting the width stops here: a page twice its natural size is already large on a wide screen. */
export const MAX_FIT_SCALE = 2;
/** The zoom levels the buttons step through (1 = the page's natural size). */
export const ZOOM_STEPS: readonly number[] = [0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];

/** 'fit': as wide as the document area allows; a number: that scale, chosen with the zoom buttons. */
export type Zoom = 'fit' | number;

/** The smallest scale that keeps a page of this natural width at least MIN_PAGE_WIDTH wide. */
export function minScale(naturalWidth: number): number {
  return naturalWidth > 0 ? MIN_PAGE_WIDTH / naturalWidth : 1;
}

/** The scale at which a page fills the available width (less its padding), within the limits. */
export function fitScale(available: number, naturalWidth: number): number {
  if (naturalWidth <= 0) return 1;
  const fill = (available - 2 * PAGE_PADDING) / naturalWidth;
  return Math.max(minScale(naturalWidth), Math.min(MAX_FIT_SCALE, fill));
}

/** The scale a page is drawn at: fitted, or the chosen zoom kept above the minimum width. */
export function pageScale(zoom: Zoom, available: number, naturalWidth: number): number {
  if (zoom === 'fit') return fitScale(available, naturalWidth);
  return Math.max(minScale(naturalWidth), zoom);
}

const EPSILON = 0.005;

/** The next zoom step above the scale shown now, or null at the largest. */
export function zoomIn(scale: number): number | null {
  return ZOOM_STEPS.find((step) => step > scale + EPSILON) ?? null;
}

/**
 * The next zoom step below the scale shown now, or null when a smaller one would draw the page
 * narrower than MIN_PAGE_WIDTH (the smallest allowed scale is offered once, as the last step).
 */
export function zoomOut(scale: number, naturalWidth: number): number | null {
  const floor = minScale(naturalWidth);
  if (scale <= floor + EPSILON) return null;
  const below = [...ZOOM_STEPS].reverse().find((step) => step < scale - EPSILON);
  return below === undefined || below < floor ? floor : below;
}

/** "125%". */
export function zoomPercent(scale: number): string {
  return `${Math.round(scale * 100)}%`;
}

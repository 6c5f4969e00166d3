import { describe, expect, it } from 'vitest';
import { MAX_FIT_SCALE, MIN_PAGE_WIDTH, PAGE_PADDING, fitScale, pageScale, zoomIn, zoomOut, zoomPercent } from '../../../renderer/src/document/zoom.ts';

const A4 = 595; // an A4 page's width at scale 1

describe('fitting a PDF page to the width', () => {
  it('fills the available width less its padding', () => {
    const scale = fitScale(800, A4);
    expect(scale * A4).toBeCloseTo(800 - 2 * PAGE_PADDING);
  });

  it('never draws the page narrower than the readable minimum, however narrow the area', () => {
    expect(fitScale(150, A4) * A4).toBeCloseTo(MIN_PAGE_WIDTH);
    expect(fitScale(0, A4) * A4).toBeCloseTo(MIN_PAGE_WIDTH);
  });

  it('stops growing on a very wide screen', () => {
    expect(fitScale(4000, A4)).toBe(MAX_FIT_SCALE);
  });

  it('a chosen zoom is kept, but not below the readable minimum', () => {
    expect(pageScale(1.5, 300, A4)).toBe(1.5);
    expect(pageScale(0.5, 3000, A4) * A4).toBeCloseTo(MIN_PAGE_WIDTH);
    expect(pageScale('fit', 800, A4)).toBe(fitScale(800, A4));
  });
});

describe('zooming a step at a time', () => {
  it('zooms in from any scale to the next step above it, and stops at the largest', () => {
    expect(zoomIn(1)).toBe(1.1);
    expect(zoomIn(1.3)).toBe(1.5);
    expect(zoomIn(4)).toBeNull();
  });

  it('zooms out to the next step below, but no further than the readable minimum', () => {
    expect(zoomOut(1.5, A4)).toBe(1.25);
    // 0.9 × 595 ≈ 536 px is allowed; the next step, 0.8 (476 px), is not: the minimum is offered instead.
    expect(zoomOut(0.9, A4)).toBeCloseTo(MIN_PAGE_WIDTH / A4);
    expect(zoomOut(MIN_PAGE_WIDTH / A4, A4)).toBeNull();
  });

  it('says the scale as a percentage', () => {
    expect(zoomPercent(1.25)).toBe('125%');
    expect(zoomPercent(0.8067)).toBe('81%');
  });
});

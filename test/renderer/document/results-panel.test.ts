import { afterEach, describe, expect, it } from 'vitest';
import { closeResultsOverlay, setResultsOverlayOpen, setResultsPlacement } from '../../../renderer/src/document/results-panel.ts';

afterEach(() => {
  setResultsOverlayOpen(false);
  setResultsPlacement('beside');
});

describe('Esc with a document open', () => {
  it('first puts away the results list shown over the document', () => {
    setResultsOverlayOpen(true);
    setResultsPlacement('overlay');
    expect(closeResultsOverlay()).toBe(true);
    // The document view then lays the list out of the way; a second Esc is for the document.
    setResultsPlacement('hidden');
    expect(closeResultsOverlay()).toBe(false);
  });

  it('leaves the document to close when the list is beside it or already out of the way', () => {
    setResultsPlacement('beside');
    expect(closeResultsOverlay()).toBe(false);
    setResultsPlacement('hidden');
    expect(closeResultsOverlay()).toBe(false);
  });
});

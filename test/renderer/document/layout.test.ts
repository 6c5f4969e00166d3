import { describe, expect, it } from 'vitest';
import { EVIDENCE_WIDTH, MIN_DOCUMENT_WIDTH, THUMBNAILS_WIDTH, documentLayout, evidenceToggleAction, thumbnailsPlacement, type LayoutInput } from '../../../renderer/src/document/layout.ts';

const input = (over: Partial<LayoutInput>): LayoutInput => ({ room: 0, pane: 0, evidenceWanted: true, evidenceOverlay: false, resultsOverlay: false, ...over });

// The widths the app gives the results and the document: the area beside the 200 px navigation,
// split 36% / 64% with the results at least 320 px wide.
const at = (windowWidth: number) => {
  const room = windowWidth - 201;
  return { room, pane: room - Math.max(320, Math.round(room * 0.36)) - 1 };
};

describe('who gets the room in the document view', () => {
  it('on a wide screen the results, the document and the evidence panel sit side by side', () => {
    expect(documentLayout(input(at(1920)))).toEqual({ maximised: false, results: 'beside', evidence: 'docked', evidenceCanDock: true });
  });

  it('at 1366 the document takes the results’ place and keeps the evidence panel beside it', () => {
    const layout = documentLayout(input(at(1366)));
    expect(layout).toMatchObject({ maximised: true, results: 'hidden', evidence: 'docked' });
    // What is left for the page is still at least the minimum.
    expect(at(1366).room - EVIDENCE_WIDTH).toBeGreaterThanOrEqual(MIN_DOCUMENT_WIDTH);
  });

  it('at 1366 with the evidence panel closed, the document fits beside the results', () => {
    expect(documentLayout(input({ ...at(1366), evidenceWanted: false }))).toMatchObject({ maximised: false, results: 'beside', evidence: 'closed' });
  });

  it('at 1024 the evidence panel does not squeeze the page: it stays closed until opened over it', () => {
    const closed = documentLayout(input(at(1024)));
    expect(closed).toMatchObject({ maximised: true, results: 'hidden', evidence: 'closed', evidenceCanDock: false });
    expect(evidenceToggleAction(closed)).toBe('open-overlay');
    const opened = documentLayout(input({ ...at(1024), evidenceOverlay: true }));
    expect(opened.evidence).toBe('overlay');
    expect(evidenceToggleAction(opened)).toBe('close-overlay');
  });

  it('the results list comes back over the document when asked for', () => {
    expect(documentLayout(input({ ...at(1024), resultsOverlay: true })).results).toBe('overlay');
    // …and where there is room beside, it is simply beside.
    expect(documentLayout(input({ ...at(1920), resultsOverlay: true })).results).toBe('beside');
  });

  it('the Evidence button docks the panel where it fits and undocks it again', () => {
    const closed = documentLayout(input({ ...at(1366), evidenceWanted: false }));
    expect(evidenceToggleAction(closed)).toBe('dock');
    expect(evidenceToggleAction(documentLayout(input(at(1366))))).toBe('undock');
  });

  it('before anything is measured, lays out as on a wide screen rather than flashing an overlay', () => {
    expect(documentLayout(input({}))).toMatchObject({ maximised: false, results: 'beside', evidence: 'docked' });
  });
});

describe('where a PDF’s page thumbnails go', () => {
  const place = (windowWidth: number, over: Partial<LayoutInput> = {}, wanted: boolean | null = null) => {
    const widths = at(windowWidth);
    return thumbnailsPlacement({ layout: documentLayout(input({ ...widths, ...over })), ...widths, wanted });
  };

  it('beside the page on a wide screen, unless the user hid them', () => {
    expect(place(1920)).toBe('beside');
    expect(place(1920, {}, false)).toBe('closed');
  });

  it('hidden at 1024 until asked for (then beside the page, which keeps its 480 px)', () => {
    expect(place(1024)).toBe('closed');
    expect(place(1024, { evidenceWanted: false })).toBe('closed');
    expect(place(1024, {}, true)).toBe('beside');
    expect(at(1024).room - THUMBNAILS_WIDTH).toBeGreaterThanOrEqual(MIN_DOCUMENT_WIDTH);
  });

  it('shown by themselves only where the page keeps its width beside them and the evidence panel', () => {
    // 1366 beside the results: the pane would not hold the page, the evidence panel and the thumbnails.
    expect(place(1366, { evidenceWanted: false })).toBe('closed');
    expect(place(1366, { evidenceWanted: false }, true)).toBe('beside');
    // The document over the results' place with the evidence panel docked: room for all three.
    expect(place(1366)).toBe('beside');
    expect(at(1366).room - EVIDENCE_WIDTH - THUMBNAILS_WIDTH).toBeGreaterThanOrEqual(MIN_DOCUMENT_WIDTH);
  });

  it('over the page’s edge when asked for where they would squeeze it', () => {
    const widths = { room: 1100, pane: MIN_DOCUMENT_WIDTH + 40 };
    const layout = documentLayout(input({ ...widths, evidenceWanted: false }));
    expect(layout.maximised).toBe(false);
    expect(thumbnailsPlacement({ layout, ...widths, wanted: true })).toBe('overlay');
    expect(thumbnailsPlacement({ layout, ...widths, wanted: null })).toBe('closed');
  });

  it('waits for the widths to be measured', () => {
    expect(thumbnailsPlacement({ layout: documentLayout(input({})), room: 0, pane: 0, wanted: null })).toBe('closed');
  });
});

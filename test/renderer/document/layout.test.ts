import { describe, expect, it } from 'vitest';
import { EVIDENCE_WIDTH, MIN_DOCUMENT_WIDTH, documentLayout, evidenceToggleAction, type LayoutInput } from '../../../renderer/src/document/layout.ts';

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

/**
 * Who gets the room in the document view. The document comes first: a PDF page is never drawn
 * narrower than MIN_PAGE_WIDTH, so when the document's pane (beside the results) is too narrow for
 * the page and the evidence panel, the document takes the whole area over the results list, which
 * then opens over it on demand; and when even the whole area cannot hold the page and the evidence
 * panel side by side, the evidence panel opens over the page on demand instead of squeezing it.
 */
import { MIN_PAGE_WIDTH, PAGE_PADDING } from './zoom.ts';

/** The evidence panel's width when it sits beside the document (its border included). */
export const EVIDENCE_WIDTH = 341;
/** Room for a vertical scroll bar beside the page. */
const SCROLLBAR = 18;
/** The narrowest document area that holds a page of MIN_PAGE_WIDTH with its padding and scroll bar. */
export const MIN_DOCUMENT_WIDTH = MIN_PAGE_WIDTH + 2 * PAGE_PADDING + SCROLLBAR;

export interface LayoutInput {
  /** The width of the whole area the results and the document share, in CSS pixels (0: not measured yet). */
  room: number;
  /** The width of the document's own pane beside the results. */
  pane: number;
  /** The user keeps the evidence panel open beside documents (remembered on this computer). */
  evidenceWanted: boolean;
  /** The evidence panel was opened over the page, where it cannot sit beside it. */
  evidenceOverlay: boolean;
  /** The results list was opened over the document, where the document has taken its place. */
  resultsOverlay: boolean;
}

export type ResultsPlacement = 'beside' | 'overlay' | 'hidden';
export type EvidencePlacement = 'docked' | 'overlay' | 'closed';

export interface Layout {
  /** The document covers the whole area, the results list's place included. */
  maximised: boolean;
  results: ResultsPlacement;
  evidence: EvidencePlacement;
  /** The evidence panel would fit beside the document if it were opened. */
  evidenceCanDock: boolean;
}

export function documentLayout({ room, pane, evidenceWanted, evidenceOverlay, resultsOverlay }: LayoutInput): Layout {
  // Not measured yet: lay out as on a wide screen rather than flash an overlay.
  if (room <= 0 || pane <= 0) {
    return { maximised: false, results: 'beside', evidence: evidenceWanted ? 'docked' : 'closed', evidenceCanDock: true };
  }
  const evidenceCanDock = room >= MIN_DOCUMENT_WIDTH + EVIDENCE_WIDTH;
  if (pane >= MIN_DOCUMENT_WIDTH + (evidenceWanted ? EVIDENCE_WIDTH : 0)) {
    return { maximised: false, results: 'beside', evidence: evidenceWanted ? 'docked' : 'closed', evidenceCanDock };
  }
  return {
    maximised: true,
    results: resultsOverlay ? 'overlay' : 'hidden',
    evidence: evidenceWanted && evidenceCanDock ? 'docked' : evidenceOverlay && !evidenceCanDock ? 'overlay' : 'closed',
    evidenceCanDock,
  };
}

/** What the Evidence button does in this layout. */
export type EvidenceToggleAction = 'undock' | 'close-overlay' | 'dock' | 'open-overlay';

export function evidenceToggleAction(layout: Layout): EvidenceToggleAction {
  if (layout.evidence === 'docked') return 'undock';
  if (layout.evidence === 'overlay') return 'close-overlay';
  return layout.evidenceCanDock ? 'dock' : 'open-overlay';
}

/** The page thumbnails' strip beside a PDF (its border included). */
export const THUMBNAILS_WIDTH = 132;

export type ThumbnailsPlacement = 'beside' | 'overlay' | 'closed';

/**
 * Where a PDF's page thumbnails go. Asked for, they sit beside the page where it keeps
 * MIN_DOCUMENT_WIDTH, else over the page's edge rather than squeezing it. Before the user says
 * (`wanted` null) they show by themselves only on a wide screen: where the page would keep its
 * width beside them even with the evidence panel open too (so not at 1024 or 1366 wide).
 */
export function thumbnailsPlacement({ layout, room, pane, wanted }: { layout: Layout; room: number; pane: number; wanted: boolean | null }): ThumbnailsPlacement {
  if (room <= 0 || pane <= 0) return 'closed';
  const documentArea = (layout.maximised ? room : pane) - (layout.evidence === 'docked' ? EVIDENCE_WIDTH : 0);
  const fits = documentArea >= MIN_DOCUMENT_WIDTH + THUMBNAILS_WIDTH;
  const roomy = documentArea - (layout.evidence === 'docked' ? 0 : EVIDENCE_WIDTH) >= MIN_DOCUMENT_WIDTH + THUMBNAILS_WIDTH;
  if (wanted === false || (wanted === null && !roomy)) return 'closed';
  return fits ? 'beside' : 'overlay';
}

import { MessageBar, MessageBarBody, Spinner, Text, ToggleButton, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { GridDots20Regular, TextBulletListLtr20Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { Segments } from '../search/Segments.tsx';
import { plural } from '../shared/format.ts';
import { useElementWidth } from '../shared/useElementWidth.ts';
import { EvidencePanel } from '../evidence/EvidencePanel.tsx';
import { EvidenceToggle, useEvidencePanelOpen } from '../evidence/EvidenceToggle.tsx';
import { addEscapeLayer } from './escape-layers.ts';
import { DocumentHeader } from './DocumentHeader.tsx';
import { HIT_KEYS_ATTRIBUTE, matchesShortcut } from '../app/shortcuts.ts';
import { documentLayout, evidenceToggleAction, thumbnailsPlacement, THUMBNAILS_WIDTH, type Layout } from './layout.ts';
import { HitNav } from './HitNav.tsx';
import { hitCounterText, nextHit, previousHit } from './hit-navigation.ts';
import { PdfThumbnails } from './PdfThumbnails.tsx';
import { RESULTS_PANEL_ATTRIBUTE, setResultsOverlayOpen, setResultsPlacement, useResultsOverlayOpen } from './results-panel.ts';
import { SheetGrid } from './SheetGrid.tsx';
import { isSheetFormat } from './sheet-grid.ts';
import { ZoomControls } from './ZoomControls.tsx';
import type { Zoom } from './zoom.ts';
import { LinkToRequest } from '../requests/LinkToRequest.tsx';
import { PageNav } from './PageNav.tsx';
import { PdfPage } from './PdfPage.tsx';
import { hitsOfSegments } from './text-layer-hits.ts';
import { useDocumentDetail, useDocumentHits, usePageText, usePdf } from './useDocument.ts';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0, minWidth: 0, backgroundColor: tokens.colorNeutralBackground1 },
  // Over the results list's place too (the app's main area is the positioned ancestor).
  maximised: { position: 'absolute', inset: 0, zIndex: 1 },
  // Zero-height rulers: the whole area the results and the document share, and the document's own pane.
  roomProbe: { position: 'absolute', left: 0, right: 0, top: 0, height: 0, visibility: 'hidden', pointerEvents: 'none' },
  paneProbe: { height: 0, visibility: 'hidden' },
  toolbar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `0 ${tokens.spacingHorizontalL}`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    flexWrap: 'wrap',
  },
  hits: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  body: {
    flex: 1,
    overflow: 'auto',
    minHeight: 0,
    minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  end: { marginLeft: 'auto', display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  sheetBody: { overflow: 'hidden', display: 'flex', flexDirection: 'column' },
  // The page beside the evidence panel (or under it, where it opens over the page).
  content: { flex: 1, minHeight: 0, display: 'flex', position: 'relative' },
  evidence: { width: '340px', flexShrink: 0, minHeight: 0, borderLeft: `1px solid ${tokens.colorNeutralStroke2}` },
  thumbnails: { width: `${THUMBNAILS_WIDTH - 1}px`, flexShrink: 0, minHeight: 0 },
  thumbnailsOverlay: { position: 'absolute', top: 0, left: 0, bottom: 0, zIndex: 2, boxShadow: tokens.shadow16 },
  evidenceOverlay: { position: 'absolute', top: 0, right: 0, bottom: 0, maxWidth: '100%', zIndex: 2, boxShadow: tokens.shadow16 },
  bar: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}` },
  text: {
    margin: tokens.spacingHorizontalL,
    padding: tokens.spacingHorizontalXL,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase400,
    maxWidth: '900px',
  },
  center: { padding: tokens.spacingHorizontalXXL },
});

export interface DocumentViewProps {
  documentId: number;
  page: number;
  /** The search that led here; its words are marked on the page. */
  query: string;
  onPageChange: (page: number) => void;
  onClose: () => void;
}

/** One document, opened at a page: PDFs drawn by pdf.js, anything else as its extracted text. */
export function DocumentView({ documentId, page, query, onPageChange, onClose }: DocumentViewProps) {
  const styles = useStyles();
  const api = useApi();
  const detail = useDocumentDetail(documentId);
  const isPdf = detail.status === 'ready' && detail.value.format === 'pdf';
  const pdf = usePdf(documentId, isPdf);
  const pageText = usePageText(documentId, page, query, detail.status === 'ready');
  const [actionError, setActionError] = useState<string | null>(null);
  const [pdfError, setPdfError] = useState<string | null>(null);
  const [bodyRef, width] = useElementWidth();
  const [roomRef, room] = useElementWidth(1);
  const [paneRef, pane] = useElementWidth(1);
  const [evidenceWanted, setEvidenceWanted] = useEvidencePanelOpen();
  const [evidenceOverlay, setEvidenceOverlay] = useState(false);
  const resultsOverlay = useResultsOverlayOpen();
  const layout = documentLayout({ room, pane, evidenceWanted, evidenceOverlay, resultsOverlay });
  const [zoom, setZoom] = useState<Zoom>('fit');
  const [drawn, setDrawn] = useState<{ scale: number; naturalWidth: number } | null>(null);
  const onRendered = useCallback((_marked: number, scale: number, naturalWidth: number) => setDrawn({ scale, naturalWidth }), []);
  useResultsFollowLayout(layout, documentId, query);
  const resultsToggle = useFocusBackFromResults(layout.results);
  const [thumbnailsWanted, setThumbnailsWanted] = useState<boolean | null>(null);
  const thumbnails = thumbnailsPlacement({ layout, room, pane, wanted: thumbnailsWanted });

  // Hit to hit across the pages: the hit stepped to, on its page (a new search starts again).
  const documentHits = useDocumentHits(documentId, query, detail.status === 'ready');
  const [hitAt, setHitAt] = useState<{ page: number; index: number; wrapped: boolean; query: string } | null>(null);
  const hitPages = useMemo(() => documentHits?.pages ?? [], [documentHits]);
  const hitIndex = hitAt && hitAt.page === page && hitAt.query === query ? hitAt.index : null;
  const step = useCallback(
    (direction: 'next' | 'previous') => {
      const to = (direction === 'next' ? nextHit : previousHit)(hitPages, { page, index: hitIndex });
      if (!to) return;
      setHitAt({ ...to, query });
      if (to.page !== page) onPageChange(to.page);
    },
    [hitPages, page, hitIndex, query, onPageChange],
  );
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Dialogs handle their own keys.
      if (event.target instanceof Element && event.target.closest('[role="dialog"], [role="alertdialog"]')) return;
      const direction = matchesShortcut('hit-next', event) ? 'next' : matchesShortcut('hit-previous', event) ? 'previous' : null;
      if (!direction) return;
      event.preventDefault();
      step(direction);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step]);

  // The evidence panel over the document: Esc puts it away first, and the focus goes back to its button.
  const evidenceToggle = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (layout.evidence !== 'overlay') return;
    return addEscapeLayer(() => {
      setEvidenceOverlay(false);
      evidenceToggle.current?.querySelector('button')?.focus();
    });
  }, [layout.evidence]);

  const toggleEvidence = () => {
    const action = evidenceToggleAction(layout);
    if (action === 'undock') setEvidenceWanted(false);
    else if (action === 'dock') setEvidenceWanted(true);
    setEvidenceOverlay(action === 'open-overlay');
  };

  // The hits the app found on this page (a phrase only where its words stand together), for the PDF's text layer.
  const hits = useMemo(() => hitsOfSegments(pageText.status === 'ready' ? pageText.value.segments : []), [pageText]);

  const act = useCallback(
    (method: 'documents.open' | 'documents.reveal') => {
      setActionError(null);
      api.call(method, { documentId }).catch((error) => setActionError(errorMessage(error)));
    },
    [api, documentId],
  );

  const probes = (
    <>
      <div ref={roomRef} className={styles.roomProbe} aria-hidden />
      <div ref={paneRef} className={styles.paneProbe} aria-hidden />
    </>
  );
  if (detail.status === 'loading') {
    return (
      <>
        {probes}
        <Spinner className={styles.center} label="Opening…" />
      </>
    );
  }
  if (detail.status === 'error') {
    return (
      <>
        {probes}
        <MessageBar intent="error" className={styles.bar}>
          <MessageBarBody>{detail.message}</MessageBarBody>
        </MessageBar>
      </>
    );
  }
  const doc = detail.value;
  const pageCount = Math.max(doc.pageCount, pdf?.status === 'ready' ? pdf.value.numPages : 0, 1);
  const current = Math.min(Math.max(1, page), pageCount);
  const label = doc.pages.find((p) => p.number === current)?.label ?? null;
  const hitCount = pageText.status === 'ready' ? pageText.value.hitCount : null;
  // Draw with pdf.js when we can; fall back to the extracted text if the file cannot be drawn.
  const drawPdf = isPdf && pdf?.status !== 'error' && !pdfError;
  const sheet = isSheetFormat(doc.format) && pageText.status === 'ready' && pageText.value.segments.length > 0 ? pageText.value : null;

  return (
    <>
      {probes}
      <article
        className={mergeClasses(styles.view, layout.maximised && styles.maximised)}
        aria-label={`Document: ${doc.title}`}
        data-testid="document-view"
        data-layout={layout.maximised ? 'maximised' : 'beside-results'}
      >
        <DocumentHeader detail={doc} onOpen={() => act('documents.open')} onReveal={() => act('documents.reveal')} onClose={onClose} />
        {actionError && (
          <MessageBar intent="error" className={styles.bar}>
            <MessageBarBody>{actionError}</MessageBarBody>
          </MessageBar>
        )}
        {doc.warning === 'text-forgotten' && (
          <MessageBar intent="info" className={styles.bar} data-testid="doc-text-forgotten">
            <MessageBarBody>Its folder was removed from the library and its text forgotten. The evidence record stays; add the folder again to read the text.</MessageBarBody>
          </MessageBar>
        )}
        {doc.warning === 'no-text' && (
          <MessageBar intent="warning" className={styles.bar}>
            <MessageBarBody>This looks like a scan with no text layer; it can be found by its name only.</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.toolbar}>
          <PageNav page={current} pageCount={pageCount} pageLabel={label} onPageChange={onPageChange} />
          {hitCount !== null && query.trim() !== '' && (
            <Text className={styles.hits} data-testid="doc-page-hits">
              {hitCount === 0 ? 'No hits on this page' : `${plural(hitCount, 'hit')} on this page`}
            </Text>
          )}
          {documentHits && (
            <HitNav
              counter={hitCounterText(hitPages, { page: current, index: hitIndex })}
              wrapped={hitIndex !== null && (hitAt?.wrapped ?? false)}
              onPrevious={() => step('previous')}
              onNext={() => step('next')}
            />
          )}
          <LinkToRequest link={{ kind: 'document', documentId, page: current }} />
          {drawPdf && pdf?.status === 'ready' && (
            <ZoomControls zoom={zoom} scale={drawn?.scale ?? null} naturalWidth={drawn?.naturalWidth ?? null} onZoomChange={setZoom} />
          )}
          <div className={styles.end}>
            {drawPdf && pdf?.status === 'ready' && (
              <ToggleButton
                size="small"
                appearance="subtle"
                icon={<GridDots20Regular />}
                checked={thumbnails !== 'closed'}
                onClick={() => setThumbnailsWanted(thumbnails === 'closed')}
                aria-controls="pdf-thumbnails"
                data-testid="thumbnails-toggle"
              >
                Pages
              </ToggleButton>
            )}
            {layout.maximised && (
              <ToggleButton
                size="small"
                appearance="subtle"
                icon={<TextBulletListLtr20Regular />}
                checked={layout.results === 'overlay'}
                ref={resultsToggle}
                onClick={() => setResultsOverlayOpen(layout.results !== 'overlay')}
                data-testid="results-toggle"
              >
                Results
              </ToggleButton>
            )}
            <span ref={evidenceToggle} style={{ display: 'contents' }}>
              <EvidenceToggle open={layout.evidence !== 'closed'} onChange={toggleEvidence} />
            </span>
          </div>
        </div>
        <div className={styles.content} onPointerDown={layout.results === 'overlay' ? () => setResultsOverlayOpen(false) : undefined}>
          {drawPdf && pdf?.status === 'ready' && (
            // Always in the page (hidden when closed), so the Pages button's aria-controls names an element.
            <div
              id="pdf-thumbnails"
              className={mergeClasses(styles.thumbnails, thumbnails === 'overlay' && styles.thumbnailsOverlay)}
              hidden={thumbnails === 'closed'}
              data-placement={thumbnails}
            >
              {thumbnails !== 'closed' && (
                <PdfThumbnails
                  pdf={pdf.value}
                  current={current}
                  hitCounts={new Map(hitPages.map((p) => [p.page, p.count]))}
                  onGo={(n) => {
                    if (thumbnails === 'overlay') setThumbnailsWanted(false);
                    onPageChange(n);
                  }}
                />
              )}
            </div>
          )}
          {/* Focusable, so the page can be scrolled from the keyboard (it has nothing else to focus). */}
          <div
            className={mergeClasses(styles.body, sheet !== null && styles.sheetBody)}
            ref={bodyRef}
            data-testid="document-body"
            role="region"
            aria-label={label ?? `Page ${current}`}
            tabIndex={sheet ? undefined : 0}
            {...{ [HIT_KEYS_ATTRIBUTE]: sheet ? undefined : '' }}
          >
            {isPdf && (pdf?.status === 'error' || pdfError) && (
              <MessageBar intent="warning" className={styles.bar}>
                <MessageBarBody>
                  The PDF could not be drawn ({pdf?.status === 'error' ? pdf.message : pdfError}). Showing its text instead.
                </MessageBarBody>
              </MessageBar>
            )}
            {drawPdf ? (
              pdf?.status === 'ready' ? (
                <PdfPage pdf={pdf.value} pageNumber={current} hits={hits} width={width} zoom={zoom} currentHit={hitIndex} onRendered={onRendered} onError={setPdfError} />
              ) : (
                <Spinner className={styles.center} label="Loading the PDF…" />
              )
            ) : sheet ? (
              <SheetGrid segments={sheet.segments} label={sheet.label} currentHit={hitIndex} />
            ) : (
              <PageTextView state={pageText} className={styles.text} currentHit={hitIndex} />
            )}
          </div>
          {/* Always in the page (hidden when closed), so the Evidence button's aria-controls names an element. */}
          <div
            className={mergeClasses(styles.evidence, layout.evidence === 'overlay' && styles.evidenceOverlay)}
            id="evidence-panel"
            hidden={layout.evidence === 'closed'}
            data-placement={layout.evidence}
          >
            {layout.evidence !== 'closed' && (
              <EvidencePanel documentId={documentId} documentTitle={doc.title} onClose={layout.evidence === 'overlay' ? () => setEvidenceOverlay(false) : undefined} />
            )}
          </div>
        </div>
      </article>
    </>
  );
}

/**
 * Tells the results list where it is, and opens or closes it over the document: a document just
 * opened starts with the list out of the way; a new search while it is open shows the list.
 */
function useResultsFollowLayout(layout: Layout, documentId: number, query: string): void {
  useEffect(() => setResultsPlacement(layout.results), [layout.results]);
  useEffect(() => () => setResultsPlacement('beside'), []);
  useEffect(() => setResultsOverlayOpen(false), [documentId]);
  const lastQuery = useRef(query);
  useEffect(() => {
    if (lastQuery.current === query) return;
    lastQuery.current = query;
    setResultsOverlayOpen(true);
  }, [query]);
}

/**
 * When the results list over the document is put away (Esc, a click on the page, a result opened),
 * the focus must not stay on the hidden list: it comes back to the Results button that opens it.
 */
function useFocusBackFromResults(results: Layout['results']) {
  const toggle = useRef<HTMLButtonElement>(null);
  const was = useRef(results);
  useEffect(() => {
    const wasOverlay = was.current === 'overlay';
    was.current = results;
    if (!wasOverlay || results !== 'hidden') return;
    // Inside the list, which is hidden once it hears its new place (or already lost to the page).
    const active = document.activeElement;
    if (!active || active === document.body || active.closest(`[${RESULTS_PANEL_ATTRIBUTE}]`)) toggle.current?.focus();
  }, [results]);
  return toggle;
}

function PageTextView({ state, className, currentHit }: { state: ReturnType<typeof usePageText>; className: string; currentHit: number | null }) {
  const text = useRef<HTMLDivElement>(null);
  // The hit stepped to, brought into view.
  useEffect(() => {
    text.current?.querySelector('[data-current-hit]')?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [currentHit, state]);
  if (state.status === 'loading') return <Spinner size="small" label="Loading the page…" />;
  if (state.status === 'error') {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{state.message}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!state.value.segments.length) return <p className={className}>There is no text on this page.</p>;
  return (
    <div className={className} data-testid="doc-page-text" ref={text}>
      <Segments segments={state.value.segments} currentHit={currentHit} />
    </div>
  );
}

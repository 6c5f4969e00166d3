import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { loadPdfJs } from './pdf.ts';
import { markCurrentHit, markHits } from './text-layer-hits.ts';
import { PAGE_PADDING, pageScale, type Zoom } from './zoom.ts';
import './text-layer.css';

const useStyles = makeStyles({
  // As wide as its page, so a page zoomed past the area's width scrolls the area, padding included.
  wrap: { padding: `${PAGE_PADDING}px`, position: 'relative', minHeight: '200px', width: 'max-content', minWidth: '100%', boxSizing: 'border-box' },
  spinner: { position: 'absolute', top: tokens.spacingVerticalXXL, left: 0, right: 0 },
});

export interface PdfPageProps {
  pdf: PDFDocumentProxy;
  pageNumber: number;
  /** The hits to mark on the page, each as its folded words (see text-layer-hits.ts). */
  hits: readonly (readonly string[])[];
  /** Width available for the page, in CSS pixels. */
  width: number;
  /** Fit the width, or the scale the user zoomed to. */
  zoom?: Zoom;
  /** The hit stepped to (0-based, in reading order): outlined and scrolled into view. */
  currentHit?: number | null;
  /** Drawn: how many hits were marked, the scale, and the page's natural width (at scale 1). */
  onRendered?: (marked: number, scale: number, naturalWidth: number) => void;
  onError?: (message: string) => void;
}

/** One PDF page: pixels on a canvas, with pdf.js's invisible text layer over it for selection and hit marks. */
export function PdfPage({ pdf, pageNumber, hits, width, zoom = 'fit', currentHit = null, onRendered, onError }: PdfPageProps) {
  const styles = useStyles();
  const host = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(true);
  // Bumped each time a page is drawn, so the current hit is marked on the new drawing.
  const [drawing, setDrawing] = useState(0);
  const notify = useRef({ onRendered, onError });
  useEffect(() => {
    notify.current = { onRendered, onError };
  });

  useEffect(() => {
    const container = host.current;
    if (!container || width <= 0) return;
    let cancelled = false;
    const cleanups: (() => void)[] = [];
    setBusy(true);

    (async () => {
      const lib = await loadPdfJs();
      const page = await pdf.getPage(pageNumber);
      if (cancelled) return;
      const natural = page.getViewport({ scale: 1 });
      // Fit the width (never narrower than a readable page, nor absurdly large on a wide screen), or as zoomed.
      const scale = pageScale(zoom, width, natural.width);
      const viewport = page.getViewport({ scale });
      const ratio = window.devicePixelRatio || 1;

      const pageDiv = document.createElement('div');
      pageDiv.className = 'es-pdf-page';
      pageDiv.dataset.testid = 'pdf-page';
      pageDiv.style.width = `${Math.floor(viewport.width)}px`;
      pageDiv.style.height = `${Math.floor(viewport.height)}px`;
      pageDiv.style.setProperty('--scale-factor', String(scale));
      pageDiv.style.setProperty('--total-scale-factor', String(scale));

      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.width = `${Math.floor(viewport.width)}px`;
      canvas.style.height = `${Math.floor(viewport.height)}px`;
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', `Page ${pageNumber}`);
      const textDiv = document.createElement('div');
      textDiv.className = 'textLayer';
      pageDiv.append(canvas, textDiv);

      const textContent = await page.getTextContent();
      if (cancelled) return;
      // Start both and await them together with no await in between, so a cancellation always
      // lands on a promise someone is waiting for (never an unhandled rejection).
      const renderTask = page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      const textLayer = new lib.TextLayer({ textContentSource: textContent, container: textDiv, viewport });
      cleanups.push(() => renderTask.cancel(), () => textLayer.cancel());
      await Promise.all([renderTask.promise, textLayer.render()]);
      if (cancelled) return;
      const marked = markHits(textDiv, hits);
      container.replaceChildren(pageDiv);
      setBusy(false);
      setDrawing((n) => n + 1);
      notify.current.onRendered?.(marked, scale, natural.width);
    })().catch((error: unknown) => {
      if (cancelled || (error instanceof Error && error.name === 'RenderingCancelledException')) return;
      setBusy(false);
      notify.current.onError?.(error instanceof Error ? error.message : String(error));
    });

    return () => {
      cancelled = true;
      for (const cleanup of cleanups) cleanup();
    };
    // onRendered/onError are read through refs: a new function identity must not redraw the page.
  }, [pdf, pageNumber, hits, width, zoom]);

  // Marking the current hit changes no pixels: the page is not drawn again for it.
  useEffect(() => {
    const container = host.current;
    if (!container || drawing === 0) return;
    markCurrentHit(container, currentHit)?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [currentHit, drawing]);

  return (
    <div className={styles.wrap}>
      {busy && <Spinner className={styles.spinner} size="small" label="Drawing the page…" />}
      <div ref={host} />
    </div>
  );
}

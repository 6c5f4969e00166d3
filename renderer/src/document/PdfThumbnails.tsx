/**
 * A PDF's pages as small pictures down the side, to see the document's shape and jump to a page.
 * Built for a 500-page report: every page has a placeholder of the right size, but only those in
 * (or near) view are drawn, and a drawing that scrolls out of view is dropped and its canvas
 * emptied, so memory stays bounded by what fits on the screen. Pages holding a hit say so in words
 * and with a frame; the current page is outlined. One Tab stop: the arrow keys move between pages.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { matchesShortcut } from '../app/shortcuts.ts';
import { plural } from '../shared/format.ts';

/** A thumbnail's width in CSS pixels (the strip is THUMBNAILS_WIDTH in layout.ts). */
const THUMB_WIDTH = 88;
/** Start drawing a little before a thumbnail scrolls into view. */
const LOOK_AHEAD = '300px 0px';

const useStyles = makeStyles({
  strip: {
    height: '100%',
    overflowY: 'auto',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground2,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  list: { listStyle: 'none', margin: 0, padding: `${tokens.spacingVerticalS} 0`, display: 'flex', flexDirection: 'column', alignItems: 'center', gap: tokens.spacingVerticalS },
  button: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalXS,
    border: `2px solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    background: 'none',
    color: tokens.colorNeutralForeground1,
    cursor: 'pointer',
    fontSize: tokens.fontSizeBase200,
    ':hover': { backgroundColor: tokens.colorNeutralBackground2Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  // The page shown: a thick outline and its number in bold (not colour alone).
  current: { border: `2px solid ${tokens.colorNeutralForeground1}`, fontWeight: tokens.fontWeightSemibold },
  picture: { position: 'relative', backgroundColor: '#fff', boxShadow: tokens.shadow4 },
  canvas: { display: 'block', width: '100%', height: '100%' },
  // A page holding a hit: a thick marker-yellow frame, and the count in words under it.
  hitPicture: { outline: '3px solid #e6b800', outlineOffset: '1px' },
  caption: { display: 'flex', flexDirection: 'column', alignItems: 'center', lineHeight: tokens.lineHeightBase200 },
});

export interface PdfThumbnailsProps {
  pdf: PDFDocumentProxy;
  current: number;
  /** Hits per page (pages without hits left out). */
  hitCounts: ReadonlyMap<number, number>;
  onGo: (page: number) => void;
}

export function PdfThumbnails({ pdf, current, hitCounts, onGo }: PdfThumbnailsProps) {
  const styles = useStyles();
  const strip = useRef<HTMLElement>(null);
  const [ratio, setRatio] = useState(1.414);
  const [visible, setVisible] = useState<ReadonlySet<number>>(new Set());
  const [focusPage, setFocusPage] = useState(current);
  useEffect(() => setFocusPage(current), [current]);

  // Every placeholder takes the first page's shape, so the strip is the right length before any drawing.
  useEffect(() => {
    let live = true;
    pdf.getPage(1).then((page) => {
      const v = page.getViewport({ scale: 1 });
      if (live && v.width > 0) setRatio(v.height / v.width);
    }, () => {});
    return () => {
      live = false;
    };
  }, [pdf]);

  useEffect(() => {
    const root = strip.current;
    if (!root) return;
    const observer = new IntersectionObserver(
      (entries) =>
        setVisible((before) => {
          const next = new Set(before);
          for (const entry of entries) {
            const n = Number((entry.target as HTMLElement).dataset.page);
            if (entry.isIntersecting) next.add(n);
            else next.delete(n);
          }
          return next;
        }),
      { root, rootMargin: LOOK_AHEAD },
    );
    for (const item of root.querySelectorAll('[data-page]')) observer.observe(item);
    return () => observer.disconnect();
  }, [pdf.numPages]);

  // The page shown stays in view in the strip.
  useEffect(() => {
    strip.current?.querySelector(`[data-page="${current}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (!matchesShortcut('thumbnails-move', event)) return;
    event.preventDefault();
    const last = pdf.numPages;
    const to = event.key === 'Home' ? 1 : event.key === 'End' ? last : Math.min(last, Math.max(1, focusPage + (event.key === 'ArrowDown' ? 1 : -1)));
    setFocusPage(to);
    strip.current?.querySelector<HTMLElement>(`[data-page="${to}"] button`)?.focus();
  };

  const height = Math.round(THUMB_WIDTH * ratio);
  return (
    <nav ref={strip} className={styles.strip} aria-label="Page thumbnails" data-testid="pdf-thumbnails" onKeyDown={onKeyDown}>
      <ol className={styles.list}>
        {Array.from({ length: pdf.numPages }, (_, i) => i + 1).map((n) => {
          const hits = hitCounts.get(n) ?? 0;
          return (
            <li key={n} data-page={n}>
              <button
                type="button"
                className={mergeClasses(styles.button, n === current && styles.current)}
                aria-current={n === current ? 'page' : undefined}
                tabIndex={n === focusPage ? 0 : -1}
                onClick={() => onGo(n)}
                onFocus={() => setFocusPage(n)}
                data-testid="pdf-thumbnail"
                data-hits={hits || undefined}
              >
                <span className={mergeClasses(styles.picture, hits > 0 && styles.hitPicture)} style={{ width: `${THUMB_WIDTH}px`, height: `${height}px` }} aria-hidden>
                  {visible.has(n) && <Thumbnail pdf={pdf} page={n} className={styles.canvas} />}
                </span>
                {/* The words are the button's name too: "Page 4 1 hit". */}
                <span className={styles.caption}>
                  <span>Page {n}</span>
                  {hits > 0 && <span>{plural(hits, 'hit')}</span>}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** One page drawn small; its canvas is emptied when it goes (out of view), freeing its pixels at once. */
const Thumbnail = memo(function Thumbnail({ pdf, page, className }: { pdf: PDFDocumentProxy; page: number; className: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    let cancel: (() => void) | null = null;
    let live = true;
    pdf.getPage(page).then((p) => {
      if (!live) return;
      const ratio = window.devicePixelRatio || 1;
      const natural = p.getViewport({ scale: 1 });
      const viewport = p.getViewport({ scale: (THUMB_WIDTH * ratio) / natural.width });
      element.width = Math.floor(viewport.width);
      element.height = Math.floor(viewport.height);
      const task = p.render({ canvas: element, viewport });
      cancel = () => task.cancel();
      task.promise.catch(() => {});
    }, () => {});
    return () => {
      live = false;
      cancel?.();
      element.width = 0;
      element.height = 0;
    };
  }, [pdf, page]);
  return <canvas ref={canvas} className={className} aria-hidden data-testid="pdf-thumbnail-canvas" />;
});

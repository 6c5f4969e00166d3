import { MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { Segments } from '../search/Segments.tsx';
import { plural } from '../shared/format.ts';
import { useElementWidth } from '../shared/useElementWidth.ts';
import { EvidencePanel } from '../evidence/EvidencePanel.tsx';
import { EvidenceToggle, useEvidencePanelOpen } from '../evidence/EvidenceToggle.tsx';
import { DocumentHeader } from './DocumentHeader.tsx';
import { LinkToRequest } from '../requests/LinkToRequest.tsx';
import { PageNav } from './PageNav.tsx';
import { PdfPage } from './PdfPage.tsx';
import { hitsOfSegments } from './text-layer-hits.ts';
import { useDocumentDetail, usePageText, usePdf } from './useDocument.ts';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0, backgroundColor: tokens.colorNeutralBackground1 },
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
  body: { flex: 1, overflow: 'auto', minHeight: 0, backgroundColor: tokens.colorNeutralBackground3 },
  // The page beside the evidence panel.
  content: { flex: 1, minHeight: 0, display: 'flex' },
  evidence: { width: '340px', flexShrink: 0, minHeight: 0, borderLeft: `1px solid ${tokens.colorNeutralStroke2}` },
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
  const [evidenceOpen, setEvidenceOpen] = useEvidencePanelOpen();

  // The hits the app found on this page (a phrase only where its words stand together), for the PDF's text layer.
  const hits = useMemo(() => hitsOfSegments(pageText.status === 'ready' ? pageText.value.segments : []), [pageText]);

  const act = useCallback(
    (method: 'documents.open' | 'documents.reveal') => {
      setActionError(null);
      api.call(method, { documentId }).catch((error) => setActionError(errorMessage(error)));
    },
    [api, documentId],
  );

  if (detail.status === 'loading') return <Spinner className={styles.center} label="Opening…" />;
  if (detail.status === 'error') {
    return (
      <MessageBar intent="error" className={styles.bar}>
        <MessageBarBody>{detail.message}</MessageBarBody>
      </MessageBar>
    );
  }
  const doc = detail.value;
  const pageCount = Math.max(doc.pageCount, pdf?.status === 'ready' ? pdf.value.numPages : 0, 1);
  const current = Math.min(Math.max(1, page), pageCount);
  const label = doc.pages.find((p) => p.number === current)?.label ?? null;
  const hitCount = pageText.status === 'ready' ? pageText.value.hitCount : null;
  // Draw with pdf.js when we can; fall back to the extracted text if the file cannot be drawn.
  const drawPdf = isPdf && pdf?.status !== 'error' && !pdfError;

  return (
    <article className={styles.view} aria-label={`Document: ${doc.title}`} data-testid="document-view">
      <DocumentHeader detail={doc} onOpen={() => act('documents.open')} onReveal={() => act('documents.reveal')} onClose={onClose} />
      {actionError && (
        <MessageBar intent="error" className={styles.bar}>
          <MessageBarBody>{actionError}</MessageBarBody>
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
        <LinkToRequest link={{ kind: 'document', documentId, page: current }} />
        <EvidenceToggle open={evidenceOpen} onChange={setEvidenceOpen} />
      </div>
      <div className={styles.content}>
      <div className={styles.body} ref={bodyRef}>
        {isPdf && (pdf?.status === 'error' || pdfError) && (
          <MessageBar intent="warning" className={styles.bar}>
            <MessageBarBody>
              The PDF could not be drawn ({pdf?.status === 'error' ? pdf.message : pdfError}). Showing its text instead.
            </MessageBarBody>
          </MessageBar>
        )}
        {drawPdf ? (
          pdf?.status === 'ready' ? (
            <PdfPage pdf={pdf.value} pageNumber={current} hits={hits} width={width} onError={setPdfError} />
          ) : (
            <Spinner className={styles.center} label="Loading the PDF…" />
          )
        ) : (
          <PageTextView state={pageText} className={styles.text} />
        )}
      </div>
      {evidenceOpen && (
        <div className={styles.evidence} id="evidence-panel">
          <EvidencePanel documentId={documentId} documentTitle={doc.title} />
        </div>
      )}
      </div>
    </article>
  );
}

function PageTextView({ state, className }: { state: ReturnType<typeof usePageText>; className: string }) {
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
    <div className={className} data-testid="doc-page-text">
      <Segments segments={state.value.segments} />
    </div>
  );
}

import { useEffect, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { DocumentDetail, DocumentHits, PageText } from '../../../shared/contract.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { openPdf } from './pdf.ts';

type Loaded<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

/** The document's details (title, locations, pages). */
export function useDocumentDetail(documentId: number): Loaded<DocumentDetail> {
  const api = useApi();
  const [state, setState] = useState<Loaded<DocumentDetail>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    api.call('documents.get', { documentId }).then(
      (value) => live && setState({ status: 'ready', value }),
      (error) => live && setState({ status: 'error', message: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [api, documentId]);
  return state;
}

/** One page's extracted text, with the query's words marked and counted by the app. */
export function usePageText(documentId: number, page: number, query: string, enabled: boolean): Loaded<PageText> {
  const api = useApi();
  const [state, setState] = useState<Loaded<PageText>>({ status: 'loading' });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setState({ status: 'loading' });
    api.call('documents.page', { documentId, page, query: query.trim() || undefined }).then(
      (value) => live && setState({ status: 'ready', value }),
      (error) => live && setState({ status: 'error', message: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [api, documentId, page, query, enabled]);
  return state;
}

/** Where the search's words are in the whole document (pages and counts); null with no search. */
export function useDocumentHits(documentId: number, query: string, enabled: boolean): DocumentHits | null {
  const api = useApi();
  const [hits, setHits] = useState<DocumentHits | null>(null);
  useEffect(() => {
    setHits(null);
    if (!enabled || !query.trim()) return;
    let live = true;
    // Without them the page's own hits are still marked: stepping across pages is what is lost.
    api.call('documents.hits', { documentId, query: query.trim() }).then(
      (value) => live && setHits(value),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [api, documentId, query, enabled]);
  return hits;
}

/** The PDF itself, fetched once per document and parsed by pdf.js. */
export function usePdf(documentId: number, enabled: boolean): Loaded<PDFDocumentProxy> | null {
  const api = useApi();
  const [state, setState] = useState<Loaded<PDFDocumentProxy> | null>(null);
  useEffect(() => {
    if (!enabled) {
      setState(null);
      return;
    }
    let live = true;
    let pdf: PDFDocumentProxy | null = null;
    setState({ status: 'loading' });
    api
      .call('documents.file', { documentId })
      .then(openPdf)
      .then(
        (value) => {
          pdf = value;
          if (live) setState({ status: 'ready', value });
          else void value.loadingTask.destroy();
        },
        (error) => live && setState({ status: 'error', message: errorMessage(error) }),
      );
    return () => {
      live = false;
      void pdf?.loadingTask.destroy();
    };
  }, [api, documentId, enabled]);
  return state;
}

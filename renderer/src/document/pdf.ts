/**
 * pdf.js, loaded on first use so the search screen does not pay for it. Configured for the
 * app's strict Content Security Policy: the worker is a file we serve, and character maps
 * and standard fonts come from our own folder rather than a CDN.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type * as PdfJsModule from 'pdfjs-dist';

type PdfJs = typeof PdfJsModule;

let pdfjs: Promise<PdfJs> | null = null;

export function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(([lib, worker]) => {
    lib.GlobalWorkerOptions.workerSrc = worker.default;
    return lib;
  });
  return pdfjs;
}

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const lib = await loadPdfJs();
  return lib.getDocument({
    data: bytes,
    // No `isEvalSupported: false`: pdf.js 6 removed the option along with its last use of eval.
    // Absolute: the worker fetches these, and would resolve a relative URL against its own script.
    cMapUrl: new URL('./cmaps/', document.baseURI).href,
    cMapPacked: true,
    standardFontDataUrl: new URL('./standard_fonts/', document.baseURI).href,
  }).promise;
}

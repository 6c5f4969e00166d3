import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfExtractor } from '../../../core/extract/pdf.ts';
import { PdfiumStopped, withPdfium } from '../../../core/extract/pdfium.ts';
import { ExtractionPool } from '../../../core/extract/pool.ts';
import type { Pdfium } from '../../../core/extract/pdfium.ts';
import { DEFAULT_LIMITS } from '../../../core/extract/types.ts';
import { buildPdf } from '../../fixtures/extract/build-pdf.ts';
import { assemblePdf, HELVETICA, page, stream, textContent } from '../../fixtures/pdf/raw-pdf.ts';

const MB = 1024 * 1024;

/** Where a fresh block of `bytes` would go: it moves up when the heap below it is kept in use. */
const probeTop = (bytes: number) =>
  withPdfium((pdfium) => {
    const pointer = pdfium.allocate(bytes);
    pdfium.free(pointer);
    return pointer;
  });

describe('withPdfium', () => {
  it('makes PDFium once and hands the same instance to every document after', async () => {
    const first = await withPdfium((pdfium) => pdfium);
    await pdfExtractor.extract(buildPdf({ pages: ['x'] }), DEFAULT_LIMITS);
    expect(await withPdfium((pdfium) => pdfium)).toBe(first);
  });

  it('reports a crash inside PDFium and gives the next document a fresh instance', async () => {
    let crashed: Pdfium | null = null;
    const err = await withPdfium((pdfium) => {
      crashed = pdfium;
      // A page handle far outside PDFium's memory: the call traps.
      pdfium.FPDF_ClosePage(0x7ffffff0);
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PdfiumStopped);
    expect((err as PdfiumStopped).outOfMemory).toBe(false);
    const next = await withPdfium((pdfium) => pdfium);
    expect(next).not.toBe(crashed);
    expect((await pdfExtractor.extract(buildPdf({ pages: ['After the crash'] }), DEFAULT_LIMITS)).pages[0].text).toBe('After the crash');
  });

  it('refuses to let PDFium’s memory grow past its cap and says it ran out of memory', async () => {
    const err = await withPdfium((pdfium) => pdfium.allocate(1536 * MB)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PdfiumStopped);
    expect((err as PdfiumStopped).outOfMemory).toBe(true);
  });

  it('holds PDFium to the worker’s memory limit: a PDF that needs more is reported too large', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdfium-cap-'));
    const pool = new ExtractionPool({ size: 1, memoryMb: 48 });
    try {
      // 56 MB of stream data that no page uses: PDFium needs the whole file in its memory to open it.
      const file = join(dir, 'big.pdf');
      writeFileSync(file, assemblePdf([
        '<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        page(2, 4, 5), textContent('Big'), HELVETICA, stream('x'.repeat(56 * MB)),
      ]));
      const { outcome } = await pool.extract(file);
      expect(outcome).toMatchObject({ status: 'failed', reason: 'too-large' });
      expect(outcome.status === 'failed' && outcome.detail).toMatch(/needs more memory than the reader is allowed/);
    } finally {
      await pool.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives back the memory a large document needed by starting the next one afresh', async () => {
    const big = await withPdfium((pdfium) => {
      pdfium.free(pdfium.allocate(300 * MB));
      return pdfium;
    });
    expect(await withPdfium((pdfium) => pdfium)).not.toBe(big);
  });

  it('frees everything an extraction allocates, so hundreds of documents do not grow the heap', async () => {
    const pdf = buildPdf({ pages: Array.from({ length: 20 }, (_, i) => `Page ${i + 1}`), info: { title: 'Leak check' } });
    const run = async (times: number) => {
      for (let i = 0; i < times; i++) await pdfExtractor.extract(pdf, DEFAULT_LIMITS);
    };
    await run(5); // PDFium's own caches (fonts, maps) fill on the first documents and then stay.
    const before = await probeTop(8 * MB);
    await run(300);
    expect(await probeTop(8 * MB)).toBe(before);
  });
});

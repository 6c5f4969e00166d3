import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfExtractor } from '../../../core/extract/pdf.ts';
import { DEFAULT_LIMITS } from '../../../core/extract/types.ts';
import { buildPdf } from '../../fixtures/extract/build-pdf.ts';
import { assemblePdf, HELVETICA, page, stream, textContent } from '../../fixtures/pdf/raw-pdf.ts';
import { extractFailure } from '../../helpers/extract-failure.ts';

const extract = (bytes: Uint8Array, limits = DEFAULT_LIMITS) => pdfExtractor.extract(bytes, limits);

const failure = (bytes: Uint8Array) => extractFailure(extract(bytes));

const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../../fixtures/pdf', name)));

const CATALOG = '<< /Type /Catalog /Pages 2 0 R >>';

/** A one-page PDF whose text is shown in `font` (object 5), with `extra` objects from 6 on. */
function onePage(content: string, font: string, ...extra: string[]): Uint8Array {
  return assemblePdf([CATALOG, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', page(2, 4, 5), content, font, ...extra]);
}

/** A ToUnicode CMap: printable ASCII maps to itself, except the codes given. */
function toUnicode(overrides: Record<number, string>): string {
  const chars = Object.entries(overrides).map(([code, hex]) => `<${Number(code).toString(16).padStart(2, '0')}> <${hex}>`);
  return stream(
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Test def ' +
      '1 begincodespacerange <00> <FF> endcodespacerange ' +
      `${chars.length} beginbfchar ${chars.join(' ')} endbfchar ` +
      '1 beginbfrange <21> <7E> <0021> endbfrange endcmap CMapName currentdict /CMap defineresource pop end end',
  );
}

const FONT_WITH_CMAP = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>';

describe('pdfExtractor', () => {
  describe('text', () => {
    it('returns one page per PDF page with its text', async () => {
      const extracted = await extract(buildPdf({ pages: ['Looked after children', 'Second page\nwith two lines'] }));
      expect(extracted.format).toBe('pdf');
      expect(extracted.pages).toEqual([
        { number: 1, text: 'Looked after children' },
        { number: 2, text: 'Second page\nwith two lines' },
      ]);
    });

    it('decodes WinAnsi characters such as the pound sign', async () => {
      expect((await extract(buildPdf({ pages: ['Budget £2m (final)'] }))).pages[0].text).toBe('Budget £2m (final)');
    });

    it('keeps words apart when a font maps its space to a control code', async () => {
      const bytes = onePage(textContent('Looked after children'), FONT_WITH_CMAP, toUnicode({ 0x20: '0003' }));
      expect((await extract(bytes)).pages[0].text).toBe('Looked after children');
    });

    it('turns a ligature into the letters it stands for', async () => {
      const bytes = onePage(textContent('\\200nd the plan'), FONT_WITH_CMAP, toUnicode({ 0x80: 'FB01', 0x20: '0020' }));
      expect((await extract(bytes)).pages[0].text).toBe('find the plan');
    });

    it('keeps the hyphen of a word broken across two lines', async () => {
      const content = stream('BT /F1 12 Tf 72 720 Td (a work-) Tj 0 -16 Td (related task) Tj ET');
      expect((await extract(onePage(content, HELVETICA))).pages[0].text).toBe('a work-related task');
    });

    it('stops reading text past the text cap but keeps every page, empty, so page numbers stay true', async () => {
      const limits = { ...DEFAULT_LIMITS, maxTextChars: 10 };
      const extracted = await extract(buildPdf({ pages: ['First page text', 'Second', 'Third'] }), limits);
      expect(extracted.pages).toEqual([
        { number: 1, text: 'First page text' },
        { number: 2, text: '' },
        { number: 3, text: '' },
      ]);
    });

    it('does not alter the caller’s bytes', async () => {
      const bytes = buildPdf({ pages: ['x'] });
      const copy = bytes.slice();
      await extract(bytes);
      expect(bytes).toEqual(copy);
    });
  });

  describe('document information', () => {
    it('reads title, author and dates from the Info dictionary as ISO dates', async () => {
      const extracted = await extract(
        buildPdf({
          pages: ['x'],
          info: { title: 'Annual report', author: 'A. Officer', creationDate: "D:20240102030405+01'00'", modDate: 'D:20240305Z' },
        }),
      );
      expect(extracted).toMatchObject({
        title: 'Annual report',
        author: 'A. Officer',
        created: '2024-01-02T02:04:05.000Z',
        modified: '2024-03-05T00:00:00.000Z',
      });
    });

    it('reads a title written in UTF-16, and a date written without the D: prefix', async () => {
      const utf16 = (text: string) => `<feff${Buffer.from(text, 'utf16le').swap16().toString('hex')}>`;
      const info = `<< /Title ${utf16('Ofsted – ILACS “2026” 日本')} /CreationDate (20231130-05'30') >>`;
      const bytes = assemblePdf([CATALOG, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', page(2, 4, 5), textContent('x'), HELVETICA, info], '/Info 6 0 R');
      expect(await extract(bytes)).toMatchObject({ title: 'Ofsted – ILACS “2026” 日本', created: '2023-11-30T05:30:00.000Z' });
    });

    it('leaves out what is blank or not a date', async () => {
      const extracted = await extract(buildPdf({ pages: ['x'], info: { title: '   ', author: '', creationDate: 'last Tuesday' } }));
      expect(extracted).toEqual({ format: 'pdf', pages: [{ number: 1, text: 'x' }] });
    });
  });

  describe('encryption', () => {
    it('reports a PDF that needs a password as encrypted, not corrupt', async () => {
      const err = await failure(buildPdf({ pages: ['Secret'], encrypt: { userPassword: 'user', ownerPassword: 'owner' } }));
      expect(err.reason).toBe('encrypted');
      expect(err.message).toBe('PDF is password protected');
    });

    it('reports an AES-256 PDF with a user password as encrypted', async () => {
      expect((await failure(fixture('aes256-user-password-abc.pdf'))).reason).toBe('encrypted');
    });

    it('reads a PDF protected only by an owner password', async () => {
      const extracted = await extract(
        buildPdf({ pages: ['Owner only text'], info: { title: 'Locked down' }, encrypt: { userPassword: '', ownerPassword: 'owner' } }),
      );
      expect(extracted.pages[0].text).toBe('Owner only text');
      expect(extracted.title).toBe('Locked down');
    });

    it('reads an owner-password PDF even when its permissions forbid copying text', async () => {
      expect((await extract(fixture('owner-password-no-copying.pdf'))).pages[0].text).toContain('Hello World');
    });
  });

  describe('scans and empty documents', () => {
    it('returns empty pages, not an error, for a scanned PDF', async () => {
      expect((await extract(fixture('scanned-happy-new-year.pdf'))).pages).toEqual([{ number: 1, text: '' }]);
    });

    it('returns an empty page for a page drawn without any text', async () => {
      expect((await extract(onePage(stream('0.5 g 72 72 468 648 re f'), HELVETICA))).pages).toEqual([{ number: 1, text: '' }]);
    });

    it('returns no pages, not an error, for a PDF whose page tree is empty', async () => {
      const extracted = await extract(assemblePdf([CATALOG, '<< /Type /Pages /Kids [] /Count 0 >>']));
      expect(extracted.pages).toEqual([]);
    });
  });

  describe('damage', () => {
    it('reports garbage after a PDF header as corrupt, saying so plainly', async () => {
      const err = await failure(new TextEncoder().encode('%PDF-1.4\nthis is not really a pdf\n'));
      expect(err.reason).toBe('corrupt');
      expect(err.message).toBe('not a readable PDF: the file is damaged or incomplete and could not be repaired');
    });

    it('reports a truncated PDF as corrupt', async () => {
      const whole = buildPdf({ pages: ['Truncated'] });
      expect((await failure(whole.subarray(0, 40))).reason).toBe('corrupt');
    });

    it('reads a PDF whose cross-reference offset is wrong by repairing it', async () => {
      const text = Buffer.from(buildPdf({ pages: ['Repaired text'] })).toString('latin1');
      const broken = text.replace(/startxref\n\d+/, 'startxref\n12');
      expect((await extract(new Uint8Array(Buffer.from(broken, 'latin1')))).pages[0].text).toBe('Repaired text');
    });

    it('loses only the text of a page that cannot be read', async () => {
      // The second kid points at an object that does not exist.
      const bytes = assemblePdf([
        CATALOG, '<< /Type /Pages /Kids [3 0 R 9 0 R 5 0 R] /Count 3 >>',
        page(2, 4, 7), textContent('First'), page(2, 6, 7), textContent('Third'), HELVETICA,
      ]);
      expect((await extract(bytes)).pages).toEqual([
        { number: 1, text: 'First' },
        { number: 2, text: '' },
        { number: 3, text: 'Third' },
      ]);
    });

    it('reports a PDF none of whose pages can be read as corrupt', async () => {
      const err = await failure(assemblePdf([CATALOG, '<< /Type /Pages /Kids [8 0 R 9 0 R] /Count 2 >>']));
      expect(err.reason).toBe('corrupt');
      expect(err.message).toMatch(/none of its pages could be read/);
    });

    it('stops asking for pages that a fuzzed page tree only claims to have', async () => {
      const bytes = assemblePdf([CATALOG, '<< /Type /Pages /Kids [3 0 R] /Count 1000000 >>', page(2, 4, 5), textContent('Only page'), HELVETICA]);
      expect((await extract(bytes)).pages).toEqual([{ number: 1, text: 'Only page' }]);
    });
  });
});

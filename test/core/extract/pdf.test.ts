import { describe, expect, it } from 'vitest';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { joinTextItems, pdfExtractor } from '../../../core/extract/pdf.ts';
import { DEFAULT_LIMITS } from '../../../core/extract/types.ts';
import { buildPdf } from '../../fixtures/extract/build-pdf.ts';
import { extractFailure } from '../../helpers/extract-failure.ts';

const extract = (bytes: Uint8Array) => pdfExtractor.extract(bytes, DEFAULT_LIMITS);

const failure = (bytes: Uint8Array) => extractFailure(extract(bytes));

function item(str: string, x: number, y: number, width: number, hasEOL = false): TextItem {
  return { str, dir: 'ltr', transform: [12, 0, 0, 12, x, y], width, height: 12, fontName: 'F1', hasEOL };
}

describe('pdfExtractor', () => {
  it('returns one page per PDF page with its text', async () => {
    const extracted = await extract(buildPdf({ pages: ['Looked after children', 'Second page\nwith two lines'] }));
    expect(extracted.format).toBe('pdf');
    expect(extracted.pages).toEqual([
      { number: 1, text: 'Looked after children' },
      { number: 2, text: 'Second page\nwith two lines' },
    ]);
  });

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

  it('decodes WinAnsi characters such as the pound sign', async () => {
    expect((await extract(buildPdf({ pages: ['Budget £2m (final)'] }))).pages[0].text).toBe('Budget £2m (final)');
  });

  it('reports an encrypted PDF as encrypted, not corrupt', async () => {
    const err = await failure(buildPdf({ pages: ['Secret'], encrypt: { userPassword: 'user', ownerPassword: 'owner' } }));
    expect(err.reason).toBe('encrypted');
  });

  it('reads a PDF protected only by an owner password', async () => {
    const extracted = await extract(buildPdf({ pages: ['Owner only text'], info: { title: 'Locked down' }, encrypt: { userPassword: '', ownerPassword: 'owner' } }));
    expect(extracted.pages[0].text).toBe('Owner only text');
    expect(extracted.title).toBe('Locked down');
  });

  it('returns empty pages, not an error, for a PDF with no text layer', async () => {
    const extracted = await extract(buildPdf({ pages: ['', ''] }));
    expect(extracted.pages).toEqual([
      { number: 1, text: '' },
      { number: 2, text: '' },
    ]);
  });

  it('reports garbage after a PDF header as corrupt with the pdf.js message', async () => {
    const err = await failure(new TextEncoder().encode('%PDF-1.4\nthis is not really a pdf\n'));
    expect(err.reason).toBe('corrupt');
    expect(err.message).toMatch(/not a readable PDF: .+/);
  });

  it('reports a truncated PDF as corrupt', async () => {
    const whole = buildPdf({ pages: ['Truncated'] });
    const err = await failure(whole.subarray(0, 40));
    expect(err.reason).toBe('corrupt');
  });

  it('does not detach or alter the caller’s bytes', async () => {
    const bytes = buildPdf({ pages: ['x'] });
    const copy = bytes.slice();
    await extract(bytes);
    expect(bytes).toEqual(copy);
  });
});

describe('joinTextItems', () => {
  it('keeps pieces of one word together and spaces separate words', () => {
    const items = [item('Bud', 72, 700, 20), item('get', 92, 700, 18), item('report', 120, 700, 36, true), item('Next line', 72, 684, 50)];
    expect(joinTextItems(items)).toBe('Budget report\nNext line');
  });

  it('starts a new line when the baseline moves without an end-of-line flag', () => {
    expect(joinTextItems([item('Top', 72, 700, 20), item('Bottom', 72, 600, 40)])).toBe('Top\nBottom');
  });
});

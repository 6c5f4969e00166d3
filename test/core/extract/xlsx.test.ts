import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../../core/extract/index.ts';
import { DEFAULT_LIMITS } from '../../../core/extract/types.ts';
import type { ExtractLimits } from '../../../core/extract/types.ts';
import { headerFooterText, xlsxExtractor } from '../../../core/extract/xlsx.ts';
import { buildXlsx, c, row, SML_NS } from '../../fixtures/extract/build-ooxml.ts';
import { extractFailure } from '../../helpers/extract-failure.ts';

const extract = (bytes: Uint8Array, limits: ExtractLimits = DEFAULT_LIMITS) => xlsxExtractor.extract(bytes, limits);

const failure = (bytes: Uint8Array, limits: ExtractLimits = DEFAULT_LIMITS) => extractFailure(extract(bytes, limits));

describe('xlsxExtractor', () => {
  it('gives one page per sheet, in tab order, one row per line with cells tab-separated', async () => {
    const bytes = buildXlsx({
      sheets: [
        { name: 'Q1', data: row(1, c('A1', 'Name'), c('B1', 'Cases')) + row(2, c('A2', 'North'), c('B2', 12)) },
        { name: 'Q2', data: row(1, c('A1', 'South')) },
      ],
      // Stored the other way round: the workbook's <sheets> order is the tab order.
      sheetFiles: ['sheet2.xml', 'sheet1.xml'],
    });
    expect((await extract(bytes)).pages).toEqual([
      { number: 1, label: 'Sheet: Q1', text: 'Name\tCases\nNorth\t12' },
      { number: 2, label: 'Sheet: Q2', text: 'South' },
    ]);
  });

  it('resolves shared strings, skipping phonetic guides, and shows booleans and errors', async () => {
    const sst =
      `<sst xmlns="${SML_NS}"><si><t>Plain</t></si><si><r><t>Rich </t></r><r><t>text</t></r></si>` +
      '<si><t>製品戦略</t><rPh sb="0" eb="2"><t>セイヒン</t></rPh></si></sst>';
    const data = row(1, c('A1', 0, { t: 's' }), c('B1', 1, { t: 's' }), c('C1', 2, { t: 's' }), c('D1', 1, { t: 'b' }), c('E1', '#N/A', { t: 'e' }));
    const { pages } = await extract(buildXlsx({ sheets: [{ name: 'S', data }], sharedStringsXml: sst }));
    expect(pages[0].text).toBe('Plain\tRich text\t製品戦略\tTRUE\t#N/A');
  });

  it('shows dates as dd/mm/yyyy for built-in and custom date formats and keeps other numbers as stored', async () => {
    const data = row(
      1,
      c('A1', 45292, { s: 1 }), // built-in 14 (d/m/yyyy)
      c('B1', 45292.5, { s: 2 }), // custom yyyy-mm-dd hh:mm
      c('C1', 0.75, { s: 3 }), // built-in 20 (h:mm)
      c('D1', 1234.5678, { s: 4 }), // custom #,##0.00: not a date
      c('E1', 0.1, { s: 0 }),
    );
    const bytes = buildXlsx({ sheets: [{ name: 'S', data }], numFmts: { 164: 'yyyy-mm-dd hh:mm', 165: '#,##0.00' }, cellXfs: [0, 14, 164, 20, 165] });
    expect((await extract(bytes)).pages[0].text).toBe('01/01/2024\t01/01/2024 12:00\t18:00\t1234.5678\t0.1');
  });

  it('counts dates from 1904 when the workbook says so', async () => {
    const bytes = buildXlsx({ sheets: [{ name: 'S', data: row(1, c('A1', 0, { s: 1 })) }], cellXfs: [0, 14], date1904: true });
    expect((await extract(bytes)).pages[0].text).toBe('01/01/1904');
  });

  it('appends header and footer text, without formatting codes, and cell comments to the sheet', async () => {
    const after = '<headerFooter><oddHeader>&amp;L&amp;"Arial,Bold"&amp;12Corporate HQ&amp;RPage &amp;P of &amp;N</oddHeader><oddFooter>&amp;CConfidential</oddFooter></headerFooter>';
    const bytes = buildXlsx({ sheets: [{ name: 'S', data: row(1, c('A1', 'Cell')), after, comments: ['Checked by the team manager'] }] });
    expect((await extract(bytes)).pages[0].text).toBe('Cell\n\nCorporate HQ\nPage  of\n\nConfidential\n\nChecked by the team manager');
  });

  it('strips header/footer codes and keeps a literal ampersand', () => {
    expect(headerFooterText('&L&"Calibri,Regular"&K000000Smith && Jones&C&D&R&14Draft')).toBe('Smith & Jones\nDraft');
  });

  it('reads title and author from docProps/core.xml', async () => {
    const bytes = buildXlsx({ sheets: [{ name: 'S', data: '' }], core: { title: 'Caseload', creator: 'Jo Bloggs' } });
    expect(await extract(bytes)).toMatchObject({ format: 'xlsx', title: 'Caseload', author: 'Jo Bloggs' });
  });

  it('stops at maxTextChars when one huge shared string is referenced by every cell', async () => {
    const cells = Array.from({ length: 2000 }, (_, i) => row(i + 1, c(`A${i + 1}`, 0, { t: 's' }))).join('');
    const bytes = buildXlsx({ sheets: [{ name: 'S', data: cells }], sharedStrings: ['x'.repeat(100_000)] });
    expect(bytes.length).toBeLessThan(100_000);
    const { pages } = await extract(bytes, { ...DEFAULT_LIMITS, maxTextChars: 1_000_000 });
    expect(pages[0].text.length).toBeLessThanOrEqual(1_000_000);
    expect(pages[0].text.length).toBeGreaterThan(900_000);
  });

  it('refuses billion-laughs entities in the shared strings as corrupt', async () => {
    const lol =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>' +
      `<sst xmlns="${SML_NS}"><si><t>&lol1;</t></si></sst>`;
    const err = await failure(buildXlsx({ sheets: [{ name: 'S', data: row(1, c('A1', 0, { t: 's' })) }], sharedStringsXml: lol }));
    expect(err.reason).toBe('corrupt');
    expect(err.message).toMatch(/sharedStrings\.xml.*undefined entity/i);
  });

  it('refuses a worksheet that inflates far beyond its compressed size as a zip bomb', async () => {
    const bytes = buildXlsx({ sheets: [{ name: 'S', data: row(1, c('A1', 'z'.repeat(8 * 1024 * 1024))) }] });
    expect((await failure(bytes)).reason).toBe('too-large');
  });

  it('reports a truncated workbook as corrupt', async () => {
    const whole = buildXlsx({ sheets: [{ name: 'S', data: row(1, c('A1', 'x')) }] });
    expect((await failure(whole.subarray(0, Math.floor(whole.length * 0.6)))).reason).toBe('corrupt');
  });

  it('reports a zip without a workbook as corrupt', async () => {
    const err = await failure(zipSync({ 'xl/styles.xml': strToU8('<styleSheet/>') }));
    expect(err).toMatchObject({ reason: 'corrupt', message: expect.stringMatching(/xl\/workbook\.xml is missing/) });
  });

  it('gives an empty workbook one empty page', async () => {
    expect((await extract(buildXlsx({ sheets: [] }))).pages).toEqual([{ number: 1, text: '' }]);
  });

  it('is reached through extractFile by content, even when named .csv', async () => {
    const bytes = buildXlsx({ sheets: [{ name: 'Data', data: row(1, c('A1', 'Description of the Row')) }] });
    expect(await extractFile(bytes, 'actually_xlsx.csv')).toMatchObject({
      status: 'indexed',
      format: 'xlsx',
      extracted: { pages: [{ label: 'Sheet: Data', text: 'Description of the Row' }] },
    });
  });
});

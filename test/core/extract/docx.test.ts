import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docxExtractor, NOTES_PAGE_LABEL } from '../../../core/extract/docx.ts';
import { DEFAULT_LIMITS } from '../../../core/extract/types.ts';
import type { ExtractLimits } from '../../../core/extract/types.ts';
import { buildDocx, p, W_NS } from '../../fixtures/extract/build-docx.ts';
import { extractFailure } from '../../helpers/extract-failure.ts';

const extract = (bytes: Uint8Array, limits: ExtractLimits = DEFAULT_LIMITS) => docxExtractor.extract(bytes, limits);

const failure = (bytes: Uint8Array, limits: ExtractLimits = DEFAULT_LIMITS) => extractFailure(extract(bytes, limits));

describe('docxExtractor', () => {
  it('extracts paragraphs, tabs and line breaks from the body', async () => {
    const body = p('Sample Word Document') + '<w:p><w:r><w:t>Name</w:t><w:tab/><w:t>Age</w:t><w:br/><w:t>Next</w:t></w:r></w:p>';
    const extracted = await extract(buildDocx({ body }));
    expect(extracted).toEqual({ format: 'docx', pages: [{ number: 1, text: 'Sample Word Document\nName\tAge\nNext' }] });
  });

  it('ignores tab-stop definitions in paragraph properties', async () => {
    const body = '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>Plain</w:t></w:r></w:p>';
    expect((await extract(buildDocx({ body }))).pages[0].text).toBe('Plain');
  });

  it('splits pages on rendered and forced page breaks without making empty pages', async () => {
    const body =
      p('Page one') +
      '<w:p><w:r><w:br w:type="page"/></w:r></w:p>' +
      '<w:p><w:r><w:lastRenderedPageBreak/><w:t>Page two</w:t></w:r></w:p>' +
      '<w:p><w:r><w:lastRenderedPageBreak/><w:t>Page three</w:t></w:r></w:p>';
    const { pages } = await extract(buildDocx({ body }));
    expect(pages.map((pg) => [pg.number, pg.text])).toEqual([
      [1, 'Page one'],
      [2, 'Page two'],
      [3, 'Page three'],
    ]);
  });

  it('puts headers, footers, footnotes and comments on a trailing labelled page', async () => {
    const { pages } = await extract(
      buildDocx({
        body: p('Body text'),
        header: p('Header for section'),
        footer: p('Footer for section'),
        footnotes: '<w:footnote w:id="1">' + p('A footnote') + '</w:footnote>',
        comments: '<w:comment w:id="0">' + p('A tachyon walks into a bar.') + '</w:comment>',
      }),
    );
    expect(pages).toEqual([
      { number: 1, text: 'Body text' },
      { number: 2, label: NOTES_PAGE_LABEL, text: 'Header for section\n\nFooter for section\n\nA footnote\n\nA tachyon walks into a bar.' },
    ]);
  });

  it('reads text boxes once, skipping the VML fallback copy', async () => {
    const body =
      '<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">' +
      '<mc:Choice Requires="wps"><w:drawing><wps:txbx xmlns:wps="x"><w:txbxContent>' + p('Datum plane') + '</w:txbxContent></wps:txbx></w:drawing></mc:Choice>' +
      '<mc:Fallback><w:pict><v:textbox xmlns:v="v"><w:txbxContent>' + p('Datum plane') + '</w:txbxContent></v:textbox></w:pict></mc:Fallback>' +
      '</mc:AlternateContent></w:r></w:p>';
    expect((await extract(buildDocx({ body }))).pages[0].text).toBe('Datum plane');
  });

  it('reads title, author and dates from docProps/core.xml', async () => {
    const extracted = await extract(
      buildDocx({ body: p('x'), core: { title: 'Self-assessment', creator: 'Jo Bloggs', created: '2024-01-02T03:04:05Z', modified: '2024-02-03T04:05:06Z' } }),
    );
    expect(extracted).toMatchObject({ title: 'Self-assessment', author: 'Jo Bloggs', created: '2024-01-02T03:04:05.000Z', modified: '2024-02-03T04:05:06.000Z' });
  });

  it('reads Strict OOXML, where only the namespace URIs differ', async () => {
    const strict = `<?xml version="1.0"?><w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body>${p('Strict text')}</w:body></w:document>`;
    expect((await extract(buildDocx({ body: '', documentXml: strict }))).pages[0].text).toBe('Strict text');
  });

  it('reads XML parts that start with a byte order mark', async () => {
    const xml = `\ufeff<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W_NS}"><w:body>${p('byte order mark')}</w:body></w:document>`;
    expect((await extract(buildDocx({ body: '', documentXml: xml }))).pages[0].text).toBe('byte order mark');
  });

  it('returns an empty page for an empty document', async () => {
    expect((await extract(buildDocx({ body: '' }))).pages).toEqual([{ number: 1, text: '' }]);
  });

  it('refuses a zip bomb before inflating it', async () => {
    const huge = `<w:document xmlns:w="${W_NS}"><w:body><w:p><w:r><w:t>${'s'.repeat(8 * 1024 * 1024)}</w:t></w:r></w:p></w:body></w:document>`;
    const bomb = buildDocx({ body: '', documentXml: huge });
    expect(bomb.length).toBeLessThan(100_000);
    const err = await failure(bomb);
    expect(err.reason).toBe('too-large');
    expect(err.message).toMatch(/^zip bomb: word\/document\.xml claims/);
  });

  it('refuses a package whose parts add up to more than the unzipped limit', async () => {
    const err = await failure(buildDocx({ body: p('x'.repeat(5000)) }), { ...DEFAULT_LIMITS, maxUnzippedBytes: 2000 });
    expect(err.reason).toBe('too-large');
  });

  it('does not expand billion-laughs entities and reports the part as corrupt', async () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]>` +
      `<w:document xmlns:w="${W_NS}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`;
    const err = await failure(buildDocx({ body: '', documentXml: lol }));
    expect(err.reason).toBe('corrupt');
    expect(err.message).toMatch(/word\/document\.xml.*undefined entity/i);
  });

  it('does not resolve external entities (XXE)', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY testent SYSTEM "http://127.0.0.1:9/never">]>` +
      `<w:document xmlns:w="${W_NS}"><w:body><w:p><w:r><w:t>before &testent; after</w:t></w:r></w:p></w:body></w:document>`;
    const err = await failure(buildDocx({ body: '', documentXml: xxe }));
    expect(err.reason).toBe('corrupt');
  });

  it('reports a truncated package as corrupt', async () => {
    const whole = buildDocx({ body: p('Truncated') });
    expect((await failure(whole.subarray(0, Math.floor(whole.length * 0.6)))).reason).toBe('corrupt');
  });

  it('reports a zip without a Word document as corrupt', async () => {
    const notWord = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') });
    const err = await failure(notWord);
    expect(err.reason).toBe('corrupt');
    expect(err.message).toMatch(/word\/document\.xml is missing/);
  });
});

import { describe, expect, it } from 'vitest';
import { extractFile } from '../../../core/extract/index.ts';
import { odfExtractor } from '../../../core/extract/odf.ts';
import { NOTES_PAGE_LABEL } from '../../../core/extract/docx.ts';
import { DEFAULT_LIMITS } from '../../../core/extract/types.ts';
import { buildOdf, tp } from '../../fixtures/extract/build-odf.ts';

const extract = (bytes: Uint8Array) => odfExtractor.extract(bytes, DEFAULT_LIMITS);

describe('odfExtractor', () => {
  it('reads ODT headings, paragraphs, spans, spaces, tabs and line breaks', async () => {
    const body = '<text:h>Report</text:h><text:p>Hello<text:s/><text:span>world</text:span><text:tab/>x<text:line-break/>y</text:p>';
    expect((await extract(buildOdf({ kind: 'odt', body }))).pages).toEqual([{ number: 1, text: 'Report\nHello world\tx\ny' }]);
  });

  it('splits ODT pages where LibreOffice laid out a page break', async () => {
    const body = tp('Page one') + '<text:p><text:soft-page-break/>Page two</text:p>';
    expect((await extract(buildOdf({ kind: 'odt', body }))).pages.map((p) => p.text)).toEqual(['Page one', 'Page two']);
  });

  it('keeps footnotes out of the sentence that cites them, and drops deleted tracked changes', async () => {
    const body =
      '<text:tracked-changes><text:changed-region><text:deletion><text:p>Deleted words</text:p></text:deletion></text:changed-region></text:tracked-changes>' +
      '<text:p>A rather<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>The footnote</text:p></text:note-body></text:note> difficult test</text:p>';
    expect((await extract(buildOdf({ kind: 'odt', body }))).pages[0].text).toBe('A rather difficult test\n\nThe footnote');
  });

  it('reads tables and text frames in an ODT', async () => {
    const body =
      '<table:table><table:table-row><table:table-cell>' + tp('Ward') + '</table:table-cell><table:table-cell>' + tp('Visits') + '</table:table-cell></table:table-row></table:table>' +
      '<text:p><draw:frame><draw:text-box>' + tp('In a frame') + '</draw:text-box></draw:frame></text:p>';
    expect((await extract(buildOdf({ kind: 'odt', body }))).pages[0].text).toBe('Ward\tVisits\nIn a frame');
  });

  it('puts master-page headers and footers on a trailing page, without page-number fields', async () => {
    const masterPage = '<style:header>' + tp('Children’s Services') + '</style:header><style:footer><text:p>Here is footer text <text:page-number>1</text:page-number></text:p></style:footer>';
    const { pages } = await extract(buildOdf({ kind: 'odt', body: tp('Body'), masterPage }));
    expect(pages).toEqual([
      { number: 1, text: 'Body' },
      { number: 2, label: NOTES_PAGE_LABEL, text: 'Children’s Services\n\nHere is footer text' },
    ]);
  });

  it('gives an ODS page per sheet and does not multiply empty repeated rows and cells', async () => {
    const cell = (t: string, repeat = 1) => `<table:table-cell table:number-columns-repeated="${repeat}">${t ? tp(t) : ''}</table:table-cell>`;
    const body =
      '<table:table table:name="Budget"><table:table-row>' + cell('Item') + cell('', 1000) + cell('Cost') + '</table:table-row>' +
      '<table:table-row table:number-rows-repeated="1048000">' + cell('', 16384) + '</table:table-row>' +
      '<table:table-row table:number-rows-repeated="2">' + cell('Same', 2) + '</table:table-row></table:table>' +
      '<table:table table:name="Notes"><table:table-row>' + cell('Second sheet') + '</table:table-row></table:table>';
    const { pages, format } = await extract(buildOdf({ kind: 'ods', body }));
    expect(format).toBe('ods');
    expect(pages).toEqual([
      { number: 1, label: 'Sheet: Budget', text: 'Item\tCost\nSame\tSame\nSame\tSame' },
      { number: 2, label: 'Sheet: Notes', text: 'Second sheet' },
    ]);
  });

  it('gives an ODP page per slide with its speaker notes', async () => {
    const frame = (t: string) => `<draw:frame><draw:text-box>${tp(t)}</draw:text-box></draw:frame>`;
    const body =
      `<draw:page draw:name="page1">${frame('An example Impress file')}<presentation:notes><draw:page-thumbnail/>${frame('Speaker notes')}</presentation:notes></draw:page>` +
      `<draw:page draw:name="page2">${frame('Second slide')}</draw:page>`;
    const { pages, format } = await extract(buildOdf({ kind: 'odp', body }));
    expect(format).toBe('odp');
    expect(pages).toEqual([
      { number: 1, label: 'Slide 1', text: 'An example Impress file\n\nSpeaker notes' },
      { number: 2, label: 'Slide 2', text: 'Second slide' },
    ]);
  });

  it('reads title, first author and dates from meta.xml', async () => {
    const meta = { title: 'Audit', initialCreator: 'Ann Author', creator: 'Last Editor', created: '2022-08-24T16:24:00Z', modified: '2022-08-25T10:00:00Z' };
    expect(await extract(buildOdf({ kind: 'odt', body: tp('x'), meta }))).toMatchObject({
      title: 'Audit',
      author: 'Ann Author',
      created: '2022-08-24T16:24:00.000Z',
      modified: '2022-08-25T10:00:00.000Z',
    });
  });

  it('reports a password-protected package as encrypted, through extractFile', async () => {
    expect(await extractFile(buildOdf({ kind: 'odt', body: tp('secret'), encrypted: true }), 'locked.odt')).toMatchObject({
      status: 'failed',
      format: 'odt',
      reason: 'encrypted',
    });
  });

  it('detects the kind from the mimetype entry, whatever the name', async () => {
    const outcome = await extractFile(buildOdf({ kind: 'ods', body: '<table:table table:name="S"><table:table-row><table:table-cell>' + tp('v') + '</table:table-cell></table:table-row></table:table>' }), 'export.zip');
    expect(outcome).toMatchObject({ status: 'indexed', format: 'ods' });
  });
});

import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { pptxExtractor } from '../../../core/extract/pptx.ts';
import { DEFAULT_LIMITS, ExtractError } from '../../../core/extract/types.ts';
import { buildPptx, shape } from '../../fixtures/extract/build-ooxml.ts';

const extract = (bytes: Uint8Array) => pptxExtractor.extract(bytes, DEFAULT_LIMITS);

describe('pptxExtractor', () => {
  it('gives one page per slide in show order, not file-name order', async () => {
    const bytes = buildPptx({ slides: [{ shapes: shape('First shown') }, { shapes: shape('Second shown') }], fileNumbers: [7, 2] });
    expect((await extract(bytes)).pages).toEqual([
      { number: 1, label: 'Slide 1', text: 'First shown' },
      { number: 2, label: 'Slide 2', text: 'Second shown' },
    ]);
  });

  it('reads grouped shapes and tables, cells tab-separated and rows on lines', async () => {
    const group = `<p:grpSp>${shape('Grouped one')}${shape('Grouped two')}</p:grpSp>`;
    const cell = (t: string) => `<a:tc><a:txBody><a:p><a:r><a:t>${t}</a:t></a:r></a:p></a:txBody></a:tc>`;
    const table = `<p:graphicFrame><a:graphic><a:graphicData><a:tbl><a:tr>${cell('Ward')}${cell('Visits')}</a:tr><a:tr>${cell('North')}${cell('12')}</a:tr></a:tbl></a:graphicData></a:graphic></p:graphicFrame>`;
    const { pages } = await extract(buildPptx({ slides: [{ shapes: shape('Title', 'Line two') + group + table }] }));
    expect(pages[0].text).toBe('Title\nLine two\nGrouped one\nGrouped two\nWard\tVisits\nNorth\t12');
  });

  it('appends the speaker notes to the slide, without the slide image or number placeholders', async () => {
    const { pages } = await extract(buildPptx({ slides: [{ shapes: shape('Visible'), notes: 'Say this aloud' }] }));
    expect(pages[0].text).toBe('Visible\n\nSay this aloud');
  });

  it('reads line breaks inside a paragraph', async () => {
    const sp = '<p:sp><p:txBody><a:p><a:r><a:t>Before</a:t></a:r><a:br/><a:r><a:t>after</a:t></a:r></a:p></p:txBody></p:sp>';
    expect((await extract(buildPptx({ slides: [{ shapes: sp }] }))).pages[0].text).toBe('Before\nafter');
  });

  it('reads title and author from docProps/core.xml', async () => {
    expect(await extract(buildPptx({ slides: [{ shapes: '' }], core: { title: 'Annual review', creator: 'Sam' } }))).toMatchObject({
      format: 'pptx',
      title: 'Annual review',
      author: 'Sam',
    });
  });

  it('reports a zip without presentation.xml as corrupt', async () => {
    const err = await extract(zipSync({ 'ppt/slides/slide1.xml': strToU8('<sld/>') })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExtractError);
    expect(err).toMatchObject({ reason: 'corrupt', message: expect.stringMatching(/presentation\.xml is missing/) });
  });
});

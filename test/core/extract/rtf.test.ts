import { describe, expect, it } from 'vitest';
import { extractFile } from '../../../core/extract/index.ts';
import { rtfToText } from '../../../core/extract/rtf.ts';

const rtf = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

describe('rtfToText', () => {
  it('turns paragraphs, tabs, cells and rows into lines and tabs', () => {
    expect(rtfToText(rtf('{\\rtf1\\ansi Hello \\b world\\b0 .\\par A\\tab B\\par\\intbl x\\cell y\\cell\\row}')).text).toBe('Hello world.\nA\tB\nx\ty');
  });

  it('decodes \\\'hh escapes in the \\ansicpg code page', () => {
    expect(rtfToText(rtf("{\\rtf1\\ansi\\ansicpg1252 Caf\\'e9 \\'80}")).text).toBe('Café €');
  });

  it('decodes \\uN escapes and skips their \\ucN fallback characters', () => {
    expect(rtfToText(rtf("{\\rtf1 na\\u239?ve {\\uc2\\u8364\\'80\\'80 euro} \\u-10179?\\u-8704?}")).text).toBe('naïve € euro \u{1F600}');
  });

  it('decodes double-byte text in the charset of the current font', () => {
    const text = rtfToText(rtf("{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}{\\f1\\fcharset134 SimSun;}}\\f1 \\'c4\\'a3\\'b7\\'b6\\f0  ok}")).text;
    expect(text).toBe('模范 ok');
  });

  it('skips font, colour and style tables, pictures, objects and ignorable destinations', () => {
    const source =
      '{\\rtf1{\\fonttbl{\\f0 Times;}}{\\colortbl;\\red0\\green0\\blue0;}{\\stylesheet{Normal;}}{\\*\\generator Riched20;}' +
      '{\\pict\\pngblip 89504e470d0a}{\\object{\\*\\objdata 0102}{\\result Shown}} {\\field{\\*\\fldinst HYPERLINK "x"}{\\fldrslt link text}}}';
    expect(rtfToText(rtf(source)).text).toBe('Shown link text');
  });

  it('skips \\bin data by its length', () => {
    expect(rtfToText(rtf('{\\rtf1 before{\\bin4 }{}\\} after}')).text).toBe('before after');
  });

  it('takes title, author and dates from the info group, not as body text', () => {
    const source = "{\\rtf1{\\info{\\title Test d\\'92indexation}{\\author Biblioth\\'e8que}{\\creatim\\yr2006\\mo5\\dy18\\hr12\\min19}}Body}";
    expect(rtfToText(rtf(source))).toEqual({
      text: 'Body',
      title: 'Test d’indexation',
      author: 'Bibliothèque',
      created: '2006-05-18T12:19:00.000Z',
    });
  });

  it('returns what it could read from truncated RTF instead of throwing', () => {
    expect(rtfToText(rtf('{\\rtf1 Partial text {\\b bold')).text).toBe('Partial text bold');
  });

  it('is reached through extractFile by the {\\rtf magic, whatever the name', async () => {
    expect(await extractFile(rtf('{\\rtf1 Letter to parents\\par}'), 'letter.doc')).toMatchObject({
      status: 'indexed',
      format: 'rtf',
      extracted: { pages: [{ text: 'Letter to parents' }] },
    });
  });
});

import { describe, expect, it } from 'vitest';
import { decodeText, textExtractor } from '../../../core/extract/text.ts';
import { DEFAULT_LIMITS } from '../../../core/extract/types.ts';
import { encodeAs } from '../../fixtures/encodings/encode.ts';

const encode = (text: string, encoding: BufferEncoding) => new Uint8Array(Buffer.from(text, encoding));
const cat = (...parts: Array<Uint8Array | number[]>) => new Uint8Array(parts.flatMap((part) => [...part]));

describe('decodeText', () => {
  it('decodes UTF-8 with and without a BOM', () => {
    expect(decodeText(encode('über café', 'utf8'))).toMatchObject({ text: 'über café', encoding: 'utf-8', bom: false });
    expect(decodeText(cat([0xef, 0xbb, 0xbf], encode('Ayn Rand', 'utf8')))).toMatchObject({ text: 'Ayn Rand', bom: true });
  });

  it('decodes UTF-16 LE and BE by their BOMs', () => {
    expect(decodeText(cat([0xff, 0xfe], encode('Ayn Rand', 'utf16le'))).text).toBe('Ayn Rand');
    const be = Buffer.from(encode('Ayn Rand', 'utf16le')).swap16();
    expect(decodeText(cat([0xfe, 0xff], be)).text).toBe('Ayn Rand');
  });

  it('detects UTF-16 LE and BE without a BOM from the zero bytes', () => {
    expect(decodeText(encode('DateTime,Bid,Ask\r\n1,2,3', 'utf16le'))).toMatchObject({ text: 'DateTime,Bid,Ask\r\n1,2,3', encoding: 'utf-16le' });
    const be = Buffer.from(encode('DateTime,Bid,Ask', 'utf16le')).swap16();
    expect(decodeText(new Uint8Array(be))).toMatchObject({ text: 'DateTime,Bid,Ask', encoding: 'utf-16be' });
  });

  it('falls back to Windows-1252 for Western text that is not UTF-8', () => {
    const bytes = cat(encode('Die Schule geh', 'latin1'), [0xf6], encode('rt zum Netzwerk, gef', 'latin1'), [0xf6], encode('rdert. ', 'latin1'), [0x93], encode('windows', 'latin1'), [0x94, 0x20, 0x80, 0x35]);
    expect(decodeText(bytes)).toMatchObject({ text: 'Die Schule gehört zum Netzwerk, gefördert. “windows” €5', encoding: 'windows-1252' });
  });

  it('keeps a pound sign as £ rather than reading it as Cyrillic', () => {
    expect(decodeText(cat(encode('Budget ', 'latin1'), [0xa3], encode('825 agreed', 'latin1'))).text).toBe('Budget £825 agreed');
  });

  it('recognises Russian in windows-1251', () => {
    const phrase = 'Аренда квартир в Москве, студеную зимнюю пору';
    // Build windows-1251 bytes by hand: А-я map to 0xC0-0xFF.
    const win1251 = [...phrase].map((ch) => (ch >= 'А' && ch <= 'я' ? ch.charCodeAt(0) - 0x410 + 0xc0 : ch.charCodeAt(0)));
    expect(decodeText(new Uint8Array(win1251))).toMatchObject({ text: phrase, encoding: 'windows-1251' });
  });

  it('recognises Russian in KOI8-R, which used to come out as Windows-1251 gibberish', () => {
    const phrase = 'Уважаемые родители, собрание состоится в среду в школьной библиотеке.';
    expect(decodeText(encodeAs(phrase, 'koi8-r'))).toMatchObject({ text: phrase, encoding: 'koi8-r' });
  });

  it('recognises Polish, Greek and Turkish in their Windows code pages', () => {
    for (const [phrase, encoding] of [
      ['Prosimy o kontakt z naszym biurem w sprawie wniosku o zasiłek.', 'windows-1250'],
      ['Παρακαλούμε επικοινωνήστε με το γραφείο μας για την αίτησή σας.', 'windows-1253'],
      ['Başvurunuz hakkında lütfen ofisimizle iletişime geçin.', 'windows-1254'],
    ]) {
      expect(decodeText(encodeAs(phrase, encoding))).toMatchObject({ text: phrase, encoding });
    }
  });

  it('recognises Russian in DOS code page 866', () => {
    const phrase = 'Однажды, в студеную зимнюю пору';
    const cp866 = [...phrase].map((ch) => {
      const c = ch.charCodeAt(0);
      if (c >= 0x410 && c <= 0x42f) return c - 0x410 + 0x80; // А-Я
      if (c >= 0x430 && c <= 0x43f) return c - 0x430 + 0xa0; // а-п
      if (c >= 0x440 && c <= 0x44f) return c - 0x440 + 0xe0; // р-я
      return c;
    });
    expect(decodeText(new Uint8Array(cp866))).toMatchObject({ text: phrase, encoding: 'ibm866' });
  });

  it('recognises Shift_JIS Japanese', () => {
    // "コンソール アプリケーション : universalchardet プロジェクトの概要" in Shift_JIS.
    const sjis = Buffer.from(
      '83528393835c815b838b2083418376838a8350815b835683878393203a20756e6976657273616c63686172646574208376838d83578346834e836782cc8a5497762020',
      'hex',
    );
    const decoded = decodeText(new Uint8Array(sjis));
    expect(decoded.encoding).toBe('shift_jis');
    expect(decoded.text).toContain('universalchardet');
    expect(decoded.text).toContain('コンソール');
  });

  it('decodes EBCDIC (code page 500) text', () => {
    const ebcdic: Record<string, number> = { ' ': 0x40, '\n': 0x25, I: 0xc9, n: 0x95, t: 0xa3, e: 0x85, l: 0x93, i: 0x89, S: 0xe2, a: 0x81, o: 0x96, P: 0xd7, O: 0xd6, W: 0xe6, E: 0xc5, R: 0xd9 };
    const text = '    IntelliStation POWER\n    IntelliStation POWER\n';
    expect(decodeText(new Uint8Array([...text].map((ch) => ebcdic[ch])))).toMatchObject({ text, encoding: 'ibm500' });
  });
});

describe('textExtractor', () => {
  it('gives the words of a KOI8-R file, so they can be searched', async () => {
    const extracted = await textExtractor.extract(encodeAs('Справка о доходах\r\nЗаявление принято.', 'koi8-r'), DEFAULT_LIMITS);
    expect(extracted.pages[0].text).toBe('Справка о доходах\nЗаявление принято.');
  });

  it('returns one page with normalised line endings and no title', async () => {
    const extracted = await textExtractor.extract(encode('line one\r\nline two\rline three', 'utf8'), DEFAULT_LIMITS);
    expect(extracted).toEqual({ format: 'text', pages: [{ number: 1, text: 'line one\nline two\nline three' }] });
  });
});

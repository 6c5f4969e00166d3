import { describe, expect, it } from 'vitest';
import { declaredCharset, htmlExtractor, htmlToText } from '../../../core/extract/html.ts';
import { DEFAULT_LIMITS } from '../../../core/extract/types.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const extract = (bytes: Uint8Array) => htmlExtractor.extract(bytes, DEFAULT_LIMITS);

describe('htmlToText', () => {
  it('keeps visible text and drops scripts, styles, noscript, templates and head content', () => {
    const { text } = htmlToText(
      '<html><head><title>T</title><style>p{color:red}</style><meta name="x" content="y"><script>var secret = 1;</script></head>' +
        '<body><noscript>Enable JS</noscript><template><p>hidden</p></template><p>This is a test.</p><script>alert("no")</script></body></html>',
    );
    expect(text).toBe('This is a test.');
  });

  it('takes the title from <title>', () => {
    expect(htmlToText('<title>  Children’s  services </title><p>x</p>')).toEqual({ title: 'Children’s services', text: 'x' });
  });

  it('puts block elements on their own lines and collapses other whitespace', () => {
    const { text } = htmlToText('<h1>Heading</h1><div>First\n   part <b>bold</b></div><ul><li>one</li><li>two</li></ul>line<br>break');
    expect(text).toBe('Heading\nFirst part bold\none\ntwo\nline\nbreak');
  });

  it('decodes named and numeric entities', () => {
    expect(htmlToText('<p>Fish &amp; chips &pound;5 &#8211; caf&eacute; &#x263A;</p>').text).toBe('Fish & chips £5 – café ☺');
  });

  it('copes with malformed markup and an unclosed head', () => {
    expect(htmlToText('<head><title>x</title><body><p>An exciting <i>subject</p><div>more').text).toBe('An exciting subject\nmore');
  });
});

describe('charset handling', () => {
  it('finds a meta charset after a long preamble', () => {
    const page = `<script>${'// filler\n'.repeat(500)}</script><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">`;
    expect(declaredCharset(utf8(page))).toBe('windows-1251');
    expect(declaredCharset(utf8('<meta charset="utf-8">'))).toBe('utf-8');
    expect(declaredCharset(utf8('<p>none</p>'))).toBeNull();
  });

  it('honours a windows-1251 meta charset', async () => {
    const head = utf8('<html><head><meta charset="windows-1251"></head><body><p>');
    const body = [0xc0, 0xf0, 0xe5, 0xed, 0xe4, 0xe0]; // "Аренда" in windows-1251
    const bytes = new Uint8Array([...head, ...body, ...utf8('</p></body></html>')]);
    expect((await extract(bytes)).pages[0].text).toBe('Аренда');
  });

  it('lets a UTF-16 BOM win over a meta charset', async () => {
    const html = '<html><head><title>Title</title><meta http-equiv="Content-Type" content="text/html; charset=unicode"></head><body>This is a sample text</body></html>';
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(html, 'utf16le')]);
    expect(await extract(bytes)).toEqual({ format: 'html', title: 'Title', pages: [{ number: 1, text: 'This is a sample text' }] });
  });

  it('reads a page with no charset and a 0xA3 pound sign as Windows-1252', async () => {
    const bytes = new Uint8Array([...utf8('<p>I stand to lift '), 0xa3, ...utf8('825 today</p>')]);
    expect((await extract(bytes)).pages[0].text).toBe('I stand to lift £825 today');
  });

  it('trusts the bytes when a page claims UTF-8 but is not', async () => {
    const bytes = new Uint8Array([...utf8('<meta charset="utf-8"><p>caf'), 0xe9, ...utf8(' au lait</p>')]);
    expect((await extract(bytes)).pages[0].text).toBe('café au lait');
  });
});

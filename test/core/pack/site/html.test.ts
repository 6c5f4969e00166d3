import { describe, expect, it } from 'vitest';
import { cleanText, escapeHtml, html } from '../../../../core/pack/site/html.ts';

describe('escapeHtml: text safe in HTML text and quoted attributes', () => {
  it('escapes the five characters that can start or end markup', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });

  it('leaves other text, British punctuation and letters beyond ASCII as they are', () => {
    expect(escapeHtml('Children’s services — résumé, 100% #1 ünïcode 😀')).toBe('Children’s services — résumé, 100% #1 ünïcode 😀');
  });

  it('turns control characters and lone surrogates into U+FFFD, keeping tabs and line breaks', () => {
    expect(cleanText('a\u0000b\u0007c\u001bd\u007fe\u0085f')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf');
    expect(cleanText('tab\tline\nreturn\r')).toBe('tab\tline\nreturn\r');
    expect(cleanText('half \uD83D pair')).toBe('half \uFFFD pair');
  });
});

describe('html: a template whose values are escaped', () => {
  it('escapes every interpolated text, in text and in attributes', () => {
    const title = '"><script>alert(1)</script>';
    expect(html`<a title="${title}">${title}</a>`.value).toBe('<a title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</a>');
  });

  it('keeps markup it built itself, joins lists and writes nothing for null, undefined and false', () => {
    const items = ['<b>', 'two'].map((t) => html`<li>${t}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${0}`.value).toBe('<ul><li>&lt;b&gt;</li><li>two</li></ul>0');
  });

  it('does not take a string that looks like markup for markup', () => {
    const pretend = { value: '<script>' } as unknown as string;
    expect(html`${pretend}`.value).toBe('[object Object]');
  });
});

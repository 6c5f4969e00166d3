import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import type { PackContent } from '../../../../core/pack/model.ts';
import { outlinePack } from '../../../../core/pack/site/outline.ts';
import {
  SEARCH_BREAK, SEARCH_GLOBAL, asciiJson, buildSearchIndex, compactIndex, renderSearchIndexJs, searchData, searchable,
} from '../../../../core/pack/site/search-index.ts';
import { runPackScripts, type Page, type PageIndex } from './browser-scripts.ts';
import { HOSTILE, isPrintableAscii, packFixture } from './fixture.ts';

/** The page as a browser has it: the real search-index.js, lunr.min.js and pack.js, the index loaded. */
function loadPage(content: PackContent = packFixture()): Page & { js: string; index: PageIndex; find: (query: string) => string[] } {
  const outline = outlinePack(content);
  const js = renderSearchIndexJs(searchData(content, outline, buildSearchIndex(content, outline)));
  const page = runPackScripts(js);
  const index = page.pack.loadIndex(page.lunr, page.data);
  if (!index) throw new Error('the index did not load');
  // Results as evidence ids, best first.
  const find = (query: string) => page.pack.search(page.lunr, index, query).map((r) => String(content.items[Number(r.ref)].evidenceId));
  return { ...page, js, index, find };
}

describe('search-index.js: the prebuilt index the page loads', () => {
  it('is a classic script of ASCII only that sets one global', () => {
    const content = packFixture();
    const outline = outlinePack(content);
    const js = renderSearchIndexJs(searchData(content, outline, buildSearchIndex(content, outline)));
    expect(isPrintableAscii(js)).toBe(true);
    expect(js).toContain(`window.${SEARCH_GLOBAL} = {`);
    const { data } = runPackScripts(js);
    const items = (data as { items: { title: string }[] }).items;
    expect(items[1].title).toBe(HOSTILE.title);
    expect(items[2].title).toBe('Care leavers’ local offer');
  });

  it('writes lunr’s index compactly, and the page turns it back into exactly what lunr wrote', () => {
    const content = packFixture();
    const outline = outlinePack(content);
    const serialised = buildSearchIndex(content, outline).toJSON();
    const { pack } = runPackScripts();
    const compact = JSON.parse(asciiJson(compactIndex(serialised)));
    expect(JSON.stringify(pack.decodeIndex(compact))).toBe(JSON.stringify(serialised));
    expect(asciiJson(compactIndex(serialised)).length).toBeLessThan(JSON.stringify(serialised).length * 0.7);
  });

  it('keeps characters beyond ASCII, and beyond the Basic Multilingual Plane, through its escapes', () => {
    const value = { text: 'é 😀 \u2028 </script> "q" \\' };
    expect(JSON.parse(asciiJson(value))).toEqual(value);
    expect(asciiJson(value)).toMatch(/^[\x20-\x7e]*$/u);
    expect(asciiJson(value)).not.toContain('<');
  });

  it('is a standard lunr index: lunr in Node loads what the page decodes and searches it', () => {
    const { data, pack } = runPackScripts(loadPage().js);
    const index = lunr.Index.load(JSON.parse(JSON.stringify(pack.decodeIndex((data as { index: unknown }).index))));
    const titles = (query: string) => index.search(query).map((r) => packFixture().items[Number(r.ref)].title);
    expect(titles('framework')).toEqual(['Quality assurance framework']);
    expect(titles('housing')).toEqual(['Care leavers’ local offer']);
    expect(titles('findings')).toEqual(['Quality assurance framework']);
    expect(titles('moderation')).toEqual(['Quality assurance framework']);
  });

  it('is made by the lunr the pack ships, so the page loads it without a version warning', () => {
    const { lunr: pageLunr } = runPackScripts();
    expect(pageLunr.version).toBe(lunr.version);
    expect(compactIndex(buildSearchIndex(packFixture(), outlinePack(packFixture())).toJSON()).version).toBe(pageLunr.version);
  });
});

describe('searching the pack as the page does', () => {
  const page = loadPage();

  it.each([
    ['a word of the title', 'framework', ['11']],
    ['a word of what it shows', 'advisers', ['13']],
    ['a word of a criterion it serves', 'findings', ['11']],
    ['a criterion’s id', 'CL1', ['13', '11']],
    ['a word of its text', 'moderation', ['11']],
    ['a word of a note', 'svg', ['12']],
    ['its team', 'MASH', ['12']],
    ['a word of its file name', 'v2', ['14']],
  ])('finds an item by %s (%s)', (_what, query, ids) => {
    expect(page.find(query).sort()).toEqual([...ids].sort());
  });

  it('ranks a match in the title above one in the text', () => {
    expect(page.find('audit')[0]).toBe('14');
    expect(page.find('audit')).toEqual(expect.arrayContaining(['11', '12', '14']));
  });

  it('needs every word, ignoring common ones', () => {
    expect(page.find('audit supervision')).toEqual(['14']);
    expect(page.find('the audit of supervision')).toEqual(['14']);
    expect(page.find('supervision zebra')).toEqual([]);
  });

  it('finds words from their start, and plurals and endings from the stem', () => {
    expect(page.find('safeg')).toEqual(['12']);
    expect(page.find('audits')).toEqual(expect.arrayContaining(['11', '14']));
    expect(page.find('supervising')).toEqual(['14']);
  });

  it('ignores accents, case and punctuation on both sides', () => {
    expect(page.find('resume')).toEqual(['12']);
    expect(page.find('RÉSUMÉ')).toEqual(['12']);
    expect(page.find('unicode')).toEqual(['13']);
    expect(page.find('leavers’')).toEqual(expect.arrayContaining(['13']));
    expect(page.find('supervision_audit')).toEqual(['14']);
  });

  it('understands lunr’s syntax: a field, a word left out, a wildcard, a typo allowance', () => {
    expect(page.find('title:supervision')).toEqual(['14']);
    expect(page.find('audit -supervision').sort()).toEqual(['11', '12']);
    expect(page.find('moder*')).toEqual(['11']);
    expect(page.find('framwork~1')).toEqual(['11']);
  });

  it.each(['title:', '*', '~', '^', '+-', '-', ':', '"', '"audit', 'audit"', '\\', 'audit^', 'audit^x', 'audit~', 'foo:bar', '***', '~~~', '+', 'title:title:', '(', ')', '[', '{', '%', '&&', '||', '\u0000', '😀', '   '])(
    'never fails on %j',
    (query) => {
      expect(() => page.find(query)).not.toThrow();
      expect(Array.isArray(page.find(query))).toBe(true);
    },
  );

  it('reads what lunr cannot parse as plain words', () => {
    expect(page.find('"audit')).toEqual(expect.arrayContaining(['11', '14']));
    expect(page.find('supervision~')).toEqual(['14']);
    expect(page.find('audit:')).toEqual(expect.arrayContaining(['11', '14']));
    expect(page.find('+-supervision')).toEqual(['14']);
  });

  it('finds nothing, rather than everything, for a query with no words', () => {
    for (const query of ['*', 'the', 'the and of', '"', '   ']) expect(page.find(query), query).toEqual([]);
  });

  it('keeps lunr from slow searches: no typo allowance over 2, no prefix for a single letter', () => {
    const clauses = page.pack.queryClauses(page.lunr, page.index.fields, 'moderation~9');
    expect(clauses.map((c) => c.editDistance)).toEqual([2]);
    expect(page.pack.queryClauses(page.lunr, page.index.fields, 's').map((c) => c.term)).toEqual(['s']);
  });
});

describe('the words the index sees', () => {
  it('splits at punctuation and folds accents and compatibility forms', () => {
    expect(searchable('Care_Plan.v2 (final)–draft “quoted” Ofsted’s ﬁle Café')).toBe('Care Plan v2 final draft quoted Ofsted s file Cafe');
    expect(searchable('a*b')).toBe('a b');
  });

  it('splits a query’s words with the same characters as the index’s (pack.js and search-index.ts agree)', () => {
    const { pack } = runPackScripts();
    expect(pack.BREAK.source).toBe(SEARCH_BREAK.source);
    expect(pack.fold('Café ﬁle Ünïcode')).toBe(searchable('Café ﬁle Ünïcode'));
  });
});

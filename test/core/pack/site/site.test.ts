// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NO_TEAM_FILTER, SITE_IDS, STALE_FILTER } from '../../../../core/pack/site/render-html.ts';
import { SEARCH_DATA_FORMAT, SEARCH_GLOBAL } from '../../../../core/pack/site/search-index.ts';
import { packSiteFiles } from '../../../../core/pack/site/site.ts';
import { LUNR_MIN_PATH, PACK_CSS_PATH, PACK_SCRIPT_PATH } from './browser-scripts.ts';
import { isPrintableAscii, packFixture } from './fixture.ts';

describe('packSiteFiles: the website a pack holds', () => {
  it('gives index.html and its four assets, as paths inside the pack with /', async () => {
    const files = await packSiteFiles(packFixture());
    expect(files.map((f) => f.path)).toEqual(['index.html', 'assets/pack.css', 'assets/pack.js', 'assets/lunr.min.js', 'assets/search-index.js']);
    for (const file of files) expect(file.bytes.length, file.path).toBeGreaterThan(100);
  });

  it('ships lunr’s own browser build and this folder’s stylesheet and script, unchanged', async () => {
    const files = new Map((await packSiteFiles(packFixture())).map((f) => [f.path, Buffer.from(f.bytes)]));
    expect(files.get('assets/lunr.min.js')?.equals(readFileSync(LUNR_MIN_PATH))).toBe(true);
    expect(files.get('assets/pack.js')?.equals(readFileSync(PACK_SCRIPT_PATH))).toBe(true);
    expect(files.get('assets/pack.css')?.equals(readFileSync(PACK_CSS_PATH))).toBe(true);
  });

  it('writes index.html as UTF-8, loading only files the site has', async () => {
    const files = await packSiteFiles(packFixture());
    const html = new TextDecoder('utf-8', { fatal: true }).decode(files[0].bytes);
    expect(html).toContain('Children&#39;s &amp; families — résumé');
    const document = new DOMParser().parseFromString(html, 'text/html');
    const loaded = [...document.querySelectorAll('script[src], link[href]')].map((el) => el.getAttribute('src') ?? el.getAttribute('href'));
    expect(loaded.sort()).toEqual(files.slice(1).map((f) => f.path).sort());
  });

  it('keeps its own script and stylesheet ASCII, so no browser can misread their encoding', () => {
    expect(isPrintableAscii(readFileSync(PACK_SCRIPT_PATH, 'latin1'))).toBe(true);
    expect(isPrintableAscii(readFileSync(PACK_CSS_PATH, 'latin1'))).toBe(true);
  });

  it('builds results in the page with text, never with markup', () => {
    const script = readFileSync(PACK_SCRIPT_PATH, 'utf8');
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/u);
  });

  it('has the page and its script agree on element ids, filter values and the data’s global and format', () => {
    const script = readFileSync(PACK_SCRIPT_PATH, 'utf8');
    for (const id of Object.values(SITE_IDS)) expect(script, id).toContain(`'${id}'`);
    expect(script).toContain(`'${STALE_FILTER}'`);
    expect(script).toContain(`'${NO_TEAM_FILTER}'`);
    expect(script).toContain(`var DATA_GLOBAL = '${SEARCH_GLOBAL}';`);
    expect(script).toContain(`var DATA_FORMAT = ${SEARCH_DATA_FORMAT};`);
  });
});

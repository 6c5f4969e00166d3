// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { PackContent } from '../../../../core/pack/model.ts';
import { outlinePack } from '../../../../core/pack/site/outline.ts';
import { PACK_CSP, renderIndexHtml } from '../../../../core/pack/site/render-html.ts';
import { HOSTILE, packFixture } from './fixture.ts';

function render(content: PackContent = packFixture()): Document {
  // DOMParser runs no scripts and loads nothing: this is the markup as a browser parses it.
  return new DOMParser().parseFromString(renderIndexHtml(content, outlinePack(content)), 'text/html');
}

function text(node: Element | null): string {
  return (node?.textContent ?? '').replace(/\s+/gu, ' ').trim();
}

/** The listing's rows for an item, as [criterion id, strength]. */
function rowsOf(document: Document, item: number): [string, string][] {
  return [...document.querySelectorAll(`#listing tr[data-item="${item}"]`)].map((row) => {
    const criterion = row.closest('.criterion');
    return [text(criterion?.querySelector('.criterion-id') ?? null), text(row.querySelector('td:nth-child(6)'))];
  });
}

describe('index.html: hostile text stays text', () => {
  const document = render();

  it('has no script but the three asset scripts, no event handler and no element from the data', () => {
    expect([...document.querySelectorAll('script')].map((s) => s.getAttribute('src'))).toEqual(['assets/lunr.min.js', 'assets/search-index.js', 'assets/pack.js']);
    expect([...document.querySelectorAll('script')].every((s) => s.textContent === '')).toBe(true);
    const handlers = [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/iu.test(a.name)).map((a) => `${el.tagName} ${a.name}`));
    expect(handlers).toEqual([]);
    expect(document.querySelectorAll('img, svg, b, iframe, object, embed, base, form, style, [style]')).toHaveLength(0);
  });

  it('shows the hostile title, summary, note and team exactly as typed', () => {
    const row = document.querySelector('#listing tr[data-item="1"]');
    expect(text(row?.querySelector('.title') ?? null)).toBe(HOSTILE.title);
    expect(text(row?.querySelector('.summary') ?? null)).toBe(HOSTILE.summary);
    expect(text(row?.querySelector('.note') ?? null)).toBe(`Note: ${HOSTILE.note}`);
    expect(text(row?.querySelector('td:nth-child(2)') ?? null)).toBe(HOSTILE.team);
    expect([...document.querySelectorAll('#filter-team option')].map((o) => o.textContent)).toContain(HOSTILE.team);
  });

  it('turns control characters into U+FFFD rather than writing them', () => {
    const content = packFixture();
    content.items[0].title = 'Bell\u0007 and NUL\u0000';
    const html = renderIndexHtml(content, outlinePack(content));
    expect(html.includes('\u0000') || html.includes('\u0007')).toBe(false);
    expect(html).toContain('Bell\uFFFD and NUL\uFFFD');
  });

  it('carries a content security policy allowing its own files only, and no inline script or style', () => {
    const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
    expect(meta?.getAttribute('content')).toBe(PACK_CSP);
    expect(PACK_CSP).toMatch(/default-src 'none'/u);
    expect(PACK_CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:|frame-ancestors|sandbox/u);
    expect(document.head.firstElementChild?.outerHTML).toBe('<meta charset="utf-8">');
  });
});

describe('index.html: the evidence by judgement and criterion', () => {
  const content = packFixture();
  const document = render(content);

  it('links each item to its file with a relative, percent-encoded href', () => {
    content.items.forEach((item, i) => {
      const links = [...document.querySelectorAll(`#listing tr[data-item="${i}"] a.title`)];
      expect(links.length, item.path).toBeGreaterThan(0);
      for (const link of links) {
        const href = link.getAttribute('href') ?? '';
        expect(href).not.toMatch(/[\s#?'"&]/u);
        expect(decodeURIComponent(new URL(href, 'file:///pack/index.html').pathname)).toBe(`/pack/${item.path}`);
      }
    });
  });

  it('lists an item under every criterion it serves, with the strength for each', () => {
    expect(rowsOf(document, 0)).toEqual([
      ['L1', 'Key'],
      ['L1.1', 'Supporting'],
      ['CL1', 'Supporting'],
    ]);
    expect(rowsOf(document, 2)).toEqual([['CL1', 'Key']]);
  });

  it('shows criteria without evidence as gaps, in words', () => {
    const gaps = [...document.querySelectorAll('.criterion')].filter((c) => c.querySelector('.gap')).map((c) => text(c.querySelector('.criterion-id')));
    expect(gaps).toEqual(['L2', 'CL2']);
    expect(text(document.querySelector('#c1-3 .gap'))).toBe('No evidence in this pack');
    expect(document.querySelectorAll('#c1-1 .gap')).toHaveLength(0);
  });

  it('writes dates day first, in <time> elements', () => {
    const row = document.querySelector('#c1-1 tr[data-item="0"]');
    expect(text(row?.querySelector('td:nth-child(3)') ?? null)).toBe('05/03/2024');
    expect(row?.querySelector('td:nth-child(3) time')?.getAttribute('datetime')).toBe('2024-03-05');
    expect(text(row?.querySelector('td:nth-child(4)') ?? null)).toBe('31/03/2025');
    expect(text(document.querySelector('#c1-4 tr[data-item="3"] td:nth-child(3)'))).toBe('None');
  });

  it('gives each item its team, status, what it shows and file, and flags what needs a look', () => {
    const row = document.querySelector('#c1-1 tr[data-item="1"]');
    expect(text(row?.querySelector('td:nth-child(5)') ?? null)).toBe('Draft Past review date');
    expect(text(row?.querySelector('.flag-changed') ?? null)).toMatch(/changed after it was tagged/u);
    expect(text(row?.querySelector('.file') ?? null)).toBe("evidence/1 Leadership/Children's & families — résumé.txt (Text · 120 bytes)");
    expect(row?.getAttribute('data-status')).toBe('draft');
    expect(row?.hasAttribute('data-stale')).toBe(true);
    expect(text(document.querySelector('#c1-4 tr[data-item="3"] td:nth-child(5)'))).toBe('Retired');
  });

  it('still lists an item no criterion in scope links to', () => {
    expect(text(document.querySelector('#other h2'))).toBe('Other evidence in this pack');
    expect(text(document.querySelector('#other tr[data-item="4"] .title'))).toBe('Orphan note');
  });

  it('says at the top when the pack was made, its scope and its counts', () => {
    expect(text(document.querySelector('h1'))).toBe('Evidence pack: ILACS 2026');
    expect(text(document.querySelector('.made'))).toBe('Made on 05/03/2026 at 14:07 (UK time) with Evidence Store 0.1.0.');
    const scope = Object.fromEntries([...document.querySelectorAll('.scope div')].map((d) => [text(d.querySelector('dt')), text(d.querySelector('dd'))]));
    expect(scope).toEqual({
      Framework: 'ILACS 2026 (version 2026.1)',
      Judgements: 'The impact of leaders on social work practice; The experiences and progress of care leavers',
      Statuses: 'Approved, Draft, Retired',
      Evidence: '5 items in 5 files',
      Criteria: '6 criteria: 4 with evidence, 2 gaps (no evidence in this pack)',
      'Needs a look': '1 item past the review date; 1 file changed after tagging',
    });
    expect([...document.querySelectorAll('.contents li')].map(text)).toEqual([
      'The impact of leaders on social work practice 3 items, 1 gap',
      'The experiences and progress of care leavers 2 items, 1 gap',
      'Other evidence in this pack 1 item',
    ]);
    expect(text(document.querySelector('#j2 .judgement-counts'))).toBe('2 evidence items under 2 criteria: 1 criterion with evidence, 1 gap.');
  });

  it('links the extras the pack holds', () => {
    const withExtras = packFixture();
    withExtras.extras = { annexa: { path: 'annex-a/Annex A (pseudonymised).xlsx', pseudonymised: true }, selfEvaluation: 'self-evaluation.docx' };
    const links = [...render(withExtras).querySelectorAll('.also a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['Evidence%20index.xlsx', 'self-evaluation.docx', 'annex-a/Annex%20A%20%28pseudonymised%29.xlsx']);
    expect([...document.querySelectorAll('.also a')].map((a) => a.getAttribute('href'))).toEqual(['Evidence%20index.xlsx']);
  });
});

describe('index.html: structure for assistive technology and for the script', () => {
  const document = render();

  it('is British English with one h1 and no heading level skipped', () => {
    expect(document.documentElement.getAttribute('lang')).toBe('en-GB');
    const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1]));
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    levels.forEach((level, i) => {
      if (i > 0) expect(level, `heading ${i}`).toBeLessThanOrEqual(levels[i - 1] + 1);
    });
    expect(document.querySelector('#c1-2 h4')).not.toBeNull();
  });

  it('has landmarks: banner, navigation, main with a search, content info', () => {
    expect(document.querySelectorAll('body > header, body > nav, body > main, body > footer')).toHaveLength(4);
    expect(document.querySelector('main [role="search"]')).not.toBeNull();
  });

  it('holds the search and filters hidden until the script shows them, each control labelled', () => {
    const finder = document.querySelector('#finder');
    expect(finder?.hasAttribute('hidden')).toBe(true);
    for (const control of finder?.querySelectorAll('input, select') ?? []) {
      expect(document.querySelector(`label[for="${control.id}"]`), control.id).not.toBeNull();
    }
    expect(finder?.querySelector('input[type="search"]')).not.toBeNull();
    expect(finder?.querySelector('[role="status"]')).not.toBeNull();
    expect(document.querySelector('#no-script')?.hasAttribute('hidden')).toBe(false);
    expect(text(document.querySelector('#no-script'))).toMatch(/^Search and filters need JavaScript/u);
    expect(document.querySelectorAll('noscript')).toHaveLength(0);
  });

  it('offers the judgements, the teams (sorted, and none) and the statuses present as filters', () => {
    const options = (id: string) => [...document.querySelectorAll(`#${id} option`)].map((o) => [o.getAttribute('value'), o.textContent]);
    expect(options('filter-judgement')).toEqual([
      ['', 'All judgements'],
      ['0', 'The impact of leaders on social work practice'],
      ['1', 'The experiences and progress of care leavers'],
      ['other', 'Other evidence'],
    ]);
    expect(options('filter-team')).toEqual([
      ['', 'All teams'],
      ['0', 'Care Leavers'],
      ['1', HOSTILE.team],
      ['2', 'Quality Assurance'],
      ['none', 'No team given'],
    ]);
    expect(options('filter-status')).toEqual([
      ['', 'All statuses'],
      ['draft', 'Draft'],
      ['approved', 'Approved'],
      ['retired', 'Retired'],
      ['stale', 'Past review date'],
    ]);
    expect(document.querySelector('#listing tr[data-item="2"]')?.getAttribute('data-team')).toBe('0');
    expect(document.querySelector('#listing tr[data-item="4"]')?.getAttribute('data-team')).toBe('none');
  });
});

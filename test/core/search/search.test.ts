import { beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Db } from '../../../core/store/database.ts';
import { search, searchFacets } from '../../../core/search/search.ts';
import { segmentsToText } from '../../../core/search/highlight.ts';
import { indexFixture } from '../../helpers/index-fixture.ts';
import { tempDir } from '../../helpers/temp.ts';
import { testDatabase } from '../../helpers/core.ts';
import { SearchResponse } from '../../../shared/contract.ts';

let db: Db;
let ids: Map<string, number>;

beforeEach(() => {
  const dir = tempDir();
  db = testDatabase(join(dir, 'index.db'));
  ids = indexFixture(db, join(dir, 'Evidence'), [
    {
      name: 'annual-report.pdf',
      pages: ['Introduction and contents', 'Children in care were visited within timescales.', 'The care plan audit found strengths.'],
      mtime: '2024-03-01T00:00:00Z',
      folder: 'Quality Assurance',
    },
    { name: 'care plan audit.docx', format: 'docx', pages: ['Summary of findings on supervision.'], mtime: '2023-06-01T00:00:00Z' },
    { name: 'notes.txt', format: 'text', pages: ['Café meeting about the Ofsted focused visit, case A-1312.'], mtime: '2025-01-10T00:00:00Z' },
    { name: 'draft.html', format: 'html', pages: ['Draft care leavers offer, not approved.'], mtime: '2024-09-09T00:00:00Z' },
    { name: 'referral.txt', format: 'text', pages: ['Referral CP1312 was stepped down. Careers advice offered.'], mtime: '2022-01-01T00:00:00Z' },
    { name: 'japan.pdf', pages: ['はじめに', '新しいマーケットモデルの説明'], mtime: '2022-02-01T00:00:00Z' },
  ]);
});

describe('search', () => {
  it('finds the page a phrase is on, with the words marked in the snippet', () => {
    const r = search(db, '"care plan audit"');
    const report = r.results.find((x) => x.documentId === ids.get('annual-report.pdf'))!;
    expect(report.hits[0].page).toBe(3);
    expect(report.hits[0].snippet.filter((s) => s.hit).map((s) => s.text.toLowerCase())).toEqual(['care plan audit']);
    expect(SearchResponse.parse(r)).toBeTruthy();
  });

  it('ranks a match in the file name above the same words in the body', () => {
    const r = search(db, 'care plan audit');
    expect(r.results.map((x) => x.title)).toEqual(['care plan audit', 'annual report']);
  });

  it('matches without accents and case, and finds a case number inside a reference', () => {
    expect(search(db, 'CAFE').total).toBe(1);
    expect(search(db, '1312').results[0].documentId).toBe(ids.get('notes.txt'));
  });

  it('excludes, ORs and prefixes', () => {
    expect(search(db, 'care -draft').results.map((x) => x.title)).not.toContain('draft');
    expect(search(db, 'supervision OR ofsted').total).toBe(2);
    expect(search(db, 'timescal*').results[0].hits[0].page).toBe(2);
  });

  it('filters by type, folder and modified date, and counts facets', () => {
    expect(search(db, 'care type:pdf').results.map((x) => x.title)).toEqual(['annual report']);
    expect(search(db, 'care type:word').results.map((x) => x.title)).toEqual(['care plan audit']);
    expect(search(db, 'care folder:"quality assurance"').results.map((x) => x.title)).toEqual(['annual report']);
    expect(search(db, 'care modified:2023').results.map((x) => x.title)).toEqual(['care plan audit']);
    expect(search(db, 'care modified:>2024-06-01').results.map((x) => x.title)).toEqual(['draft']);
    const facets = searchFacets(db, 'care').facets;
    expect(facets.type.map((f) => [f.value, f.label, f.count])).toEqual(expect.arrayContaining([['pdf', 'PDF', 1], ['word', 'Word', 1], ['web', 'Web page', 1]]));
    expect(facets.year.map((f) => f.value)).toEqual(['2024', '2023']);
    expect(facets.folder).toEqual([{ value: 'Evidence', label: 'Evidence', count: 3 }]);
  });

  it('leaves out documents whose files are all missing, in the results, the count and the facets', () => {
    const before = searchFacets(db, 'care');
    const gone = ids.get('draft.html')!;
    expect(search(db, 'care', { limit: 50 }).results.map((r) => r.documentId)).toContain(gone);
    db.prepare('UPDATE files SET missing = 1 WHERE document_id = ?').run(gone);
    expect(search(db, 'care', { limit: 50 }).results.map((r) => r.documentId)).not.toContain(gone);
    // One shown, the rest counted; and the exact count with the facets.
    expect(search(db, 'care', { limit: 1 }).total).toBe(before.total - 1);
    expect(searchFacets(db, 'care').total).toBe(before.total - 1);
    expect(searchFacets(db, 'care type:html').total).toBe(0);
    expect(searchFacets(db, 'care').facets.type.find((t) => t.label === 'Web page')).toBeUndefined();
  });

  it('lists everything newest first when the query has only filters or nothing', () => {
    expect(search(db, '').results.map((x) => x.title)).toEqual(['notes', 'draft', 'annual report', 'care plan audit', 'japan', 'referral']);
    expect(search(db, 'type:pdf').total).toBe(2);
    expect(search(db, '-care').results.map((x) => x.title)).toEqual(['notes', 'japan', 'referral']);
  });

  it('pages through results', () => {
    const first = search(db, '', { limit: 2 });
    const second = search(db, '', { limit: 2, offset: 2 });
    expect(first.total).toBe(6);
    const third = search(db, '', { limit: 2, offset: 4 });
    second.results.push(...third.results);
    expect([...first.results, ...second.results].map((x) => x.documentId).sort()).toEqual([...ids.values()].sort());
  });

  it.each(['"unbalanced', '-', '*', 'NEAR(', "'; DROP TABLE pages; --", 'a OR', 'OR', '"', 'type:', '^', 'care NOT', '{}', 'title:care'])(
    'answers %j with results or an empty list, never an error',
    (q) => {
      const r = search(db, q);
      expect(r.results).toBeInstanceOf(Array);
      expect(r.notes.join(' ')).not.toMatch(/could not be run/);
    },
  );

  it('survives random junk queries', () => {
    const alphabet = 'ab "-*():^{}OR NEAR\'\\;%_.,é日本';
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 300; i++) {
      const q = Array.from({ length: Math.floor(rand() * 20) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
      const r = search(db, q);
      expect(r.notes.join(' '), q).not.toMatch(/could not be run/);
    }
  });

  it('finds a number inside a reference, after whole-word matches, and says so', () => {
    const r = search(db, '1312');
    expect(r.results.map((x) => x.title)).toEqual(['notes', 'referral']);
    expect(r.results[1].hits[0].snippet.find((s) => s.hit)?.text).toBe('1312');
    expect(r.notes.join(' ')).toMatch(/inside longer words/);
  });

  it('finds a Japanese phrase inside a longer run of characters, on its page', () => {
    const r = search(db, 'マーケットモデル');
    expect(r.results.map((x) => x.title)).toEqual(['japan']);
    expect(r.results[0].hits[0].page).toBe(2);
  });

  it('does not pad ordinary word searches with inside-word matches', () => {
    // "care" is inside "Careers", but whole-word matches exist, so only those are shown.
    expect(search(db, 'care').results.map((x) => x.title)).not.toContain('referral');
    // with no whole-word match, inside-word matches are the best answer there is
    expect(search(db, 'areers').results.map((x) => x.title)).toEqual(['referral']);
  });

  it('looks inside words through the trigram index, and says when it checked only the first pages that could match', () => {
    // "eferr" is in no word list, only inside "Referral": found through its three-letter runs.
    expect(search(db, 'eferr').results.map((x) => x.title)).toEqual(['referral']);
    const many = indexFixture(db, join(tempDir(), 'More'), Array.from({ length: 12 }, (_, i) => ({ name: `ref-${i}.txt`, format: 'text', pages: [`defer the errand to terra ${i}`] })));
    expect(many.size).toBe(12);
    // "defer the errand to terra" holds every three-letter run of "eferra" (efe, fer, err, rra) but not
    // the word: 13 candidates, one real. Checking only 5 of them says so.
    const capped = search(db, 'eferra', { insideWordCandidates: 5 });
    expect(capped.notes.join(' ')).toMatch(/first 5 pages|the first ones found/);
    expect(search(db, 'eferra').results.map((x) => x.title)).toEqual(['referral']);
  });

  it('gives plain text snippets for the CLI', () => {
    const hit = search(db, 'visited').results[0].hits[0];
    expect(segmentsToText(hit.snippet)).toContain('Children in care were visited');
  });
});

describe('kinds of file and places in them, in the words people use', () => {
  let kindsDb: Db;
  beforeEach(() => {
    const dir = tempDir();
    kindsDb = testDatabase(join(dir, 'index.db'));
    indexFixture(kindsDb, join(dir, 'Evidence'), [
      { name: 'LAIT_population-2024.xlsx', format: 'xlsx', pages: ['Contents', 'Looked after children per 10,000'], labels: ['Sheet: Contents', 'Sheet: Population'] },
      { name: 'old budget.xls', format: 'xls', pages: ['Looked after children budget'], labels: ['Sheet: Budget'] },
      { name: 'team briefing.pptx', format: 'pptx', pages: ['Welcome', 'Looked after children'], labels: ['Slide 1', 'Slide 2'] },
      { name: 'referral.eml', format: 'eml', pages: ['Looked after children referral'] },
      { name: 'review.pdf', pages: ['Intro', 'Looked after children reviewed'] },
    ]);
  });
  const titles = (q: string) => search(kindsDb, q).results.map((r) => r.title).sort();

  it('finds a spreadsheet with type:excel, old and new alike, and type:xlsx still means what it did', () => {
    expect(titles('looked type:excel')).toEqual(['LAIT population 2024', 'old budget']);
    expect(titles('looked type:spreadsheet')).toEqual(['LAIT population 2024', 'old budget']);
    expect(titles('looked type:xlsx')).toEqual(['LAIT population 2024']);
    expect(titles('looked type:powerpoint')).toEqual(['team briefing']);
    expect(titles('looked type:email')).toEqual(['referral']);
    expect(titles('looked -type:excel')).toEqual(['referral', 'review', 'team briefing']);
  });

  it('offers one type box per kind, its value the word type: takes', () => {
    const type = searchFacets(kindsDb, 'looked').facets.type;
    expect(type.map((f) => [f.value, f.label, f.count])).toEqual([
      ['excel', 'Excel', 2],
      ['email', 'Email', 1],
      ['pdf', 'PDF', 1],
      ['powerpoint', 'PowerPoint', 1],
    ]);
  });

  it('says where each hit is: a sheet by its name, a slide, a page, the email', () => {
    const where = (q: string) => search(kindsDb, q).results.map((r) => r.hits.map((h) => h.pageLabel)).flat().sort();
    expect(where('"per 10,000"')).toEqual(['Sheet Population']);
    expect(where('reviewed')).toEqual(['Page 2']);
    expect(where('looked type:powerpoint')).toEqual(['Slide 2']);
    expect(where('referral type:email')).toEqual(['Email']);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANNEX_A_SPECS, annexASpec, listByKey } from '../../../shared/annexa/index.ts';
import type { AnnexASpec } from '../../../shared/annexa/index.ts';
import { readSources } from '../../../core/annexa/read/index.ts';
import type { SourceFile } from '../../../core/annexa/read/index.ts';
import { recogniseHeaders, recogniseSources } from '../../../core/annexa/recognise.ts';
import { generate } from '../../../bench/annexa-generate.ts';
import { tempDir } from '../../helpers/temp.ts';

const SPEC_2019 = annexASpec('annex-a-2019') as AnnexASpec;
const SPEC_2024 = annexASpec('annex-a-2024') as AnnexASpec;
const FIXTURE = join(import.meta.dirname, '../../fixtures/annexa/import/ofsted-layout-sample.xlsx');

const headersOf = (spec: AnnexASpec, key: string) => (listByKey(spec, key)?.columns ?? []).map((c) => c.header);

describe('recognising lists by their headers', () => {
  for (const spec of ANNEX_A_SPECS) {
    it(`recognises every list of ${spec.id} from the template's own headers, whatever their order`, () => {
      for (const list of spec.lists) {
        const headers = list.columns.map((c) => c.header).reverse();
        const result = recogniseHeaders(headers, spec);
        expect(result, list.key).toMatchObject({ status: 'recognised', list: list.key, confidence: 1, missingRequired: [], missingOptional: [], notes: [] });
        for (const [i, column] of list.columns.entries()) expect(result.mapping?.columns[column.key]).toBe(headers.length - 1 - i);
        expect(result.mapping?.unmapped).toEqual([]);
      }
    });

    it(`recognises every list of ${spec.id} from the headers case-management systems use (synonyms)`, () => {
      for (const list of spec.lists) {
        for (const pick of [0, -1]) {
          const headers = list.columns.map((c) => (c.synonyms.length ? c.synonyms.at(pick) : c.header) as string);
          const result = recogniseHeaders(headers, spec);
          expect(result, `${list.key} with ${headers.join(' | ')}`).toMatchObject({ status: 'recognised', list: list.key, missingRequired: [] });
          expect(Object.values(result.mapping?.columns ?? {})).not.toContain(null);
        }
      }
    });
  }

  it('matches headers ignoring case, spaces, punctuation and curly quotes', () => {
    const headers = ['CHILD UNIQUE ID', 'gender', 'ethnicity', 'date-of-birth', 'Age of Child Years', 'Date of Contact ', 'Contact_Source'];
    expect(recogniseHeaders(headers, SPEC_2024)).toMatchObject({ status: 'recognised', list: 'list1', confidence: 1 });
    const list4 = headersOf(SPEC_2024, 'list4').map((h) => h.replace('’', "'").replace(/support$/, 'support?'));
    expect(recogniseHeaders(list4, SPEC_2024)).toMatchObject({ list: 'list4', missingRequired: [], missingOptional: [] });
  });

  it('reads a 2019 List 9 with the 2024 spec: recognised, the columns added since named as such', () => {
    const result = recogniseHeaders(headersOf(SPEC_2019, 'list9'), SPEC_2024);
    expect(result).toMatchObject({ status: 'recognised', list: 'list9', missingRequired: ['personalAdviser'] });
    expect(result.missingOptional).toEqual(['uasc', 'latestPathwayPlanReviewDate', 'latestDateOfContact']);
    expect(result.notes.join(' ')).toMatch(/in the annex-a-2019 layout: .*‘Allocated Personal Advisor’.* added in annex-a-2024/);
  });

  it('reads a 2024 List 9 with the 2019 spec: recognised, the newer columns dropped and named as newer', () => {
    const result = recogniseHeaders(headersOf(SPEC_2024, 'list9'), SPEC_2019);
    expect(result).toMatchObject({ status: 'recognised', list: 'list9', missingRequired: [], missingOptional: [] });
    expect(result.mapping?.unmapped).toEqual([
      'Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)',
      'Allocated Personal Advisor',
      'Latest Pathway Plan Review Date',
      'Latest Date of Contact',
    ]);
    expect(result.notes.join(' ')).toMatch(/are columns of List 9 \(Care leavers\) in the annex-a-2024 template, not in annex-a-2019: dropped/);
  });

  it('lists extra columns as dropped, and required columns the table lacks as missing', () => {
    const headers = ['Person ID', 'Sex', 'Ethnicity', 'Contact Date', 'Worker Notes', 'Postcode of School'];
    const result = recogniseHeaders(headers, SPEC_2024);
    expect(result).toMatchObject({ status: 'recognised', list: 'list1', missingRequired: ['contactSource'], missingOptional: ['dateOfBirth', 'age'] });
    expect(result.mapping).toEqual({
      list: 'list1',
      columns: { childId: 0, gender: 1, ethnicity: 2, dateOfBirth: null, age: null, dateOfContact: 3, contactSource: null },
      unmapped: ['Worker Notes', 'Postcode of School'],
    });
    expect(result.confidence).toBeLessThan(1);
  });

  it('resolves a column two headers could feed: the template’s header over a synonym, the first of two alike', () => {
    const headers = [...headersOf(SPEC_2024, 'list3'), 'Team', 'Date of Birth'];
    const result = recogniseHeaders(headers, SPEC_2024);
    expect(result.mapping?.columns.allocatedTeam).toBe(headers.indexOf('Allocated Team'));
    expect(result.mapping?.columns.dateOfBirth).toBe(3);
    expect(result.mapping?.unmapped).toEqual(['Team', 'Date of Birth']);
    expect(result.notes).toEqual([
      'Both ‘Allocated Team’ and ‘Team’ could be ‘Allocated Team’; ‘Allocated Team’ was used and ‘Team’ is dropped.',
      'The header ‘Date of Birth’ appears more than once; the first (column 4) feeds ‘Date of Birth’ and column 13 is dropped.',
    ]);
  });

  it('resolves a header two lists share by the table’s other columns', () => {
    // "Date Started to be Looked After" is List 8's own header and a synonym of List 10's date entered care.
    const adoption = headersOf(SPEC_2024, 'list10').map((h) => (h === 'Date the Child Entered Care' ? 'Date Started to be Looked After' : h));
    expect(recogniseHeaders(adoption, SPEC_2024)).toMatchObject({ status: 'recognised', list: 'list10', missingRequired: [] });
    expect(recogniseHeaders(headersOf(SPEC_2024, 'list8'), SPEC_2024)).toMatchObject({ status: 'recognised', list: 'list8' });
  });

  it('does not take a table lacking its own list’s decisive column for another list that shares one header', () => {
    // An adoption extract without any decision date, whose care start is headed as List 8 heads it:
    // List 8 has its two decisive columns, but List 10 has far more of the table's columns.
    const headers = headersOf(SPEC_2024, 'list10')
      .filter((h) => !/Decision|Adoption Order/.test(h))
      .map((h) => (h === 'Date the Child Entered Care' ? 'Date Started to be Looked After' : h));
    expect(recogniseHeaders(headers, SPEC_2024)).toMatchObject({
      status: 'not-recognised',
      list: 'list10',
      reason: 'It looks like List 10 (Adoption) but has no ‘Date of Decision that Child Should be Placed for Adoption’ column.',
    });
  });

  it('says why a table is not recognised', () => {
    const noStart = headersOf(SPEC_2024, 'list8').filter((h) => h !== 'Date Started to be Looked After');
    expect(recogniseHeaders(noStart, SPEC_2024)).toMatchObject({
      status: 'not-recognised',
      list: 'list8',
      mapping: null,
      reason: 'It looks like List 8 (Children in care) but has no ‘Date Started to be Looked After’ column.',
    });
    const noId = headersOf(SPEC_2024, 'list1').slice(1);
    expect(recogniseHeaders(noId, SPEC_2024).reason).toBe('It looks like List 1 (Contacts) but has no ‘Child Unique ID’ column.');
    expect(recogniseHeaders(['Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth'], SPEC_2024).reason).toMatch(/^It has only columns every list has \(‘Child Unique ID’, ‘Gender’, ‘Ethnicity’, ‘Date of Birth’\)/);
    expect(recogniseHeaders(['Invoice', 'Supplier', 'Amount'], SPEC_2024)).toMatchObject({ status: 'not-recognised', list: null, reason: 'Its headers match no Annex A list.' });
  });

  it('is quiet about workbook sheets that resemble no list (front sheet, guidance, codes), never about a CSV file', () => {
    const guidance = ['List Number/Title', 'Field Heading', 'Detailed Guidance'];
    expect(recogniseHeaders(guidance, SPEC_2024, { sheet: true })).toMatchObject({ status: 'not-recognised', quiet: true });
    expect(recogniseHeaders(guidance, SPEC_2024)).toMatchObject({ status: 'not-recognised', quiet: false });
    const noStart = headersOf(SPEC_2024, 'list8').filter((h) => h !== 'Date Started to be Looked After');
    expect(recogniseHeaders(noStart, SPEC_2024, { sheet: true }).quiet).toBe(false);
  });
});

describe('recognising the tables of whole files', () => {
  it('recognises all eleven lists of a workbook in Ofsted’s layout, quietly leaving out its guidance and code sheets', async () => {
    const files = await readSources([FIXTURE]);
    const result = recogniseSources(files, SPEC_2024);
    expect(result.recognised.map((r) => [r.table.sheet, r.recognition.list])).toEqual(Array.from({ length: 11 }, (_, i) => [`List_${i + 1}`, `list${i + 1}`]));
    expect(result.notRecognised.map((r) => [r.table.sheet, r.recognition.quiet])).toEqual([
      ['FAQ_and_changes', true],
      ['Guidance', true],
      ['Codes_used', true],
    ]);
    expect(result.unreadable).toEqual([]);
  });

  it.each(['csv', 'xlsx'] as const)('recognises all eleven lists in generated %s extracts (system headers, title lines, every encoding)', async (format) => {
    const made = await generate(tempDir(), { children: 300, seed: 11, format });
    const result = recogniseSources(await readSources(made.files), SPEC_2024);
    expect(result.recognised.map((r) => r.recognition.list)).toEqual(Array.from({ length: 11 }, (_, i) => `list${i + 1}`));
    expect(result.notRecognised.filter((r) => !r.recognition.quiet)).toEqual([]);
    expect(result.recognised.filter((r) => r.recognition.list !== 'list9').every((r) => r.recognition.missingRequired.length === 0)).toBe(true);
  });

  it('keeps both tables of one list split over two files, and reports unreadable files beside them', async () => {
    const dir = tempDir();
    const text = 'Person ID,Sex,Ethnicity,DOB,Contact Date,Contact Source\n1,M,WBRI,1/3/14,2/3/25,6\n';
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'contacts-jan.csv'), text);
    writeFileSync(join(dir, 'contacts-feb.csv'), text);
    writeFileSync(join(dir, 'empty.csv'), '');
    const result = recogniseSources(await readSources(['contacts-jan.csv', 'contacts-feb.csv', 'empty.csv'].map((f) => join(dir, f))), SPEC_2024);
    expect(result.recognised.map((r) => [r.table.source, r.recognition.list])).toEqual([
      ['contacts-jan.csv', 'list1'],
      ['contacts-feb.csv', 'list1'],
    ]);
    expect(result.unreadable).toEqual([{ file: join(dir, 'empty.csv'), message: expect.stringMatching(/empty/) }]);
  });

  it('speaks up about every sheet of a workbook in which no list is recognised', () => {
    const table = (sheet: string, headers: string[]) => ({ source: `book.xlsx: ${sheet}`, file: 'book.xlsx', sheet, headerRow: 1, headers, rows: { async *[Symbol.asyncIterator]() {} } });
    const file: SourceFile = { file: 'book.xlsx', name: 'book.xlsx', format: 'xlsx', tables: [table('Notes', ['Topic', 'Owner'])], notTables: [], error: null };
    expect(recogniseSources([file], SPEC_2024).notRecognised[0].recognition.quiet).toBe(false);
  });

  it('never looks at the file or sheet name', async () => {
    const bytes = readFileSync(FIXTURE);
    const [file] = await readSources([{ name: 'List 8 children in care.xlsx', bytes: new Uint8Array(bytes) }]);
    const renamed = { ...file, tables: file.tables.map((t) => ({ ...t, sheet: 'List_8', source: 'x: List_8' })) };
    expect(recogniseSources([renamed], SPEC_2024).recognised.map((r) => r.recognition.list)).toEqual(Array.from({ length: 11 }, (_, i) => `list${i + 1}`));
  });
});

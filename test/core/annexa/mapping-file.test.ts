import { describe, expect, it } from 'vitest';
import { annexASpec } from '../../../shared/annexa/index.ts';
import type { AnnexASpec } from '../../../shared/annexa/index.ts';
import { MappingFileError, applyMappingFile, formatMappingFile, mappingFileFor, parseMappingFile } from '../../../core/annexa/mapping-file.ts';
import type { MappingFile } from '../../../core/annexa/mapping-file.ts';
import { recogniseHeaders } from '../../../core/annexa/recognise.ts';

const SPEC = annexASpec('annex-a-2024') as AnnexASpec;

const MOSAIC = {
  schema: 'evidence-store/annex-a-mapping@1',
  system: 'Mosaic',
  lists: { list1: { childId: 'Person ID (Mosaic)', dateOfContact: 'CONTACT_DTTM', contactSource: 'Source of contact (coded)', age: null } },
};

/** The problems a mapping file's text is refused for. */
function problems(text: string, spec?: AnnexASpec): string[] {
  try {
    parseMappingFile(text, spec);
  } catch (err) {
    if (err instanceof MappingFileError) return err.problems;
    throw err;
  }
  throw new Error('the file was accepted');
}

describe('parseMappingFile', () => {
  it('reads a mapping file, with or without a byte order mark', () => {
    expect(parseMappingFile(JSON.stringify(MOSAIC), SPEC)).toEqual(MOSAIC);
    expect(parseMappingFile(`\ufeff${JSON.stringify(MOSAIC)}`)).toEqual(MOSAIC);
  });

  it('names what is wrong, where, and what to do', () => {
    expect(problems('{ "schema": "evidence-store/annex-a-mapping@1", ')[0]).toMatch(/^it is not valid JSON \(.*\)\. Check for a missing comma, quote or bracket\.$/);
    expect(problems(JSON.stringify({ ...MOSAIC, schema: 'annex-a-mapping' }))).toEqual(['schema: should be "evidence-store/annex-a-mapping@1".']);
    expect(problems(JSON.stringify({ ...MOSAIC, system: ' ' }))).toEqual(['system: name the source system ("Mosaic", "LCS" …).']);
    expect(problems(JSON.stringify({ schema: MOSAIC.schema, lists: {} }))).toEqual(['system: is missing.']);
    expect(problems(JSON.stringify({ ...MOSAIC, lists: { list1: { childId: 7 } } }))).toEqual(['lists.list1.childId: should be the source header\'s text, or null for "no such column".']);
    expect(problems(JSON.stringify({ ...MOSAIC, lists: { list1: { childId: '' } } }))).toEqual(['lists.list1.childId: a header cannot be empty (use null for "no such column").']);
    expect(problems(JSON.stringify({ ...MOSAIC, colour: 'blue' }))).toEqual(['the file: unexpected "colour"; a mapping file has only "schema", "system" and "lists".']);
  });

  it('checks lists and columns against the spec, suggesting the key that was meant', () => {
    const text = JSON.stringify({ ...MOSAIC, lists: { list1: { childID: 'Person ID', colour: 'x' }, list12: {}, list3: { allocatedTeam: 'Team', allocatedWorker: 'team' } } });
    expect(problems(text, SPEC)).toEqual([
      'lists.list1.childID: List 1 (Contacts) has no column "childID"; did you mean "childId"?',
      'lists.list1.colour: List 1 (Contacts) has no column "colour".',
      'lists.list12: annex-a-2024 has no such list (it has list1 … list11).',
      'lists.list3: "team" is given for both allocatedTeam and allocatedWorker; one header can feed one column.',
    ]);
    // Without a spec only the shape is checked.
    expect(() => parseMappingFile(text)).not.toThrow();
  });
});

describe('applying a saved mapping', () => {
  const file = parseMappingFile(JSON.stringify(MOSAIC), SPEC);
  const headers = ['Person ID (Mosaic)', 'Gender', 'ethnicity', 'DOB', 'Age', 'CONTACT_DTTM', 'Source of contact (coded)', 'Team'];

  it('takes the columns it names from its headers and finds the others by the spec (null: no such column)', () => {
    const applied = applyMappingFile(file, SPEC, 'list1', headers);
    expect(applied.mapping).toEqual({
      list: 'list1',
      columns: { childId: 0, gender: 1, ethnicity: 2, dateOfBirth: 3, age: null, dateOfContact: 5, contactSource: 6 },
      unmapped: ['Age', 'Team'],
    });
    expect(applied.matchedBy).toMatchObject({ childId: 'saved', gender: 'header', dateOfBirth: 'synonym', dateOfContact: 'saved' });
    expect(applied.notes).toEqual([]);
  });

  it('lets recognition find a list by the saved headers, where the spec alone cannot', () => {
    expect(recogniseHeaders(headers, SPEC).status).toBe('not-recognised');
    expect(recogniseHeaders(headers, SPEC, { saved: file.lists })).toMatchObject({ status: 'recognised', list: 'list1', missingRequired: [] });
  });

  it('falls back to the spec, and says so, when the table lacks a header the mapping names', () => {
    const applied = applyMappingFile(file, SPEC, 'list1', ['Child Unique ID', 'Gender', 'Ethnicity', 'Date of Contact', 'Contact Source']);
    expect(applied.mapping.columns).toMatchObject({ childId: 0, dateOfContact: 3, contactSource: 4 });
    expect(applied.notes[0]).toBe('The saved mapping takes ‘Child Unique ID’ from ‘Person ID (Mosaic)’, which this table does not have; it was looked for by its usual headers instead.');
  });

  it('is made from what the user confirmed, and reads back the same', () => {
    const recognised = recogniseHeaders(headers, SPEC, { saved: file.lists });
    const made = mappingFileFor(' Mosaic ', [{ headers, mapping: recognised.mapping! }]);
    expect(made).toEqual({
      schema: 'evidence-store/annex-a-mapping@1',
      system: 'Mosaic',
      lists: { list1: { childId: 'Person ID (Mosaic)', gender: 'Gender', ethnicity: 'ethnicity', dateOfBirth: 'DOB', dateOfContact: 'CONTACT_DTTM', contactSource: 'Source of contact (coded)' } },
    } satisfies MappingFile);
    expect(parseMappingFile(formatMappingFile(made), SPEC)).toEqual(made);
  });

  it('refuses a list the spec does not have', () => {
    expect(() => applyMappingFile(file, SPEC, 'list99', headers)).toThrow(MappingFileError);
  });
});

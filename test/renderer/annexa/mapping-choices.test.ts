import { describe, expect, it } from 'vitest';
import type { AnnexaListReport } from '../../../shared/annexa/api.ts';
import {
  MAPPING_SCHEMA, checkTable, choicesFromReport, choose, hasChanges, hasConflicts, mappingFileFromChoices, mappingText,
} from '../../../renderer/src/annexa/mapping-choices.ts';

/** A contacts extract whose source column recognition could not name ("Contact Origin"). */
const contacts: AnnexaListReport = {
  list: 'list1',
  number: 1,
  name: 'Contacts',
  source: 'contacts.csv',
  rows: 4,
  confidence: 0.71,
  headers: ['Person ID', 'Sex', 'DOB', 'Contact Date', 'Contact Origin', 'Notes'],
  headerSamples: [['1001'], ['M'], [], ['12/01/2024'], ['2A'], []],
  columns: [
    { column: 'childId', header: 'Child Unique ID', required: true, from: 'Person ID', samples: ['1001'] },
    { column: 'gender', header: 'Gender', required: true, from: 'Sex', samples: ['M'] },
    { column: 'dateOfBirth', header: 'Date of Birth', required: false, from: 'DOB', samples: [] },
    { column: 'age', header: 'Age of Child (Years)', required: false, from: null, samples: [] },
    { column: 'dateOfContact', header: 'Date of Contact', required: true, from: 'Contact Date', samples: [] },
    { column: 'contactSource', header: 'Contact Source', required: true, from: null, samples: [] },
  ],
  dropped: ['Contact Origin', 'Notes'],
  notes: [],
};
const report = { lists: [contacts] };

describe('the mapping step', () => {
  it('starts from what the import used, and says what is missing and dropped', () => {
    const choices = choicesFromReport(report);
    expect(checkTable(contacts, choices)).toEqual({ missingRequired: ['contactSource'], dropped: ['Contact Origin', 'Notes'], usedTwice: [], changed: [] });
    expect(hasChanges(report, choices)).toBe(false);
  });

  it('a fixed column is no longer missing, its header no longer dropped, and the change is known', () => {
    const choices = choose(choicesFromReport(report), 'contacts.csv', 'contactSource', 'Contact Origin');
    expect(checkTable(contacts, choices)).toEqual({ missingRequired: [], dropped: ['Notes'], usedTwice: [], changed: ['contactSource'] });
    expect(hasChanges(report, choices)).toBe(true);
  });

  it('flags a header chosen for two columns, which a mapping file may not say', () => {
    const choices = choose(choicesFromReport(report), 'contacts.csv', 'dateOfBirth', 'Contact Date');
    expect(checkTable(contacts, choices).usedTwice).toEqual([{ header: 'Contact Date', columns: ['dateOfBirth', 'dateOfContact'] }]);
    expect(hasConflicts(report, choices)).toBe(true);
  });
});

describe('the mapping file made from the choices', () => {
  it('names every header that feeds a column, null for one the person took away, and leaves out columns nothing fed', () => {
    let choices = choose(choicesFromReport(report), 'contacts.csv', 'contactSource', 'Contact Origin');
    choices = choose(choices, 'contacts.csv', 'dateOfBirth', null);
    const file = mappingFileFromChoices(' Frontdoor ', [contacts], choices);
    expect(file).toEqual({
      schema: MAPPING_SCHEMA,
      system: 'Frontdoor',
      lists: { list1: { childId: 'Person ID', gender: 'Sex', dateOfBirth: null, dateOfContact: 'Contact Date', contactSource: 'Contact Origin' } },
    });
    // Not `age: null`: a later extract with an age column is still mapped by its usual header.
    expect(Object.hasOwn(file.lists.list1, 'age')).toBe(false);
    expect(JSON.parse(mappingText(file))).toEqual(file);
  });

  it('merges a list split over two files: a header found in either wins over none', () => {
    const second: AnnexaListReport = {
      ...contacts,
      source: 'contacts-2.csv',
      headers: ['Person ID', 'Sex', 'Contact Date', 'Source'],
      columns: contacts.columns.map((c) => (c.column === 'contactSource' ? { ...c, from: 'Source' } : c.column === 'dateOfBirth' ? { ...c, from: null } : c)),
    };
    const choices = choose(choicesFromReport({ lists: [contacts, second] }), 'contacts.csv', 'dateOfBirth', null);
    const file = mappingFileFromChoices('X', [contacts, second], choices);
    expect(file.lists.list1).toMatchObject({ contactSource: 'Source', dateOfBirth: null, childId: 'Person ID' });
  });
});

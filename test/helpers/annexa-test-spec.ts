/**
 * A small Annex A spec built to the schema, for unit tests that must not move when the real
 * template data does: five lists shaped like the template's (contacts, children in need, child
 * protection, children in care, adopters) with a few columns each, code sets with prefixes, bare
 * codes, aliases and a discouraged value, windows of each kind, row rules and cross-list rules.
 * Whole-pipeline tests use the real specs (shared/annexa/data) and the clean dataset instead.
 */
import type { AnnexASpec, CodeSet, ColumnSpec, ListSpec } from '../../shared/annexa/spec-schema.ts';

const col = (key: string, header: string, type: ColumnSpec['type'], extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  key,
  header,
  type,
  required: false,
  synonyms: [],
  ...extra,
});

const codes = (key: string, label: string, values: (string | [string, Partial<CodeSet['values'][number]>])[], open = false): CodeSet => ({
  key,
  label,
  open,
  values: values.map((v) => (typeof v === 'string' ? { value: v, aliases: [] } : { value: v[0], aliases: [], ...v[1] })),
});

const person = [
  col('childId', 'Child Unique ID', 'id', { required: true, personal: 'person-id' }),
  col('sex', 'Gender', 'code', { codeSet: 'sex', required: true }),
  col('ethnicity', 'Ethnicity', 'code', { codeSet: 'ethnicity', required: true }),
  col('dateOfBirth', 'Date of Birth', 'date', { personal: 'dob' }),
];
const age = (min: number) => col('age', 'Age of Child (Years)', 'integer', { min });

const list = (l: Omit<ListSpec, 'rules' | 'sheet' | 'title' | 'scope'> & { rules?: Partial<ListSpec['rules']> }): ListSpec => ({
  ...l,
  sheet: `List_${l.number}`,
  title: `List ${l.number}: ${l.name}`,
  scope: `${l.name} for the tests`,
  rules: { order: [], together: [], requires: [], blankWhen: [], ...l.rules },
});

export const TEST_INSPECTION_DATE = '2024-03-15';

export function testSpec(): AnnexASpec {
  return {
    schema: 'evidence-store/annex-a@1',
    id: 'annex-a-test',
    title: 'Annex A for the tests',
    source: 'test/helpers/annexa-test-spec.ts',
    default: false,
    codeSets: [
      codes('sex', 'Gender', [
        ['a) Male', { aliases: ['M', '1'] }],
        ['b) Female', { aliases: ['F', '2'] }],
        ['c) Not stated/recorded', { aliases: ['Not recorded', 'U', 'Unborn'] }],
        ['d) Neither', { aliases: ['I', 'Indeterminate'] }],
      ]),
      codes('ethnicity', 'Ethnicity', [
        ['a) WBRI', { code: 'WBRI', aliases: ['White British'] }],
        ['b) WIRI', { code: 'WIRI' }],
        ['n) BCRB', { code: 'BCRB' }],
        ['s) REFU', { code: 'REFU' }],
        ['s) NOBT', { code: 'NOBT', aliases: ['t) NOBT'] }],
      ]),
      codes('source', 'Contact Source', [
        ['a) 1A: Individual', { code: '1A' }],
        ['b) 1B: Individual', { code: '1B' }],
        ['e) 2A: Schools', { code: '2A' }],
        ['q) 6: Police', { code: '6' }],
      ]),
      codes('yesNo', 'Yes/No', [
        ['a) Yes', { aliases: ['Y', 'TRUE', '1'] }],
        ['b) No', { aliases: ['N', 'FALSE', '0'] }],
      ]),
      codes('closure', 'Reason for Closure', [
        ['RC1 - Adopted', { code: 'RC1' }],
        ['RC7 - Services ceased for any other reason, including child no longer in need', { code: 'RC7' }],
        ['RC8 - Case closed after assessment, no further action', { code: 'RC8', discouraged: 'Ofsted lists RC8 in List 6 only for completeness: a case closed after assessment is not usually a child in need episode.' }],
      ]),
      codes('caseStatus', 'Case status', [
        'a) Looked after child',
        'b) Child Protection plan',
        'c) Child in need plan',
        'd) Open assessment',
        'e) Closed episode',
      ]),
      codes('legalStatus', "Child's Legal Status", [
        ['C1: ICO', { code: 'C1' }],
        ['C2: FCO', { code: 'C2' }],
        ['V2: Single period under S20', { code: 'V2' }],
      ]),
      codes('laOfPlacement', 'LA of Placement', [['WAL - Child placed in Wales', { code: 'WAL' }], ['CON - Child placed in confidential placement', { code: 'CON' }]], true),
      codes('adopterSex', 'Gender', [['a) Male', { aliases: ['M'] }], ['b) Female', { aliases: ['F'] }]]),
    ],
    lists: [
      list({
        key: 'list1',
        number: 1,
        name: 'Contacts',
        window: { kind: 'events', column: 'dateOfContact', months: 6 },
        person: 'childId',
        onePerPerson: false,
        rowKey: ['childId', 'dateOfContact', 'contactSource'],
        columns: [...person, age(-1), col('dateOfContact', 'Date of Contact', 'date', { required: true }), col('contactSource', 'Contact Source', 'code', { codeSet: 'source', required: true })],
      }),
      list({
        key: 'list3',
        number: 3,
        name: 'Referral',
        window: { kind: 'events', column: 'dateOfReferral', months: 6 },
        person: 'childId',
        onePerPerson: false,
        rowKey: ['childId', 'dateOfReferral'],
        columns: [
          ...person,
          age(-1),
          col('dateOfReferral', 'Date of referral', 'date', { required: true }),
          col('referralsInLast12Months', 'Number of Referrals in Last 12 Months', 'integer', { required: true, min: 1 }),
          col('allocatedWorker', 'Allocated Worker', 'string', { required: true, personal: 'remove' }),
        ],
      }),
      list({
        key: 'list6',
        number: 6,
        name: 'Children in Need',
        window: { kind: 'open-or-closed', start: 'cinStartDate', end: 'cinClosureDate', months: 6 },
        person: 'childId',
        onePerPerson: true,
        rowKey: ['childId'],
        columns: [
          ...person,
          age(-1),
          col('cinStartDate', 'CIN Start Date', 'date', { required: true }),
          col('cinClosureDate', 'CIN Closure Date', 'date'),
          col('reasonForClosure', 'Reason for Closure', 'code', { codeSet: 'closure' }),
          col('caseStatus', 'Case status', 'code', { codeSet: 'caseStatus', required: true }),
        ],
        rules: {
          order: [['cinStartDate', 'cinClosureDate']],
          together: [['cinClosureDate', 'reasonForClosure']],
        },
      }),
      list({
        key: 'list7',
        number: 7,
        name: 'Child protection',
        window: { kind: 'open-or-closed', start: 'cppStartDate', end: 'cppEndDate', months: 6 },
        person: 'childId',
        onePerPerson: true,
        rowKey: ['childId'],
        columns: [
          ...person,
          age(-1),
          col('cppStartDate', 'Child Protection Plan Start Date', 'date', { required: true }),
          col('cppEndDate', 'Child Protection Plan End Date', 'date'),
          col('previousPlans', 'Number of Previous Child Protection Plans', 'integer', { required: true, min: 0 }),
        ],
        rules: { order: [['cppStartDate', 'cppEndDate']] },
      }),
      list({
        key: 'list8',
        number: 8,
        name: 'Children in care',
        window: { kind: 'open-or-closed', start: 'dateStartedLookedAfter', end: 'dateCeasedLookedAfter', months: 6 },
        person: 'childId',
        onePerPerson: true,
        rowKey: ['childId'],
        columns: [
          ...person,
          age(0),
          col('dateStartedLookedAfter', 'Date Started to be Looked After', 'date', { required: true }),
          col('legalStatus', "Child's Legal Status", 'code', { codeSet: 'legalStatus', required: true }),
          col('placements', 'Number of Placements in the Last 12 months', 'integer', { required: true, min: 1 }),
          col('dateCeasedLookedAfter', 'Date Ceased to be Looked After ', 'date'),
          col('placementPostcode', 'Placement postcode', 'postcode', { personal: 'postcode' }),
          col('laOfPlacement', 'LA of Placement', 'code', { codeSet: 'laOfPlacement', required: true }),
          col('missingOffered', 'Was the child offered a Return Interview after their last missing episode (Y/N)?', 'code', { codeSet: 'yesNo' }),
          col('missingAccepted', 'Did the child accept a Return Interview after their last missing episode (Y/N)?', 'code', { codeSet: 'yesNo' }),
        ],
        rules: {
          order: [['dateStartedLookedAfter', 'dateCeasedLookedAfter']],
          requires: [{ if: 'missingAccepted', then: 'missingOffered' }],
          blankWhen: [{ column: 'missingOffered', values: ['b) No'], blank: ['missingAccepted'] }],
        },
      }),
      list({
        key: 'list11',
        number: 11,
        name: 'Adopters',
        window: { kind: 'any-event', columns: ['dateEnquiry', 'dateApproved'], months: 12 },
        person: 'adopterId',
        onePerPerson: true,
        rowKey: ['adopterId', 'dateEnquiry'],
        columns: [
          col('adopterId', 'Individual adopter identifier', 'id', { required: true, personal: 'person-id' }),
          col('sex', 'Gender', 'code', { codeSet: 'adopterSex', required: true }),
          col('dateEnquiry', 'Date enquiry received', 'date', { required: true }),
          col('dateApproved', 'Date application approved', 'date'),
          col('childrenPlaced', 'No. of children placed', 'integer', { min: 0 }),
        ],
        rules: { order: [['dateEnquiry', 'dateApproved']] },
      }),
    ],
    crossRules: {
      samePerson: ['sex', 'ethnicity', 'dateOfBirth'],
      appearsIn: [
        { list: 'list6', when: { column: 'caseStatus', values: ['a) Looked after child'] }, in: 'list8', openIn: 'dateCeasedLookedAfter', message: 'The case status says looked after, but List 8 has no open period of care for this child.' },
        { list: 'list6', when: { column: 'caseStatus', values: ['b) Child Protection plan'] }, in: 'list7', openIn: 'cppEndDate', message: 'The case status says child protection plan, but List 7 has no open plan for this child.' },
        { list: 'list8', in: 'list6', message: 'Every child in care on List 8 should be on List 6 (children in need).' },
      ],
    },
  };
}

/** A column mapping that feeds each of a list's columns from the source column of the same position. */
export function inOrderMapping(spec: AnnexASpec, listKey: string) {
  const list = spec.lists.find((l) => l.key === listKey)!;
  return { list: listKey, columns: Object.fromEntries(list.columns.map((c, i) => [c.key, i])), unmapped: [] };
}

/**
 * A small spec for the build tests, written against the schema (not the shipped data files), with
 * the template's quirks that matter for writing: a trailing space, curly quotes, a code set
 * without prefixes, an id list for adopters and a family id shared by two lists.
 */
import { AnnexASpec } from '../../../../shared/annexa/spec-schema.ts';
import type { AnnexASummaries } from '../../../../shared/annexa/summaries.ts';
import type { ListRow, Value } from '../../../../core/annexa/model.ts';

type Col = [key: string, header: string, type: 'id' | 'string' | 'date' | 'integer' | 'code' | 'postcode', extra?: Record<string, unknown>];

function list(number: number, name: string, person: string, columns: Col[]) {
  return {
    key: `list${number}`,
    number,
    name,
    sheet: `List_${number}`,
    title: `List ${number}: ${name}`,
    scope: `${name} for the tests.`,
    window: { kind: 'current' },
    person,
    onePerPerson: false,
    rowKey: [person],
    columns: columns.map(([key, header, type, extra]) => ({ key, header, type, required: false, ...extra })),
  };
}

const child: Col[] = [
  ['childId', 'Child Unique ID', 'id', { personal: 'person-id' }],
  ['gender', 'Gender', 'code', { codeSet: 'gender' }],
  ['dateOfBirth', 'Date of Birth', 'date', { personal: 'dob' }],
  ['age', 'Age of Child (Years)', 'integer'],
];

export const testSpec: AnnexASpec = AnnexASpec.parse({
  schema: 'evidence-store/annex-a@1',
  id: 'annex-a-test',
  title: 'Test spec',
  source: 'Written for the build tests.',
  codeSets: [
    { key: 'gender', label: 'Gender', values: [{ value: 'a) Male' }, { value: 'b) Female' }, { value: 'c) Not stated/recorded' }, { value: 'd) Neither' }] },
    { key: 'inTouch', label: 'In touch', values: [{ value: 'a) Yes' }, { value: 'b) No' }] },
    { key: 'legalStatus', label: 'Legal status', values: [{ value: 'C1: ICO', code: 'C1' }, { value: 'V2: Single period under S20', code: 'V2' }] },
  ],
  lists: [
    list(1, 'Contacts', 'childId', [...child, ['dateOfContact', 'Date of Contact', 'date'], ['allocatedWorker', 'Allocated Worker', 'string', { personal: 'remove' }]]),
    ...[2, 3, 4, 5, 6, 7].map((n) => list(n, `Other ${n}`, 'childId', child)),
    list(8, 'Children in care', 'childId', [
      ...child,
      ['legalStatus', 'Child’s Legal Status', 'code', { codeSet: 'legalStatus' }],
      ['dateCeasedLookedAfter', 'Date Ceased to be Looked After ', 'date'],
      ['placementPostcode', 'Placement postcode', 'postcode', { personal: 'postcode' }],
      ['missingEpisodes', 'Number of Episodes the Child has been ‘Missing’ from their Placement in the last 12 months', 'integer'],
      ['allocatedWorker', 'Allocated Worker', 'string', { personal: 'remove' }],
    ]),
    list(9, 'Care leavers', 'childId', [
      ...child,
      ['inTouch', 'LA In Touch ', 'code', { codeSet: 'inTouch' }],
      ['personalAdviser', 'Allocated Personal Advisor', 'string', { personal: 'remove' }],
    ]),
    list(10, 'Adoption', 'childId', [...child.slice(0, 1), ['familyId', 'Family identifier', 'id', { personal: 'family-id' }], ...child.slice(1)]),
    list(11, 'Adopters', 'adopterId', [
      ['adopterId', 'Individual adopter identifier', 'id', { personal: 'person-id' }],
      ['familyId', 'Family identifier', 'id', { personal: 'family-id' }],
      ['enquiryDate', 'Date enquiry received', 'date'],
    ]),
  ],
});

export function row(list: string, values: Record<string, Value>, at = 3): ListRow {
  return { list, source: `${list}.csv`, row: at, values };
}

export const emptySummaries: AnnexASummaries = { inspectionDate: '2024-06-03', spec: 'annex-a-test', lists: [] };

/** Rows grouped by list, as the workbook asks for them. */
export function byList(rows: readonly ListRow[]): (l: { key: string }) => ListRow[] {
  return (l) => rows.filter((r) => r.list === l.key);
}

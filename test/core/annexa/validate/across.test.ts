import { describe, expect, it } from 'vitest';
import type { ListRow } from '../../../../core/annexa/model.ts';
import { validateLists } from '../../../../core/annexa/validate/validate.ts';
import { findRow, rowsOfPerson } from '../../../helpers/annexa-clean.ts';
import { testSpec, TEST_INSPECTION_DATE } from '../../../helpers/annexa-test-spec.ts';
import { brief, findingsAfter, spec } from './breaking.ts';

describe('the same child on every list', () => {
  it('same-person: a child in care with another ethnicity on List 8 than on List 6', () => {
    let row = 0;
    const findings = findingsAfter((rows) => {
      const r = findRow(rows, 'list8', (x) => x.values.ethnicity === 'a) WBRI');
      r.values.ethnicity = 'b) WIRI';
      row = r.row;
    });
    expect(findings.map(brief)).toEqual([['list8', row, 'ethnicity', 'same-person', 'error']]);
    expect(findings[0].message).toMatch(/^Ethnicity is "b\) WIRI" here, but "a\) WBRI" on row \d+ of List 6 for the same child \(\d+\): one child has one ethnicity on every list\. Correct whichever is wrong\.$/u);
  });

  it('same-person: the value on most of a child’s rows is taken as right, and the odd one reported', () => {
    let odd: ListRow | undefined;
    const findings = findingsAfter((rows) => {
      const child = rows.get('list1')!.find((x) => rowsOfPerson(rows, spec, x.values.childId as string).length >= 3)!;
      // The first row seen: taking the first value as right would report every other row instead.
      odd = rowsOfPerson(rows, spec, child.values.childId as string)[0];
      odd.values.gender = odd.values.gender === 'a) Male' ? 'b) Female' : 'a) Male';
    });
    expect(findings.map(brief)).toEqual([[odd!.list, odd!.row, 'gender', 'same-person', 'error']]);
    expect(findings[0].message).toMatch(/ and \d+ other rows? for the same child/u);
  });

  it('same-person: dates of birth that differ by a day', () => {
    const findings = findingsAfter((rows) => {
      const r = findRow(rows, 'list8', (x) => (x.values.dateOfBirth as string).slice(5) !== '03-15' && (x.values.dateOfBirth as string).slice(5) !== '03-16');
      const d = new Date(`${r.values.dateOfBirth as string}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() - 1);
      r.values.dateOfBirth = d.toISOString().slice(0, 10);
    });
    expect(findings.map((f) => [f.rule, f.column])).toEqual([['same-person', 'dateOfBirth']]);
  });

  it('an adopter and a child with the same id are different people', () => {
    const findings = findingsAfter((rows) => {
      const child = rows.get('list6')![0];
      const adopter = rows.get('list11')![0];
      adopter.values.adopterId = child.values.childId;
      adopter.values.gender = child.values.gender === 'a) Male' ? 'b) Female' : 'a) Male';
    });
    expect(findings).toEqual([]);
  });
});

describe('children who must be on another list', () => {
  it('appears-in: an ICPC that led to a plan, with no List 7 row', () => {
    let row = 0;
    const findings = findingsAfter((rows) => {
      const onPlan = new Set(rows.get('list7')!.map((r) => r.values.childId));
      const r = findRow(rows, 'list5', (x) => x.values.icpcResultedInPlan === 'b) No' && !onPlan.has(x.values.childId));
      r.values.icpcResultedInPlan = 'a) Yes';
      row = r.row;
    });
    expect(findings.map(brief)).toEqual([['list5', row, 'icpcResultedInPlan', 'appears-in', 'error']]);
    expect(findings[0].message).toMatch(
      /^This child's initial child protection conference led to a plan, but the child is not on List 7 \(child protection\)\. Child \d+: add the child to List 7 \(child protection\), or correct Did the Initial Child Protection Conference Result in a Child Protection Plan\.$/u,
    );
  });

  it('appears-in: a child in care missing from List 6', () => {
    let id: unknown;
    const findings = findingsAfter((rows) => {
      const inCare = new Set(rows.get('list8')!.map((r) => r.values.childId));
      const list6 = rows.get('list6')!;
      const i = list6.findIndex((r) => inCare.has(r.values.childId));
      id = list6[i].values.childId;
      list6.splice(i, 1);
    });
    expect(findings.map((f) => [f.list, f.rule, f.column])).toEqual([['list8', 'appears-in', 'childId']]);
    expect(findings[0].message).toContain(`Child ${id as string}: add the child to List 6 (children in need)`);
  });

  it('appears-in: nothing is reported against a list that was not imported at all', () => {
    const findings = findingsAfter((rows) => rows.delete('list7'));
    expect(findings).toEqual([]);
  });
});

describe('case status', () => {
  it('case-status: a child open on List 8 whose case status is not looked after', () => {
    let row = 0;
    const findings = findingsAfter((rows) => {
      const r = findRow(rows, 'list6', (x) => x.values.caseStatus === 'a) Looked after child');
      r.values.caseStatus = 'c) Child in need plan';
      row = r.row;
    });
    expect(findings.map(brief)).toEqual([['list6', row, 'caseStatus', 'case-status', 'error']]);
    expect(findings[0].message).toMatch(/^Case status is "c\) Child in need plan", but this child \(\d+\) has an open row on List 8 \(children in care\), so it should be "a\) Looked after child" \(the first status that applies\)\./u);
  });

  it('case-status: looked after, though the period of care on List 8 has ended', () => {
    const findings = findingsAfter((rows) => {
      const ceased = new Set(rows.get('list8')!.filter((r) => r.values.dateCeasedLookedAfter !== null).map((r) => r.values.childId));
      findRow(rows, 'list6', (x) => ceased.has(x.values.childId)).values.caseStatus = 'a) Looked after child';
    });
    expect(findings.map((f) => [f.rule, f.column])).toEqual([['case-status', 'caseStatus']]);
    expect(findings[0].message).toMatch(/row on List 8 \(children in care\) is closed \(Date Ceased to be Looked After \d\d\/\d\d\/\d{4}\)/u);
  });

  it('case-status: a plan open on List 7 makes the status child protection, unless the child is looked after', () => {
    const small = testSpec();
    const row = (list: string, n: number, values: ListRow['values']): ListRow => ({ list, source: `${list}.csv`, row: n, values: { sex: 'a) Male', ethnicity: 'a) WBRI', dateOfBirth: '2015-01-01', age: 9, ...values } });
    const lists = (status: string, inCare: boolean) =>
      new Map<string, ListRow[]>([
        ['list6', [row('list6', 2, { childId: '1', cinStartDate: '2023-01-01', cinClosureDate: null, reasonForClosure: null, caseStatus: status })]],
        ['list7', [row('list7', 2, { childId: '1', cppStartDate: '2023-06-01', cppEndDate: null, previousPlans: 0 })]],
        [
          'list8',
          inCare
            ? [row('list8', 2, { childId: '1', dateStartedLookedAfter: '2023-09-01', legalStatus: 'C1: ICO', placements: 1, dateCeasedLookedAfter: null, placementPostcode: 'B1 1AA', laOfPlacement: 'Dudley', missingOffered: null, missingAccepted: null })]
            : [],
        ],
      ]);
    const rules = (status: string, inCare: boolean) => validateLists(small, lists(status, inCare), { inspectionDate: TEST_INSPECTION_DATE }).map((f) => f.rule);
    expect(rules('b) Child Protection plan', false)).toEqual([]);
    expect(rules('c) Child in need plan', false)).toEqual(['case-status']);
    expect(rules('a) Looked after child', true)).toEqual([]);
    expect(rules('b) Child Protection plan', true)).toEqual(['case-status']);
  });

  it('one rule tying a column to another list is a condition, not a status: a child already on a plan may have later enquiries with no ICPC', () => {
    const findings = findingsAfter((rows) => {
      const onPlan = rows.get('list7')!.find((r) => r.values.cpPlanEndDate === null)!.values;
      const enquiry = rows.get('list5')!.find((r) => r.values.icpcUnnecessary === 'a) Yes')!;
      const { childId, gender, ethnicity, dateOfBirth, age } = onPlan;
      rows.get('list5')!.push({ ...enquiry, row: 5000, values: { ...enquiry.values, childId, gender, ethnicity, dateOfBirth, age } });
    });
    expect(findings.filter((f) => f.rule === 'case-status' || f.rule === 'appears-in')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { createSummariser, summariseAnnexA } from '../../../core/annexa/summaries.ts';
import type { ListRow, Value } from '../../../core/annexa/model.ts';
import { annexASpec } from '../../../shared/annexa/index.ts';
import { AnnexASummaries } from '../../../shared/annexa/summaries.ts';
import type { ListSummary, SummaryFigure, SummaryTable } from '../../../shared/annexa/summaries.ts';

const spec = annexASpec('annex-a-2024')!;
const spec2019 = annexASpec('annex-a-2019')!;
const INSPECTION = '2024-06-03';

let n = 0;
function r(list: string, values: Record<string, Value>): ListRow {
  n += 1;
  return { list, source: `${list}.csv`, row: n + 2, values };
}

async function summarise(rows: ListRow[], s = spec): Promise<Map<string, ListSummary>> {
  const result = AnnexASummaries.parse(await summariseAnnexA(s, INSPECTION, rows));
  return new Map(result.lists.map((l) => [l.list, l]));
}

function figure(list: ListSummary | undefined, id: string): SummaryFigure {
  const f = list?.figures.find((x) => x.id === id);
  if (!f) throw new Error(`no figure ${id} in ${list?.list}: ${list?.figures.map((x) => x.id).join(', ')}`);
  return f;
}

function rowsOf(list: ListSummary | undefined, id: string): Record<string, number[]> {
  const t: SummaryTable | undefined = list?.tables.find((x) => x.id === id);
  if (!t) throw new Error(`no table ${id} in ${list?.list}`);
  return Object.fromEntries(t.rows.map((row) => [row.label, row.values]));
}

const share = (f: SummaryFigure) => [f.count, f.of];

describe('the summaries', () => {
  it('give every list a valid summary with a plain label for each figure, even with no rows', async () => {
    for (const s of [spec, spec2019]) {
      const lists = await summarise([], s);
      expect([...lists.keys()]).toEqual(s.lists.map((l) => l.key));
      for (const list of lists.values()) {
        expect(list.title).toMatch(/^List \d+: /u);
        expect(figure(list, 'rows').value).toBe(0);
        for (const f of list.figures) {
          expect(f.label.length).toBeGreaterThan(5);
          if (f.unit === 'percent' || f.unit === 'working days' || f.unit === 'days') expect(f.value).toBeNull();
        }
      }
    }
  });

  it('count contacts, children, sources and contacts per child, and who was also referred', async () => {
    const lists = await summarise([
      r('list1', { childId: '1', contactSource: 'q) 6: Police', dateOfContact: '2024-05-01' }),
      r('list1', { childId: '1', contactSource: 'q) 6: Police', dateOfContact: '2024-05-20' }),
      r('list1', { childId: '2', contactSource: 'e) 2A: Schools', dateOfContact: '2024-05-02' }),
      r('list1', { childId: '3', contactSource: null, dateOfContact: '2024-05-02' }),
      r('list3', { childId: '2', dateOfReferral: '2024-05-03' }),
    ]);
    const contacts = lists.get('list1');
    expect(figure(contacts, 'rows').value).toBe(4);
    expect(figure(contacts, 'children').value).toBe(3);
    expect(share(figure(contacts, 'alsoReferred'))).toEqual([1, 3]);
    const sources = rowsOf(contacts, 'contactSource');
    expect(sources['6: Police']).toEqual([2]);
    expect(sources['2A: Schools']).toEqual([1]);
    expect(sources['1A: Individual']).toEqual([0]); // every code stays, so the chart keeps its shape
    expect(sources['Not recorded']).toEqual([1]);
    expect(rowsOf(contacts, 'perChild')).toEqual({ '1': [2], '2': [1], '3': [0], '4': [0], '5 or more': [0] });
  });

  it('put ages in ChAT’s groups by sex, an unborn child under 1 and a missing age from the date of birth', async () => {
    const ages: [number | null, string | null, string | null][] = [
      [-1, 'a) Male', null],
      [0, 'a) Male', null],
      [1, 'b) Female', null],
      [4, 'b) Female', null],
      [5, 'a) Male', null],
      [9, 'a) Male', null],
      [10, 'd) Neither', null],
      [15, 'c) Not stated/recorded', null],
      [16, 'a) Male', null],
      [null, 'b) Female', '2014-06-04'], // 9 the day before the inspection… so still 9
      [null, null, null],
    ];
    const lists = await summarise(ages.map(([age, gender, dob]) => r('list1', { childId: 'x', age, gender, dateOfBirth: dob })));
    const table = lists.get('list1')!.tables.find((t) => t.id === 'ageBySex')!;
    expect(table.series).toEqual(['Male', 'Female', 'Not stated/recorded', 'Neither', 'Not recorded']);
    expect(Object.fromEntries(table.rows.map((row) => [row.label, row.values]))).toEqual({
      'Under 1 (incl. unborn)': [2, 0, 0, 0, 0],
      '1–4': [0, 2, 0, 0, 0],
      '5–9': [2, 1, 0, 0, 0],
      '10–15': [0, 0, 1, 1, 0],
      '16 and over': [1, 0, 0, 0, 0],
      'Not recorded': [0, 0, 0, 0, 1],
    });
  });

  it('find re-referrals, and no further action among answered referrals', async () => {
    const lists = await summarise([
      r('list3', { childId: '1', referralsInLast12Months: 1, referralNfa: 'a) Yes' }),
      r('list3', { childId: '2', referralsInLast12Months: 2, referralNfa: 'b) No' }),
      r('list3', { childId: '3', referralsInLast12Months: 6, referralNfa: null }),
      r('list3', { childId: '4', referralsInLast12Months: null, referralNfa: 'b) No' }),
    ]);
    const referrals = lists.get('list3');
    expect(share(figure(referrals, 'repeat'))).toEqual([2, 3]);
    expect(share(figure(referrals, 'nfa'))).toEqual([1, 3]);
    expect(rowsOf(referrals, 'referralsIn12Months')).toEqual({ '1': [1], '2': [1], '3': [0], '4': [0], '5 or more': [1], 'Not recorded': [1] });
  });

  it('time assessments in working days, with bank holidays, against 45', async () => {
    const lists = await summarise([
      r('list4', { childId: '1', continuousAssessmentStartDate: '2024-01-02', assessmentAuthorisationDate: '2024-03-05', requiresSupport: 'a) Yes' }), // 45
      r('list4', { childId: '2', continuousAssessmentStartDate: '2024-01-02', assessmentAuthorisationDate: '2024-03-06', requiresSupport: 'b) No' }), // 46
      r('list4', { childId: '3', continuousAssessmentStartDate: '2024-03-01', assessmentAuthorisationDate: '2024-05-06' }), // 43: Easter and early May
      r('list4', { childId: '4', continuousAssessmentStartDate: '2024-04-10', assessmentAuthorisationDate: '2024-04-10' }), // same day
      r('list4', { childId: '5', continuousAssessmentStartDate: '2024-04-10', assessmentAuthorisationDate: '2024-04-09' }), // ends before it starts
      r('list4', { childId: '6', continuousAssessmentStartDate: '2024-03-01', assessmentAuthorisationDate: null }), // open, 64 working days
      r('list4', { childId: '7', continuousAssessmentStartDate: '2024-05-20', assessmentAuthorisationDate: null }), // open, 9
    ]);
    const a = lists.get('list4');
    expect(figure(a, 'completed').value).toBe(5);
    expect(share(figure(a, 'within45'))).toEqual([3, 5]);
    expect(figure(a, 'averageDays').value).toBeCloseTo((45 + 46 + 43 + 0) / 4);
    expect(share(figure(a, 'openOverdue'))).toEqual([1, 2]);
    expect(share(figure(a, 'requiresSupport'))).toEqual([1, 2]);
    const bands = rowsOf(a, 'duration');
    expect(bands['Same day']).toEqual([1]);
    expect(bands['41–45']).toEqual([2]);
    expect(bands['46–50']).toEqual([1]);
    expect(bands['Ends before it starts']).toEqual([1]);
  });

  it('time strategy discussion to conference against 15 working days, skipping the Platinum Jubilee', async () => {
    const lists = await summarise([
      r('list5', { childId: '1', strategyDiscussionDate: '2024-05-01', icpcDate: '2024-05-22', icpcResultedInPlan: 'a) Yes', s47sInLast12Months: 0, icpcUnnecessary: 'b) No' }), // 14
      r('list5', { childId: '2', strategyDiscussionDate: '2024-04-02', icpcDate: '2024-04-24', icpcResultedInPlan: 'b) No', s47sInLast12Months: 1, icpcUnnecessary: 'b) No' }), // 16
      r('list5', { childId: '3', strategyDiscussionDate: '2022-05-26', icpcDate: '2022-06-17', icpcResultedInPlan: 'a) Yes', s47sInLast12Months: 2, icpcUnnecessary: 'b) No' }), // 14, not 16
      r('list5', { childId: '4', strategyDiscussionDate: '2024-05-28', icpcDate: null, icpcUnnecessary: 'a) Yes', s47sInLast12Months: null }),
    ]);
    const s = lists.get('list5');
    expect(figure(s, 'icpcs').value).toBe(3);
    expect(share(figure(s, 'within15'))).toEqual([2, 3]);
    expect(share(figure(s, 'icpcToPlan'))).toEqual([2, 3]);
    expect(share(figure(s, 'icpcUnnecessary'))).toEqual([1, 4]);
    expect(share(figure(s, 'repeat'))).toEqual([2, 3]);
    const bands = rowsOf(s, 'strategyToIcpc');
    expect(bands['14–15']).toEqual([2]);
    expect(bands['16–17']).toEqual([1]);
  });

  it('band child protection visits in 4 weeks and count repeat plans among new ones', async () => {
    const open = { cpPlanEndDate: null };
    const lists = await summarise([
      r('list7', { childId: '1', ...open, cpPlanStartDate: '2023-01-10', dateOfLastStatutoryVisit: '2024-05-24', previousCpPlans: 0, seenAlone: 'a) Yes' }), // 10 days
      r('list7', { childId: '2', ...open, cpPlanStartDate: '2024-02-10', dateOfLastStatutoryVisit: '2024-05-04', previousCpPlans: 1, seenAlone: 'b) No' }), // 30 days
      r('list7', { childId: '3', ...open, cpPlanStartDate: '2024-05-20', dateOfLastStatutoryVisit: null, previousCpPlans: 2 }), // new, not yet visited
      r('list7', { childId: '4', ...open, cpPlanStartDate: '2024-01-02', dateOfLastStatutoryVisit: null, previousCpPlans: 0 }), // never visited
      r('list7', { childId: '5', ...open, cpPlanStartDate: '2024-01-02', dateOfLastStatutoryVisit: '2024-06-10', previousCpPlans: 0 }), // after the inspection
      r('list7', { childId: '6', cpPlanStartDate: '2021-12-01', cpPlanEndDate: '2024-03-01', previousCpPlans: 0 }), // ended after 2+ years
      r('list7', { childId: '7', cpPlanStartDate: '2023-12-01', cpPlanEndDate: '2024-04-01', previousCpPlans: 0 }),
    ]);
    const cp = lists.get('list7');
    expect(figure(cp, 'open').value).toBe(5);
    expect(share(figure(cp, 'visitsOverdue'))).toEqual([2, 5]);
    expect(rowsOf(cp, 'visits')).toMatchObject({
      'Within 4 weeks': [1],
      '4–8 weeks': [1],
      'No visit yet – opened in the last 4 weeks': [1],
      'No visit recorded': [1],
      'Visit date after the inspection date': [1],
    });
    // Started in the six months from 3 December 2023: children 2, 3, 4, 5.
    expect(share(figure(cp, 'repeatNew'))).toEqual([2, 4]);
    expect(figure(cp, 'ended').value).toBe(2);
    expect(share(figure(cp, 'endedAfter2Years'))).toEqual([1, 2]);
    expect(share(figure(cp, 'seenAlone'))).toEqual([1, 2]);
  });

  it('band visits to children in need and in care in 6 weeks', async () => {
    const lists = await summarise([
      r('list6', { childId: '1', cinStartDate: '2023-01-01', dateLastSeen: '2024-04-23', cinClosureDate: null }), // 41 days
      r('list6', { childId: '2', cinStartDate: '2023-01-01', dateLastSeen: '2024-04-21', cinClosureDate: null }), // 43 days
      r('list6', { childId: '3', cinStartDate: '2023-01-01', cinClosureDate: '2024-04-01', reasonForClosure: 'RC8 - Case closed after assessment, no further action' }),
      r('list8', { childId: '4', dateStartedLookedAfter: '2020-01-01', dateOfLastSocialWorkVisit: '2024-04-22' }), // 42 days
      r('list8', { childId: '5', dateStartedLookedAfter: '2024-05-01', dateOfLastSocialWorkVisit: null }), // 33 days in care
    ]);
    expect(share(figure(lists.get('list6'), 'seenOverdue'))).toEqual([1, 2]);
    expect(figure(lists.get('list6'), 'closed').value).toBe(1);
    expect(rowsOf(lists.get('list6'), 'reasonForClosure')['RC8 - Case closed after assessment, no further action']).toEqual([1]);
    expect(share(figure(lists.get('list8'), 'visitsOverdue'))).toEqual([0, 2]);
  });

  it('measure short- and long-term placement stability', async () => {
    const lists = await summarise([
      // In care since before 3 December 2021 (2½ years), placed before 3 June 2022 (2 years): stable.
      r('list8', { childId: '1', dateStartedLookedAfter: '2021-01-01', placementStartDate: '2022-01-01', placementsInLast12Months: 1 }),
      r('list8', { childId: '2', dateStartedLookedAfter: '2021-06-01', placementStartDate: '2023-01-01', placementsInLast12Months: 3 }),
      r('list8', { childId: '3', dateStartedLookedAfter: '2023-01-01', placementStartDate: '2023-01-01', placementsInLast12Months: 5 }),
      r('list8', { childId: '4', dateStartedLookedAfter: '2021-12-03', placementStartDate: '2022-06-03', placementsInLast12Months: 2 }), // exactly on both lines
      r('list8', { childId: '5', dateStartedLookedAfter: '2019-01-01', placementStartDate: '2019-01-01', dateCeasedLookedAfter: '2024-05-01', placementsInLast12Months: 1 }), // left care
    ]);
    const cla = lists.get('list8');
    expect(figure(cla, 'open').value).toBe(4);
    expect(share(figure(cla, 'shortTermStability'))).toEqual([2, 4]);
    expect(share(figure(cla, 'longTermStability'))).toEqual([2, 3]);
    expect(figure(cla, 'ceased').value).toBe(1);
  });

  it('give care leavers in touch, in suitable accommodation and in EET by age band', async () => {
    const leaver = (age: number, inTouch: string, suitability: string | null, activity: string | null) =>
      r('list9', { childId: String(age) + inTouch, age, inTouch, accommodationSuitability: suitability, activityStatus: activity });
    const lists = await summarise([
      leaver(17, 'a) Yes', 'a) Suitable', 'F2: Full time in education other than higher'),
      leaver(18, 'b) No', null, null),
      leaver(19, 'a) Yes', 'a) Suitable', 'G5: Not in education, employment or training - other'),
      leaver(20, 'a) Yes', 'b) Unsuitable', 'P4: Young person engaged part time in an apprenticeship'),
      leaver(21, 'e) NREQ', null, null),
      leaver(22, 'a) Yes', 'a) Suitable', 'F1: Full time in higher education'),
    ]);
    const cl = lists.get('list9');
    expect(share(figure(cl, 'inTouch17to18'))).toEqual([1, 2]);
    expect(share(figure(cl, 'inTouch19to21'))).toEqual([2, 3]);
    expect(share(figure(cl, 'suitable19to21'))).toEqual([1, 3]);
    expect(share(figure(cl, 'eet19to21'))).toEqual([1, 3]);
    expect(rowsOf(cl, 'byAge')).toEqual({ '16 or under': [0, 0, 0, 0], '17–18': [2, 1, 1, 1], '19–21': [3, 2, 1, 1], '22 and over': [1, 1, 1, 1] });
  });

  it('time adoption from entering care to moving in, with fostering for adoption first', async () => {
    const lists = await summarise([
      r('list10', { childId: '1', dateEnteredCare: '2022-01-01', adoptionDecisionDate: '2022-06-01', placementOrderDate: '2022-09-01', matchingDate: '2022-12-01', datePlacedForAdoption: '2023-06-01', ffaPlacementDate: '2022-12-20', adoptionOrderDate: '2024-01-10' }),
      r('list10', { childId: '2', dateEnteredCare: '2022-01-01', adoptionDecisionDate: '2022-06-01', placementOrderDate: '2022-09-01', matchingDate: '2023-09-01', datePlacedForAdoption: '2023-09-15' }),
      r('list10', { childId: '3', dateEnteredCare: '2023-06-01', adoptionDecisionDate: '2024-01-15' }),
      r('list10', { childId: '4', dateEnteredCare: '2023-01-01', adoptionDecisionDate: '2023-08-01', decisionReversedDate: '2024-02-01', reasonNoLongerPlaced: 'RD4 - Any other reason' }),
    ]);
    const ad = lists.get('list10');
    expect(figure(ad, 'placed').value).toBe(2);
    expect(figure(ad, 'careToMovedIn').value).toBeCloseTo((353 + 622) / 2);
    expect(share(figure(ad, 'careToMovedInWithin'))).toEqual([1, 2]);
    expect(figure(ad, 'orderToMatch').value).toBeCloseTo((91 + 365) / 2);
    expect(share(figure(ad, 'orderToMatchWithin'))).toEqual([1, 2]);
    expect(figure(ad, 'adopted').value).toBe(1);
    expect(figure(ad, 'waiting').value).toBe(1);
    expect(figure(ad, 'reversed').value).toBe(1);
    expect(rowsOf(ad, 'careToMovedIn')).toMatchObject({ '6–12 months': [1], '18 months–2 years': [1] });
  });

  it('give adopters their furthest stage and families', async () => {
    const lists = await summarise([
      r('list11', { adopterId: 'a', familyId: 'F1', enquiryDate: '2023-07-01', stage1StartDate: '2023-08-01', applicationApprovedDate: '2024-02-01', fosteringForAdoption: 'Yes' }),
      r('list11', { adopterId: 'b', familyId: 'F1', enquiryDate: '2023-07-01', stage1StartDate: '2023-08-01', applicationApprovedDate: '2024-02-01', fosteringForAdoption: 'No' }),
      r('list11', { adopterId: 'c', familyId: 'F2', enquiryDate: '2023-09-01', leftProcessDate: '2024-01-01', reasonLeftProcess: '1 - Adopter withdrew from process' }),
    ]);
    const a = lists.get('list11');
    expect(figure(a, 'families').value).toBe(2);
    expect(figure(a, 'approvedWaiting').value).toBe(2);
    expect(share(figure(a, 'ffa'))).toEqual([1, 3]);
    expect(figure(a, 'toApproval').value).toBe(184);
    expect(rowsOf(a, 'stage')).toMatchObject({ Approved: [2], 'Left the process': [1] });
  });

  it('give the same result whatever order the rows come in', async () => {
    const rows = [
      r('list1', { childId: '1', contactSource: 'q) 6: Police' }),
      r('list3', { childId: '1', referralsInLast12Months: 2 }),
      r('list1', { childId: '2', contactSource: 'q) 6: Police' }),
      r('list7', { childId: '1', cpPlanStartDate: '2024-01-02' }),
    ];
    const forward = await summariseAnnexA(spec, INSPECTION, rows);
    const backward = createSummariser(spec, INSPECTION);
    for (const row of [...rows].reverse()) backward.add(row);
    expect(backward.result()).toEqual(forward);
  });

  it('read only columns the spec has (a misspelt key would count every row as not recorded)', () => {
    for (const list of [...spec.lists, ...spec2019.lists]) {
      const read = new Set<string>();
      const values = new Proxy({} as Record<string, Value>, {
        get(_, key) {
          if (typeof key === 'string') read.add(key);
          return null;
        },
      });
      const summariser = createSummariser(spec.lists.includes(list) ? spec : spec2019, INSPECTION);
      summariser.add({ list: list.key, source: 'x', row: 3, values });
      summariser.result();
      const columns = new Set(list.columns.map((c) => c.key));
      expect([...read].filter((k) => !columns.has(k)), list.key).toEqual([]);
      expect(read.size, list.key).toBeGreaterThan(3);
    }
  });

  it('refuse an inspection date that is not a date, and a row of a list the spec lacks', () => {
    expect(() => createSummariser(spec, '03/06/2024')).toThrow(/YYYY-MM-DD/u);
    expect(() => createSummariser(spec, INSPECTION).add(r('list12', {}))).toThrow(/list12/u);
  });
});

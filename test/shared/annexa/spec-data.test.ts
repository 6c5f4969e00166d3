/**
 * The content of the built-in Annex A specifications: the August 2019 template as Ofsted wrote it
 * (quirks included), the later additions only in the later version, and the choices that are ours
 * (windows, row keys, pseudonymisation, rules, synonyms, aliases) as the brief and the research
 * notes (../shared/reference/annex-a.md, sections 3-7) set them.
 */
import { describe, expect, it } from 'vitest';
import { ANNEX_A_SPECS, annexASpec, codeKeys, codeSet, columnByKey, listByKey, matchCode, matchColumn } from '../../../shared/annexa/index.ts';
import type { AnnexASpec, ListSpec } from '../../../shared/annexa/index.ts';

const s2019 = annexASpec('annex-a-2019')!;
const s2024 = annexASpec('annex-a-2024')!;
const both = [
  ['annex-a-2019', s2019],
  ['annex-a-2024', s2024],
] as const;

function list(spec: AnnexASpec, key: string): ListSpec {
  const l = listByKey(spec, key);
  if (!l) throw new Error(`${spec.id} has no ${key}`);
  return l;
}
const header = (spec: AnnexASpec, listKey: string, key: string) => columnByKey(list(spec, listKey), key)?.header;
const values = (spec: AnnexASpec, key: string) => codeSet(spec, key)!.values.map((v) => v.value);

describe('the August 2019 template', () => {
  it('has the eleven lists in template order, with their sheets and title rows', () => {
    expect(s2019.lists.map((l) => [l.key, l.number, l.sheet, l.title])).toEqual([
      ['list1', 1, 'List_1', 'List 1: Contacts'],
      ['list2', 2, 'List_2', 'List 2: Early Help'],
      ['list3', 3, 'List_3', 'List 3: Referral'],
      ['list4', 4, 'List_4', 'List 4: Assessments'],
      ['list5', 5, 'List_5', 'List 5: Section 47 enquiries and Initial Child Protection Conferences'],
      ['list6', 6, 'List_6', 'List 6: Children in Need'],
      ['list7', 7, 'List_7', 'List 7: Child protection'],
      ['list8', 8, 'List_8', 'List 8: Children in care'],
      ['list9', 9, 'List_9', 'List 9: Care leavers'],
      ['list10', 10, 'List_10', 'List 10: Adoption'],
      ['list11', 11, 'List_11', 'List 11: Adopters'],
    ]);
  });

  it('has 165 columns (169 with the later List 9 additions)', () => {
    expect(s2019.lists.map((l) => l.columns.length)).toEqual([7, 8, 11, 12, 14, 14, 17, 34, 13, 16, 19]);
    expect(s2019.lists.reduce((n, l) => n + l.columns.length, 0)).toBe(165);
    expect(s2024.lists.reduce((n, l) => n + l.columns.length, 0)).toBe(169);
  });

  it('spells the headers exactly as the template does, quirks included', () => {
    for (const [, s] of both) {
      // Trailing spaces.
      expect(header(s, 'list8', 'dateCeasedLookedAfter')).toBe('Date Ceased to be Looked After ');
      expect(header(s, 'list9', 'inTouch')).toBe('LA In Touch ');
      expect(header(s, 'list10', 'adoptionOrderDate')).toBe('Date of Adoption Order ');
      expect(header(s, 'list11', 'adoptionOrderDate')).toBe('Date of Adoption Order');
      // A curly apostrophe and no question mark; straight apostrophes elsewhere; curly single quotes.
      expect(header(s, 'list4', 'requiresSupport')).toBe('Was the child assessed as requiring LA children\u2019s social care support');
      expect(header(s, 'list8', 'categoryOfNeed')).toBe("Child's Category of Need");
      expect(header(s, 'list8', 'legalStatus')).toBe("Child's Legal Status");
      expect(header(s, 'list8', 'missingEpisodes')).toBe('Number of Episodes the Child has been \u2018Missing\u2019 from their Placement in the last 12 months');
      expect(header(s, 'list8', 'absentEpisodes')).toBe('Number of Episodes the Child has been \u2018Absent\u2019 from their Placement in the last 12 months');
      // Case as the template has it.
      expect(header(s, 'list3', 'dateOfReferral')).toBe('Date of referral');
      expect(header(s, 'list6', 'caseStatus')).toBe('Case status');
      expect(header(s, 'list7', 'dateOfLatestReviewConference')).toBe('Date of latest review conference');
      expect(header(s, 'list8', 'placementPostcode')).toBe('Placement postcode');
      expect(header(s, 'list5', 'icpcResultedInPlan')).toBe('Did the Initial Child Protection Conference Result in a Child Protection Plan');
      expect(header(s, 'list11', 'childrenPlaced')).toBe('No. of children placed');
    }
  });

  it('keeps the template’s code values exactly, letter prefixes and quirks included', () => {
    for (const [, s] of both) {
      const eth = values(s, 'ethnicity');
      expect(eth.slice(0, 20)).toEqual([
        'a) WBRI', 'b) WIRI', 'c) WIRT', 'd) WOTH', 'e) WROM', 'f) MWBC', 'g) MWBA', 'h) MWAS', 'i) MOTH', 'j) AIND',
        'k) APKN', 'l) ABAN', 'm) AOTH', 'n) BCRB', 'o) BAFR', 'p) BOTH', 'q) CHNE', 'r) OOTH', 's) REFU', 's) NOBT',
      ]);
      expect(values(s, 'gender')).toEqual(['a) Male', 'b) Female', 'c) Not stated/recorded', 'd) Neither']);
      expect(values(s, 'yesNoPlain')).toEqual(['Yes', 'No']);
      expect(values(s, 'yesNoUnknown')).toEqual(['a) Yes', 'b) No', 'c) Unknown']);
      expect(values(s, 'reasonCeased')).toContain('u) X1:CodeError');
      expect(values(s, 'placementType')).toContain('j) A6: Placed for adoption - order - not foster');
      expect(values(s, 'placementType').at(-1)).toBe('zz) T4: Temporary placement - seven days or less');
      expect(values(s, 'placementType')).toContain('o) K1: Secure Children\u2019s Homes');
      expect(values(s, 'primaryNeed')).toContain('N3 - Parental disability or illness');
      expect(values(s, 'primaryNeed')).toContain('N2 - Child\u2019s disability');
      expect(values(s, 'categoryOfNeed')).toEqual([
        'N1 - Abuse or neglect', 'N2 - Child\u2019s disability', 'N3 - Parental illness or disability', 'N4 - Family in acute stress',
        'N5 - Family dysfunction', 'N6 - Socially unacceptable behaviour', 'N7 - Low income', 'N8 - Absent parenting',
      ]);
      expect(values(s, 'legalStatus')[0]).toBe('C1: ICO');
      expect(values(s, 'inTouch')).toEqual(['a) Yes', 'b) No', 'c) Died', 'd) Refu', 'e) NREQ', 'f) Rhom']);
      expect(values(s, 'accommodationType')).toContain('S: No fixed abode / homeless');
      expect(values(s, 'reasonNoLongerPlaced')[0]).toBe('RD1 - The child\u2019s needs changed subsequent to the decision');
      expect(values(s, 'reasonLeftProcess')).toEqual(['1 - Adopter withdrew from process', '2 - Process put on hold', '3 - Application refused']);
      expect(codeSet(s, 'laOfPlacement')!.open).toBe(true);
      expect(s.codeSets.filter((c) => c.open).map((c) => c.key)).toEqual(['laOfPlacement']);
    }
  });

  it('gives the bare code wherever a value has one', () => {
    const codes = (key: string) => codeSet(s2019, key)!.values.map((v) => v.code);
    expect(codes('ethnicity').slice(0, 20)).toEqual(values(s2019, 'ethnicity').slice(0, 20).map((v) => v.slice(3)));
    expect(codes('source').slice(0, 4)).toEqual(['1A', '1B', '1C', '1D']);
    expect(codes('reasonForClosure')).toEqual(['RC1', 'RC2', 'RC3', 'RC4', 'RC5', 'RC6', 'RC7', 'RC8']);
    expect(codes('placementProvider')).toEqual(['PR0', 'PR1', 'PR2', 'PR3', 'PR4', 'PR5']);
    expect(codes('placementType')[3]).toBe('U4');
    expect(codes('primaryNeed')[0]).toBe('N1');
    expect(codes('legalStatus')[0]).toBe('C1');
    expect(codes('gender')).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('the 2023-24 additions', () => {
  it('change only List 9 among the lists', () => {
    for (const l of s2019.lists) {
      if (l.key === 'list9') continue;
      expect(list(s2024, l.key), l.key).toEqual(l);
    }
  });

  it('add four List 9 columns where the later tools put them', () => {
    const keys = (s: AnnexASpec) => list(s, 'list9').columns.map((c) => c.key);
    expect(keys(s2019)).toEqual([
      'childId', 'gender', 'ethnicity', 'dateOfBirth', 'age', 'disability', 'allocatedTeam', 'allocatedWorker',
      'eligibility', 'inTouch', 'accommodationType', 'accommodationSuitability', 'activityStatus',
    ]);
    expect(keys(s2024)).toEqual([
      'childId', 'gender', 'ethnicity', 'dateOfBirth', 'age', 'uasc', 'disability', 'allocatedTeam', 'allocatedWorker', 'personalAdviser',
      'eligibility', 'latestPathwayPlanReviewDate', 'inTouch', 'latestDateOfContact', 'accommodationType', 'accommodationSuitability', 'activityStatus',
    ]);
    expect(header(s2024, 'list9', 'uasc')).toBe('Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)');
    expect(header(s2024, 'list9', 'personalAdviser')).toBe('Allocated Personal Advisor');
    expect(header(s2024, 'list9', 'latestPathwayPlanReviewDate')).toBe('Latest Pathway Plan Review Date');
    expect(header(s2024, 'list9', 'latestDateOfContact')).toBe('Latest Date of Contact');
    const shared = list(s2019, 'list9').columns;
    expect(list(s2024, 'list9').columns.filter((c) => shared.some((d) => d.key === c.key))).toEqual(shared);
  });

  it('change exactly these code sets, and only as section 5 of the notes says', () => {
    const changed = s2019.codeSets.filter((c) => JSON.stringify(c) !== JSON.stringify(codeSet(s2024, c.key))).map((c) => c.key);
    expect(changed.sort()).toEqual(['activityStatus', 'eligibility', 'reasonCeased', 'reasonForClosure', 'source', 'yesNo']);
    expect(s2024.codeSets.map((c) => c.key)).toEqual(s2019.codeSets.map((c) => c.key));

    const source = values(s2024, 'source');
    expect(source.indexOf('p1) 5D: LA services')).toBe(source.indexOf('p) 5C: LA services') + 1);
    expect(values(s2019, 'source')).not.toContain('p1) 5D: LA services');
    expect(values(s2024, 'reasonForClosure').at(-1)).toBe('RC9 - Case closed after assessment, referred to early help');
    expect(values(s2019, 'reasonForClosure').some((v) => v.startsWith('RC9'))).toBe(false);
    expect(values(s2024, 'eligibility')).toEqual(['a) Relevant child', 'b) Former relevant child', 'c) Qualifying care leaver', 'd) Eligible child']);
    expect(values(s2019, 'eligibility')).toEqual(['a) Relevant child', 'b) Former relevant child', 'c) Qualifying care leaver']);
    expect(codeSet(s2024, 'activityStatus')!.values.map((v) => v.code)).toEqual(['F1', 'P1', 'F2', 'P2', 'F3', 'P3', 'F4', 'P4', 'F5', 'P5', 'G4', 'G5', 'G6']);
    expect(codeSet(s2019, 'activityStatus')!.values.map((v) => v.code)).toEqual(['F1', 'P1', 'F2', 'P2', 'F3', 'P3', 'G4', 'G5', 'G6']);
    expect(values(s2024, 'yesNo')).toEqual(['a) Yes', 'b) No']);
    expect(values(s2019, 'yesNo')).toEqual(['a) Yes', 'b) No', 'c) Unknown']);
    const e17 = (s: AnnexASpec) => codeSet(s, 'reasonCeased')!.values.find((v) => v.code === 'E17');
    expect(e17(s2019)?.discouraged).toBeTruthy();
    expect(e17(s2024)).toMatchObject({ value: 'v) E17: Aged 18+ and remained with current carers' });
    expect(e17(s2024)?.discouraged).toBeUndefined();
  });

  it('warn (not refuse) only on values Ofsted lists for completeness, tool variants and superseded codes', () => {
    const discouraged = (s: AnnexASpec) => s.codeSets.flatMap((c) => c.values.filter((v) => v.discouraged).map((v) => `${c.key}: ${v.value}`));
    expect(discouraged(s2019)).toEqual([
      'ethnicity: u) UNKNOWN',
      'yesNo: c) Unknown',
      'reasonForClosure: RC8 - Case closed after assessment, no further action',
      'legalStatus: V3: Short term breaks, episodes recorded',
      'legalStatus: V4: Short term breaks, agreements recorded',
      'reasonCeased: u) X1:CodeError',
      'reasonCeased: v) E17: Aged 18+ and remained with current carers',
    ]);
    expect(discouraged(s2024)).toEqual([
      'ethnicity: u) UNKNOWN',
      'reasonForClosure: RC8 - Case closed after assessment, no further action',
      'legalStatus: V3: Short term breaks, episodes recorded',
      'legalStatus: V4: Short term breaks, agreements recorded',
      'reasonCeased: u) X1:CodeError',
      'activityStatus: F3: Full time in training or employment',
      'activityStatus: P3: Part time in training or employment',
    ]);
  });

  it('do not make the unverified 2026 Gender → Sex rename a version, but read Sex as Gender everywhere', () => {
    expect(ANNEX_A_SPECS).toHaveLength(2);
    for (const [, s] of both) {
      for (const l of s.lists) {
        expect(header(s, l.key, 'gender'), `${s.id} ${l.key}`).toBe('Gender');
        expect(matchColumn(l, 'Sex')?.key, `${s.id} ${l.key}`).toBe('gender');
      }
    }
  });
});

describe('columns', () => {
  it.each(both)('%s: one header is one key in every list, and shared columns share their key', (_id, s) => {
    const keyOf = new Map<string, Set<string>>();
    for (const l of s.lists) for (const c of l.columns) keyOf.set(c.header, (keyOf.get(c.header) ?? new Set()).add(c.key));
    for (const [h, keys] of keyOf) expect([...keys], h).toHaveLength(1);
    const everywhere = ['gender', 'ethnicity'];
    for (const l of s.lists) for (const k of everywhere) expect(columnByKey(l, k), `${l.key} ${k}`).toBeDefined();
    for (const l of s.lists.slice(0, 10)) for (const k of ['childId', 'dateOfBirth', 'age']) expect(columnByKey(l, k), `${l.key} ${k}`).toBeDefined();
    for (const n of [4, 5, 6, 7, 8, 9, 10, 11]) expect(columnByKey(list(s, `list${n}`), 'disability')).toBeDefined();
    for (const n of [3, 4, 5, 6, 7, 8, 9]) {
      expect(columnByKey(list(s, `list${n}`), 'allocatedTeam')).toBeDefined();
      expect(columnByKey(list(s, `list${n}`), 'allocatedWorker')).toBeDefined();
    }
  });

  it.each(both)('%s: every column has a help sentence and its types fit', (_id, s) => {
    for (const l of s.lists) {
      for (const c of l.columns) {
        const where = `${l.key} ${c.key}`;
        expect(c.help, where).toMatch(/^[A-Z].*[.]$/u);
        expect(c.help, `${where}: one sentence`).not.toMatch(/[.;] [A-Z]/u);
        if (/date/iu.test(c.key) && c.key !== 'dateOfBirth') expect(c.type, where).toBe('date');
      }
    }
  });

  it('requires what the guidance says must be filled in', () => {
    const required = (s: AnnexASpec) => Object.fromEntries(s.lists.map((l) => [l.key, l.columns.filter((c) => c.required).map((c) => c.key)]));
    const common = ['childId', 'gender', 'ethnicity'];
    expect(required(s2019)).toEqual({
      list1: [...common, 'dateOfContact', 'contactSource'],
      list2: [...common, 'assessmentStartDate', 'assessmentOrganisation'],
      list3: [...common, 'dateOfReferral', 'referralSource', 'referralNfa', 'referralsInLast12Months', 'allocatedTeam', 'allocatedWorker'],
      list4: [...common, 'disability', 'continuousAssessmentStartDate', 'childSeen', 'allocatedTeam', 'allocatedWorker'],
      list5: [...common, 'disability', 'strategyDiscussionDate', 's47sInLast12Months', 'icpcsInLast12Months', 'allocatedTeam', 'allocatedWorker'],
      list6: [...common, 'disability', 'cinStartDate', 'primaryNeed', 'caseStatus', 'allocatedTeam', 'allocatedWorker'],
      list7: [...common, 'disability', 'cpPlanStartDate', 'initialCategoryOfAbuse', 'latestCategoryOfAbuse', 'epoOrPoliceProtection', 'previousCpPlans', 'allocatedTeam', 'allocatedWorker'],
      list8: [...common, 'uasc', 'disability', 'dateStartedLookedAfter', 'categoryOfNeed', 'subsequentPeriod', 'legalStatusStartDate', 'legalStatus',
        'placementsInLast12Months', 'placementStartDate', 'placementType', 'placementProvider', 'placementPostcode', 'placementLocation', 'placementLa',
        'missingEpisodes', 'absentEpisodes', 'allocatedTeam', 'allocatedWorker'],
      list9: [...common, 'disability', 'allocatedTeam', 'allocatedWorker', 'eligibility', 'inTouch'],
      list10: ['childId', 'gender', 'ethnicity', 'disability', 'dateEnteredCare', 'adoptionDecisionDate'],
      list11: ['adopterId', 'gender', 'ethnicity', 'disability', 'fosteringForAdoption', 'enquiryDate'],
    });
    expect(required(s2024).list9).toEqual([...common, 'disability', 'allocatedTeam', 'allocatedWorker', 'personalAdviser', 'eligibility', 'inTouch']);
  });

  it('sets the smallest sensible whole number: -1 for the unborn, 1 placement, 0 for counts', () => {
    const mins = (s: AnnexASpec) =>
      Object.fromEntries(s.lists.flatMap((l) => l.columns.filter((c) => c.type === 'integer').map((c) => [`${l.key}.${c.key}`, c.min])));
    expect(mins(s2019)).toEqual({
      'list1.age': -1, 'list2.age': -1, 'list3.age': -1, 'list4.age': -1, 'list5.age': -1, 'list6.age': -1, 'list7.age': -1,
      'list8.age': 0, 'list9.age': 16, 'list10.age': -1,
      'list3.referralsInLast12Months': 0, 'list5.s47sInLast12Months': 0, 'list5.icpcsInLast12Months': 0, 'list7.previousCpPlans': 0,
      'list8.placementsInLast12Months': 1, 'list8.missingEpisodes': 0, 'list8.absentEpisodes': 0, 'list11.childrenPlaced': 0,
    });
  });

  it.each(both)('%s: pseudonymises ids, dates of birth, postcodes and the names and free text that identify people', (_id, s) => {
    const personal = Object.fromEntries(s.lists.flatMap((l) => l.columns.filter((c) => c.personal).map((c) => [`${l.key}.${c.key}`, c.personal])));
    const expected: Record<string, string> = {};
    for (const l of s.lists.slice(0, 10)) Object.assign(expected, { [`${l.key}.childId`]: 'person-id', [`${l.key}.dateOfBirth`]: 'dob' });
    for (const n of [3, 4, 5, 6, 7, 8, 9]) expected[`list${n}.allocatedWorker`] = 'remove';
    Object.assign(expected, {
      'list2.assessmentOrganisation': 'remove',
      'list8.placementPostcode': 'postcode',
      'list8.placementUrn': 'remove',
      'list10.familyId': 'family-id',
      'list11.adopterId': 'person-id',
      'list11.familyId': 'family-id',
    });
    if (s.id === 'annex-a-2024') expected['list9.personalAdviser'] = 'remove';
    expect(personal).toEqual(expected);
    // A team is an organisation, not a person: kept, so the pseudonymised copy still shows where work sits.
    expect(s.lists.flatMap((l) => l.columns.filter((c) => c.key === 'allocatedTeam' && c.personal))).toEqual([]);
  });
});

describe('lists', () => {
  it.each(both)('%s: windows follow each list’s scope', (_id, s) => {
    expect(Object.fromEntries(s.lists.map((l) => [l.key, l.window]))).toEqual({
      list1: { kind: 'events', column: 'dateOfContact', months: 6 },
      // Assessments in the six months plus early help going on now: an assessment that began
      // earlier but is still open (or ended within the six months) belongs.
      list2: { kind: 'open-or-closed', start: 'assessmentStartDate', end: 'assessmentCompletionDate', months: 6 },
      list3: { kind: 'events', column: 'dateOfReferral', months: 6 },
      // "Including assessments that are currently open"; the authorisation date "will be within the last six months".
      list4: { kind: 'open-or-closed', start: 'continuousAssessmentStartDate', end: 'assessmentAuthorisationDate', months: 6 },
      list5: { kind: 'events', column: 'strategyDiscussionDate', months: 6 },
      list6: { kind: 'open-or-closed', start: 'cinStartDate', end: 'cinClosureDate', months: 6 },
      list7: { kind: 'open-or-closed', start: 'cpPlanStartDate', end: 'cpPlanEndDate', months: 6 },
      list8: { kind: 'open-or-closed', start: 'dateStartedLookedAfter', end: 'dateCeasedLookedAfter', months: 6 },
      list9: { kind: 'current' },
      list10: {
        kind: 'any-event', columns: ['adoptionDecisionDate', 'adoptionOrderDate', 'decisionReversedDate'], months: 12,
        openWhileBlank: ['adoptionOrderDate', 'decisionReversedDate'],
      },
      // Anyone in the process in the 12 months, from application to adoption order: not the enquiry date alone.
      list11: {
        kind: 'any-event',
        columns: ['enquiryDate', 'stage1StartDate', 'stage1EndDate', 'stage2StartDate', 'stage2EndDate', 'applicationSubmittedDate',
          'applicationApprovedDate', 'matchedDate', 'placedDate', 'adoptionOrderDate', 'leftProcessDate'],
        months: 12, openWhileBlank: ['adoptionOrderDate', 'leftProcessDate'],
      },
    });
  });

  it.each(both)('%s: whose rows they are, one per person on lists 6-11, and the de-duplication keys', (_id, s) => {
    expect(s.lists.map((l) => [l.key, l.person, l.onePerPerson, l.rowKey])).toEqual([
      ['list1', 'childId', false, ['childId', 'dateOfContact', 'contactSource']],
      ['list2', 'childId', false, ['childId', 'assessmentStartDate']],
      ['list3', 'childId', false, ['childId', 'dateOfReferral', 'referralSource']],
      ['list4', 'childId', false, ['childId', 'continuousAssessmentStartDate']],
      ['list5', 'childId', false, ['childId', 'strategyDiscussionDate']],
      ['list6', 'childId', true, ['childId', 'cinStartDate']],
      ['list7', 'childId', true, ['childId', 'cpPlanStartDate']],
      ['list8', 'childId', true, ['childId', 'dateStartedLookedAfter', 'legalStatus', 'placementType', 'placementProvider', 'placementPostcode']],
      ['list9', 'childId', true, ['childId']],
      ['list10', 'childId', true, ['childId', 'adoptionDecisionDate']],
      ['list11', 'adopterId', true, ['adopterId', 'enquiryDate']],
    ]);
  });

  it.each(both)('%s: carry the row rules of section 7.4', (_id, s) => {
    const rules = (k: string) => list(s, k).rules;
    expect(rules('list1')).toEqual({ order: [], together: [], requires: [], blankWhen: [] });
    expect(rules('list2').order).toEqual([['assessmentStartDate', 'assessmentCompletionDate']]);
    expect(rules('list4').order).toEqual([['continuousAssessmentStartDate', 'assessmentAuthorisationDate']]);
    expect(rules('list4').requires).toEqual([{ if: 'requiresSupport', then: 'assessmentAuthorisationDate' }]);
    expect(rules('list5')).toEqual({
      order: [['strategyDiscussionDate', 'icpcDate']],
      together: [],
      requires: [{ if: 'icpcResultedInPlan', then: 'icpcDate' }],
      blankWhen: [{ column: 'icpcUnnecessary', values: ['a) Yes'], blank: ['icpcDate', 'icpcResultedInPlan'] }],
    });
    expect(rules('list6').order).toEqual([['cinStartDate', 'cinClosureDate']]);
    expect(rules('list6').together).toEqual([['cinClosureDate', 'reasonForClosure']]);
    expect(rules('list6').blankWhen[0].values).not.toContain('e) Closed episode');
    expect(rules('list7').order).toEqual([['cpPlanStartDate', 'cpPlanEndDate'], ['cpPlanStartDate', 'dateOfLatestReviewConference']]);
    expect(rules('list8').order).toEqual(expect.arrayContaining([['dateStartedLookedAfter', 'dateCeasedLookedAfter'], ['placementStartDate', 'dateCeasedLookedAfter'], ['dateOfBirth', 'dateStartedLookedAfter']]));
    expect(rules('list8').together).toEqual([['dateCeasedLookedAfter', 'reasonCeasedLookedAfter']]);
    expect(rules('list8').blankWhen).toEqual([{ column: 'returnInterviewOffered', values: ['b) No'], blank: ['returnInterviewAccepted'] }]);
    expect(rules('list9').blankWhen).toEqual([
      { column: 'inTouch', values: ['b) No', 'c) Died', 'd) Refu'], blank: ['accommodationType', 'accommodationSuitability', 'activityStatus'] },
    ]);
    expect(rules('list10').order).toEqual(expect.arrayContaining([
      ['adoptionDecisionDate', 'placementOrderDate'], ['placementOrderDate', 'matchingDate'], ['matchingDate', 'datePlacedForAdoption'],
      ['datePlacedForAdoption', 'adoptionOrderDate'], ['ffaPlacementDate', 'datePlacedForAdoption'],
    ]));
    expect(rules('list10').together).toEqual([['decisionReversedDate', 'reasonNoLongerPlaced']]);
    expect(rules('list11').order).toEqual(expect.arrayContaining([
      ['enquiryDate', 'stage1StartDate'], ['stage1StartDate', 'stage1EndDate'], ['stage2StartDate', 'stage2EndDate'],
      ['applicationApprovedDate', 'matchedDate'], ['matchedDate', 'placedDate'], ['placedDate', 'adoptionOrderDate'],
    ]));
    expect(rules('list11').together).toEqual([['leftProcessDate', 'reasonLeftProcess']]);
  });

  it.each(both)('%s: never say an unborn child’s early events come before birth (lists 1-7 allow pre-birth work)', (_id, s) => {
    for (const n of [1, 2, 3, 4, 5, 6, 7]) {
      expect(list(s, `list${n}`).rules.order.filter(([a]) => a === 'dateOfBirth'), `list${n}`).toEqual([]);
    }
  });

  it.each(both)('%s: carry the cross-list rules', (_id, s) => {
    expect(s.crossRules.samePerson).toEqual(['gender', 'ethnicity', 'dateOfBirth']);
    expect(s.crossRules.appearsIn.map(({ message: _m, ...r }) => r)).toEqual([
      { list: 'list5', when: { column: 'icpcResultedInPlan', values: ['a) Yes'] }, in: 'list7' },
      { list: 'list8', in: 'list6' },
      { list: 'list7', in: 'list6' },
      { list: 'list6', when: { column: 'caseStatus', values: ['a) Looked after child'] }, in: 'list8' },
      { list: 'list6', when: { column: 'caseStatus', values: ['b) Child Protection plan'] }, in: 'list7', openIn: 'cpPlanEndDate' },
    ]);
  });
});

describe('reading extracts', () => {
  it.each(both)('%s: no alias or code can mean two values of one set', (_id, s) => {
    for (const set of s.codeSets) {
      const owner = new Map<string, string>();
      for (const v of set.values) {
        for (const key of codeKeys(v)) {
          expect(owner.get(key) ?? v.value, `${set.key}: "${key}"`).toBe(v.value);
          owner.set(key, v.value);
        }
      }
    }
  });

  const HEADERS: [string, string, string][] = [
    ['list1', 'ChildID', 'childId'], ['list1', 'Child ID', 'childId'], ['list1', 'LAC ID', 'childId'], ['list1', 'PersonID', 'childId'],
    ['list1', 'Person ID', 'childId'], ['list1', 'PERSON_ID', 'childId'], ['list1', 'Client ID', 'childId'], ['list1', 'DOB', 'dateOfBirth'],
    ['list1', 'Birth Date', 'dateOfBirth'], ['list1', 'Sex', 'gender'], ['list1', 'Ethnic Code', 'ethnicity'], ['list1', 'Ethnicity Code', 'ethnicity'],
    ['list1', 'Age', 'age'], ['list1', 'Contact Date', 'dateOfContact'], ['list1', 'contact source', 'contactSource'],
    ['list3', 'Referral Date', 'dateOfReferral'], ['list3', 'Date of Referral', 'dateOfReferral'], ['list3', 'Team', 'allocatedTeam'],
    ['list3', 'Worker', 'allocatedWorker'], ['list3', 'Social Worker', 'allocatedWorker'], ['list3', 'NFA', 'referralNfa'],
    ['list4', "Was the child assessed as requiring LA children's social care support?", 'requiresSupport'],
    ['list4', 'Was the child assessed as being in need at assessment?', 'requiresSupport'],
    ['list5', 'Strategy Discussion Date', 'strategyDiscussionDate'], ['list5', 'ICPC Date', 'icpcDate'],
    ['list6', 'Case Status', 'caseStatus'], ['list6', 'Primary Need', 'primaryNeed'], ['list7', 'CP Plan Start Date', 'cpPlanStartDate'],
    ['list8', 'Date Ceased to be Looked After', 'dateCeasedLookedAfter'], ['list8', 'Legal Status', 'legalStatus'],
    ['list8', "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months", 'missingEpisodes'],
    ['list8', 'Did the child accept a Return Interview after their last missing episode (Y/N))', 'returnInterviewAccepted'],
    ['list8', 'Is this a second or subsequent episode of being a Looked After Child within the last 12 months (Y/N)', 'subsequentPeriod'],
    ['list8', 'Postcode', 'placementPostcode'], ['list8', 'UASC', 'uasc'], ['list9', 'LA in Touch', 'inTouch'], ['list9', 'Activity', 'activityStatus'],
    ['list10', 'Date of Adoption Order', 'adoptionOrderDate'], ['list10', 'Family ID', 'familyId'],
    ['list11', 'Adopter ID', 'adopterId'], ['list11', 'Person ID', 'adopterId'], ['list11', 'FFA', 'fosteringForAdoption'],
  ];
  it.each(both)('%s: reads the headers case-management exports use', (_id, s) => {
    for (const [l, h, key] of HEADERS) expect(matchColumn(list(s, l), h)?.key, `${l} "${h}"`).toBe(key);
    expect(matchColumn(list(s, 'list11'), 'Child ID')).toBeUndefined();
  });

  it('reads the later List 9 headers in 2024 only', () => {
    expect(matchColumn(list(s2024, 'list9'), 'Allocated Personal Adviser')?.key).toBe('personalAdviser');
    expect(matchColumn(list(s2024, 'list9'), 'Latest Date of Contact')?.key).toBe('latestDateOfContact');
    expect(matchColumn(list(s2019, 'list9'), 'Allocated Personal Advisor')).toBeUndefined();
  });

  const CODES: [string, string, string][] = [
    ['gender', 'M', 'a) Male'], ['gender', 'Male', 'a) Male'], ['gender', '1', 'a) Male'], ['gender', 'F', 'b) Female'], ['gender', 'female', 'b) Female'],
    ['gender', 'U', 'c) Not stated/recorded'], ['gender', 'Unknown', 'c) Not stated/recorded'], ['gender', 'Unborn', 'c) Not stated/recorded'],
    ['gender', 'c) Not stated/recorded (or unborn)', 'c) Not stated/recorded'], ['gender', 'Indeterminate', 'd) Neither'], ['gender', 'I', 'd) Neither'],
    // List 11's guidance swaps the letters of these two; the meaning wins.
    ['gender', 'c) Neither', 'd) Neither'], ['gender', 'd) Not stated/recorded', 'c) Not stated/recorded'],
    ['ethnicity', 'WBRI', 'a) WBRI'], ['ethnicity', 'White British', 'a) WBRI'], ['ethnicity', 'WENG', 'a) WBRI'], ['ethnicity', 'BAFR', 'o) BAFR'],
    ['ethnicity', 't) NOBT', 's) NOBT'], ['ethnicity', 'NOBT', 's) NOBT'], ['ethnicity', 'Refused', 's) REFU'], ['ethnicity', 'u) UNKNOWN', 'u) UNKNOWN'],
    ['source', '1A', 'a) 1A: Individual'], ['source', '3C', 'i) 3C: Health services'], ['source', 'POLICE', 'q) 6: Police'], ['source', '10', 'u) 10: Unknown'],
    ['source', 'School nurse', 'i) 3C: Health services'],
    ['yesNo', 'Y', 'a) Yes'], ['yesNo', 'Yes', 'a) Yes'], ['yesNo', 'TRUE', 'a) Yes'], ['yesNo', '1', 'a) Yes'], ['yesNo', 'N', 'b) No'], ['yesNo', 'false', 'b) No'],
    ['yesNoUnknown', 'U', 'c) Unknown'], ['yesNoUnknown', 'Not known', 'c) Unknown'], ['yesNoPlain', 'Y', 'Yes'], ['yesNoPlain', 'a) Yes', 'Yes'],
    ['primaryNeed', 'N1', 'N1 - Abuse or neglect'], ['primaryNeed', 'Abuse or neglect', 'N1 - Abuse or neglect'],
    ['primaryNeed', "N2 - Child's disability", 'N2 - Child\u2019s disability'], ['categoryOfNeed', 'N3 - Parental disability or illness', 'N3 - Parental illness or disability'],
    ['reasonForClosure', 'RC8', 'RC8 - Case closed after assessment, no further action'], ['caseStatus', 'CLA', 'a) Looked after child'],
    ['categoryOfAbuse', 'NEG', 'a) Neglect'], ['legalStatus', 'C1', 'C1: ICO'], ['legalStatus', 'Interim care order', 'C1: ICO'], ['legalStatus', 'S20', 'V2: Single period under S20'],
    ['reasonCeased', 'E11', 'a) E11: Adopted - application unopposed'], ['reasonCeased', 'X1', 'u) X1:CodeError'],
    ['placementType', 'U4', 'd) U4: Foster placement - long term'], ['placementType', 'K2', 'p) K2: Children\u2019s Homes'],
    ['placementType', 'j) A6: Placed for adoption - order - foster', 'j) A6: Placed for adoption - order - not foster'],
    ['placementProvider', 'PR1', 'b) PR1: Own provision'], ['placementLocation', 'OUT', 'b) Out'], ['laOfPlacement', 'WAL', 'WAL - Child placed in Wales'],
    ['laOfPlacement', 'Scotland', 'SCO - Child placed in Scotland'], ['inTouch', 'RHOM', 'f) Rhom'], ['inTouch', 'Y', 'a) Yes'],
    ['accommodationType', 'D', 'D: Semi-independent, transitional accommodation and self-contained accommodation'], ['accommodationType', 'U2', 'U: Independent living'],
    ['suitability', '1', 'a) Suitable'], ['activityStatus', 'G6', 'G6: Not in education, employment or training - pregnancy or parenting'],
    ['reasonNoLongerPlaced', 'RD3', 'RD3 - Prospective adopters could not be found'], ['reasonLeftProcess', '2', '2 - Process put on hold'],
  ];
  it.each(both)('%s: reads the values systems export as the template’s codes', (_id, s) => {
    for (const [set, text, value] of CODES) expect(matchCode(codeSet(s, set)!, text)?.value, `${set} "${text}"`).toBe(value);
  });

  it('reads labels several codes share as none of them', () => {
    for (const [, s] of both) {
      expect(matchCode(codeSet(s, 'source')!, 'Individual')).toBeUndefined();
      expect(matchCode(codeSet(s, 'source')!, 'Health services')).toBeUndefined();
      expect(matchCode(codeSet(s, 'ethnicity')!, 'a) White')).toBeUndefined();
      expect(matchCode(codeSet(s, 'placementType')!, 'Foster placement')).toBeUndefined();
      expect(matchCode(codeSet(s, 'reasonCeased')!, 'zzCodeError')).toBeUndefined();
    }
  });

  it('reads the later codes in 2024 only', () => {
    const later: [string, string, string][] = [
      ['source', '5D', 'p1) 5D: LA services'], ['source', 'Early help', 'p1) 5D: LA services'],
      ['reasonForClosure', 'RC9', 'RC9 - Case closed after assessment, referred to early help'], ['eligibility', 'Eligible', 'd) Eligible child'],
      ['activityStatus', 'F4', 'F4: Young person engaged full time in an apprenticeship'],
      ['activityStatus', 'P5', 'P5: Young person engaged part time in training or employment (not apprenticeship)'],
    ];
    for (const [set, text, value] of later) {
      expect(matchCode(codeSet(s2024, set)!, text)?.value, `2024 ${set} "${text}"`).toBe(value);
      expect(matchCode(codeSet(s2019, set)!, text), `2019 ${set} "${text}"`).toBeUndefined();
    }
    expect(matchCode(codeSet(s2019, 'yesNo')!, 'c) Unknown')?.discouraged).toBeTruthy();
    expect(matchCode(codeSet(s2024, 'yesNo')!, 'c) Unknown')).toBeUndefined();
  });
});

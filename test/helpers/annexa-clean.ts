/**
 * A clean, realistic Annex A dataset for all eleven lists of a real spec (annex-a-2019 or
 * annex-a-2024), as normalised rows: what a careful council would hand over. Validation must find
 * no error in it and no warning either; a test breaks one thing and expects exactly that finding.
 *
 * Children follow journeys, so every list agrees with the others: contacts, referrals,
 * assessments, section 47 enquiries whose ICPCs lead to the plans on List 7, children in need
 * whose case status follows their open plan or period of care, children in care (all on List 6),
 * care leavers, adoption (some placed children still in care), and adopters in couples. One child
 * keeps one id, sex, ethnicity and date of birth everywhere; unborn children have an expected date
 * of birth and pre-birth work; counts repeat on each of a child's rows; dates sit inside each
 * list's period and in the order the spec's rules ask.
 *
 * Seeded and deterministic. `children` sets the size: about 2.3 rows a child, so 50,000 children
 * give the 113,000 rows of a large council.
 */
import type { AnnexASpec, ListSpec } from '../../shared/annexa/spec-schema.ts';
import { addDays, addMonths, ageAt, dayNumber } from '../../core/annexa/dates.ts';
import type { ListRow, Value } from '../../core/annexa/model.ts';
import { seededRandom as random } from './seeded-random.ts';

export const CLEAN_INSPECTION_DATE = '2024-03-15';

export interface CleanOptions {
  inspectionDate?: string;
  children?: number;
  seed?: number;
}


interface Child {
  id: string;
  gender: string;
  ethnicity: string;
  dob: string;
  unborn: boolean;
}

const TEAMS = ['Assessment Team North', 'Assessment Team South', 'Children in Need Team', 'Child Protection Team', 'Children in Care Team', 'Leaving Care Team', 'Disabled Children Team'];
const WORKERS = ['A. Khan', 'B. Okafor', 'C. Nowak', 'D. Evans', 'E. Murphy', 'F. Hussain', 'G. Taylor', 'H. Patel', 'J. Williams', 'K. Smith'];
const ORGANISATIONS = ['Early Help Hub', 'Riverside Primary School', 'Health Visiting Service', 'Family Hub East', 'Youth Service'];
const PLACEMENT_LAS = ['Birmingham', 'Sandwell', 'Solihull', 'Walsall', 'Wolverhampton'];
const POSTCODES = ['B1 1AA', 'B15 2TT', 'B29 6BD', 'B70 9LD', 'B91 3QB', 'WS1 1TP', 'WV1 1RQ', 'SW1A 2AA', 'M60 1QD'];

export function cleanAnnexA(spec: AnnexASpec, options: CleanOptions = {}): Map<string, ListRow[]> {
  const D = options.inspectionDate ?? CLEAN_INSPECTION_DATE;
  const rnd = random(options.seed ?? 20240315);
  const n = options.children ?? 400;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const chance = (p: number) => rnd() < p;
  const pickOf = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  /** A date from `lo` to `hi`, both included; an empty range is a mistake in this helper. */
  const between = (lo: string, hi: string) => {
    if (hi < lo) throw new Error(`cleanAnnexA: no date between ${lo} and ${hi}`);
    return addDays(lo, int(0, dayNumber(hi) - dayNumber(lo)));
  };
  /** An optional date from `lo` to `hi`: blank when there is no such day. */
  const maybeBetween = (lo: string, hi: string) => (hi < lo ? null : between(lo, hi));
  const latest = (...dates: string[]) => dates.reduce((a, b) => (a > b ? a : b));
  const earliest = (...dates: string[]) => dates.reduce((a, b) => (a < b ? a : b));
  // A day inside the window, so no row sits on its edge.
  const windowStart = (months: number) => addDays(addMonths(D, -months), 1);
  const sixMonths = windowStart(6);
  const twelveMonths = windowStart(12);

  const lists = new Map(spec.lists.map((l) => [l.key, l]));
  const rows = new Map<string, ListRow[]>(spec.lists.map((l) => [l.key, []]));
  // Rows are copies of one blank row per list, so every row of a list has one shape (as the normaliser's do).
  const blankRows = new Map(spec.lists.map((l) => [l.key, Object.fromEntries(l.columns.map((c) => [c.key, null])) as Record<string, Value>]));

  const set = (key: string) => spec.codeSets.find((s) => s.key === key)!;
  /** The code of `setKey` whose value starts with `start` (spelt as the spec spells it). */
  const code = (setKey: string, start: string): string => {
    const v = set(setKey).values.find((x) => x.value.startsWith(start));
    if (!v) throw new Error(`cleanAnnexA: the code set ${setKey} of ${spec.id} has no value starting "${start}"`);
    return v.value;
  };
  /** Any value of a set Ofsted does not discourage. */
  const anyCode = (setKey: string, except: string[] = []): string =>
    pickOf(set(setKey).values.filter((v) => !v.discouraged && !except.some((e) => v.value.startsWith(e)))).value;
  const yes = (setKey = 'yesNo') => code(setKey, 'a) Yes');
  const no = (setKey = 'yesNo') => code(setKey, 'b) No');
  const yesNo = (p: number, setKey = 'yesNo') => (chance(p) ? yes(setKey) : no(setKey));

  /** Adds a row; `values` are checked against the list's columns so a changed spec fails here, not later. */
  function add(listKey: string, values: Record<string, Value>): void {
    const list = lists.get(listKey)!;
    const full: Record<string, Value> = { ...blankRows.get(listKey)! };
    for (const [k, v] of Object.entries(values)) {
      if (!(k in full)) continue; // a column only some versions have (List 9's later additions)
      full[k] = v;
    }
    for (const c of list.columns) {
      if (c.required && full[c.key] === null) throw new Error(`cleanAnnexA: ${listKey}.${c.key} is required but the helper left it blank`);
    }
    const all = rows.get(listKey)!;
    all.push({ list: listKey, source: `${list.sheet}.csv`, row: all.length + 2, values: full });
  }

  let nextId = 100_000;
  function child(minAge: number, maxAge: number, unborn = false): Child {
    const dob = unborn ? addDays(D, int(20, 150)) : addDays(addMonths(D, -12 * int(minAge, maxAge)), -int(20, 330));
    const ethnicities = set('ethnicity').values.filter((v) => !v.discouraged).map((v) => v.value);
    return {
      id: String(nextId++),
      gender: unborn ? code('gender', 'c)') : chance(0.5) ? code('gender', 'a)') : code('gender', 'b)'),
      ethnicity: chance(0.7) ? ethnicities[0] : pickOf(ethnicities),
      dob,
      unborn,
    };
  }
  const person = (c: Child) => ({ childId: c.id, gender: c.gender, ethnicity: c.ethnicity, dateOfBirth: c.dob, age: ageAt(c.dob, D) });
  const staff = () => ({ allocatedTeam: pickOf(TEAMS), allocatedWorker: pickOf(WORKERS) });
  /** The first day work about this child can happen: a few months before an expected birth, or from birth. */
  const from = (c: Child, notBefore: string) => latest(notBefore, c.unborn ? addMonths(c.dob, -6) : c.dob);

  /** `count` distinct dates from `lo` to `hi`, oldest first. */
  function dates(count: number, lo: string, hi: string): string[] {
    const out = new Set<string>();
    for (let tries = 0; out.size < count && tries < 50; tries++) out.add(between(lo, hi));
    return [...out].sort();
  }

  function contacts(c: Child, count: number): string[] {
    const when = dates(count, from(c, sixMonths), D);
    for (const d of when) add('list1', { ...person(c), dateOfContact: d, contactSource: anyCode('source') });
    return when;
  }

  function referrals(c: Child, count: number): string[] {
    const when = dates(count, from(c, sixMonths), D);
    const inLast12 = when.length + (chance(0.2) ? 1 : 0);
    for (const d of when) {
      add('list3', { ...person(c), dateOfReferral: d, referralSource: anyCode('source'), referralNfa: no(), referralsInLast12Months: inLast12, ...staff() });
    }
    return when;
  }

  function assessment(c: Child, start: string, open: boolean): void {
    const authorised = open ? null : between(start, earliest(addDays(start, 44), D));
    add('list4', {
      ...person(c),
      disability: code('yesNoUnknown', 'b) No'),
      continuousAssessmentStartDate: start,
      childSeen: c.unborn ? code('yesNoUnknown', 'b) No') : yes('yesNoUnknown'),
      assessmentAuthorisationDate: authorised,
      requiresSupport: authorised ? yesNo(0.6) : null,
      ...staff(),
    });
  }

  /** Section 47 enquiries; the last leads to an ICPC and a plan when `plan` is given. */
  function enquiries(c: Child, count: number, plan: string | null): void {
    const starts = dates(count, from(c, sixMonths), plan ? addDays(plan, -15) : D);
    const icpcs = starts.map((s, i) => (plan && i === starts.length - 1 ? { date: plan, plan: true } : chance(0.4) ? { date: earliest(addDays(s, int(5, 15)), D), plan: false } : null));
    const s47s = starts.length;
    const icpcCount = icpcs.filter(Boolean).length;
    starts.forEach((s, i) => {
      const icpc = icpcs[i];
      add('list5', {
        ...person(c),
        disability: code('yesNoUnknown', 'b) No'),
        strategyDiscussionDate: s,
        icpcUnnecessary: icpc ? no() : yes(),
        icpcDate: icpc?.date ?? null,
        icpcResultedInPlan: icpc ? (icpc.plan ? yes() : no()) : null,
        s47sInLast12Months: s47s,
        icpcsInLast12Months: icpcCount,
        ...staff(),
      });
    });
  }

  function cin(c: Child, start: string, status: string, closed: string | null): void {
    add('list6', {
      ...person(c),
      disability: code('yesNoUnknown', 'b) No'),
      cinStartDate: start,
      primaryNeed: code('primaryNeed', 'N1'),
      dateLastSeen: c.unborn ? null : between(latest(start, addDays(D, -40)), D),
      cinClosureDate: closed,
      reasonForClosure: closed ? code('reasonForClosure', 'RC7') : null,
      caseStatus: code('caseStatus', status),
      ...staff(),
    });
  }

  // ------------------------------------------------------------------ journeys
  const frontDoorOnly = Math.round(n * 0.5);
  const earlyHelp = Math.round(n * 0.15);
  const referred = Math.round(n * 0.16);
  const inNeed = Math.round(n * 0.09);
  const protection = Math.round(n * 0.045);
  const care = Math.round(n * 0.045);
  const leavers = Math.round(n * 0.03);
  const adopted = Math.max(2, Math.round(n * 0.004));
  const adopterFamilies = Math.max(2, Math.round(n * 0.004));

  // Contacts that went no further (a few about unborn babies).
  for (let i = 0; i < frontDoorOnly; i++) contacts(child(0, 17, chance(0.02)), chance(0.25) ? 2 : 1);

  // Early help, some after a contact; some still open, started before the six months.
  for (let i = 0; i < earlyHelp; i++) {
    const c = child(0, 17);
    if (chance(0.3)) contacts(c, 1);
    const open = chance(0.4);
    const start = open ? between(from(c, addMonths(D, -14)), D) : between(from(c, sixMonths), addDays(D, -10));
    add('list2', {
      ...person(c),
      assessmentStartDate: start,
      assessmentCompletionDate: open ? null : between(start, D),
      assessmentOrganisation: pickOf(ORGANISATIONS),
    });
  }

  // Referrals, most assessed, closed with no further action or passed to early help.
  for (let i = 0; i < referred; i++) {
    const c = child(0, 17, chance(0.03));
    contacts(c, int(1, 2));
    const [first] = referrals(c, chance(0.2) ? 2 : 1);
    if (chance(0.8)) assessment(c, first, chance(0.15));
  }

  // Children in need: open plans and assessments, and episodes closed in the last six months.
  for (let i = 0; i < inNeed; i++) {
    const c = child(0, 17, chance(0.03));
    contacts(c, 1);
    const [referral] = referrals(c, 1);
    const closed = !c.unborn && chance(0.3);
    const openAssessment = !closed && chance(0.3);
    assessment(c, referral, openAssessment);
    if (chance(0.25)) enquiries(c, 1, null);
    const closure = closed ? between(referral, D) : null;
    cin(c, referral, closed ? 'e)' : openAssessment ? 'd)' : 'c)', closure);
  }

  // Child protection: plans from ICPCs in the last six months, older open plans, plans ended recently.
  for (let i = 0; i < protection; i++) {
    const kind = pickOf(['new', 'new', 'old', 'ended'] as const);
    // Only a new plan can be an unborn child's; an older plan is a born child's.
    const c = kind === 'new' ? child(0, 15, chance(0.05)) : child(3, 15);
    const start = kind === 'new' ? between(addDays(from(c, sixMonths), 20), D) : between(from(c, addMonths(D, -30)), addMonths(D, -7));
    if (kind === 'new') {
      contacts(c, 1);
      const [referral] = referrals(c, 1);
      assessment(c, earliest(referral, start), false);
      enquiries(c, chance(0.2) ? 2 : 1, start);
    }
    const ended = kind === 'ended' ? between(latest(sixMonths, addDays(start, 90)), D) : null;
    const reviewed = between(start, ended ?? D);
    add('list7', {
      ...person(c),
      disability: code('yesNoUnknown', 'b) No'),
      cpPlanStartDate: start,
      initialCategoryOfAbuse: anyCode('categoryOfAbuse'),
      latestCategoryOfAbuse: anyCode('categoryOfAbuse'),
      dateOfLastStatutoryVisit: c.unborn ? null : between(latest(start, addDays(ended ?? D, -20)), ended ?? D),
      seenAlone: c.unborn ? null : yes('yesNoUnknown'),
      dateOfLatestReviewConference: reviewed,
      cpPlanEndDate: ended,
      epoOrPoliceProtection: no(),
      previousCpPlans: chance(0.2) ? 1 : 0,
      ...staff(),
    });
    cin(c, earliest(start, kind === 'new' ? start : addDays(start, -30)), ended ? 'c)' : 'b)', null);
  }

  // Children in care (every one also a child in need), a few ceased in the last six months; some
  // placed for adoption and on List 10 too.
  const placedForAdoption: { c: Child; started: string }[] = [];
  for (let i = 0; i < care; i++) {
    const c = child(0, 17);
    const started = between(addDays(c.dob, 1), latest(addDays(c.dob, 1), addMonths(D, -2)));
    const ceased = started <= addDays(D, -60) && chance(0.15) ? between(latest(sixMonths, addDays(started, 30)), D) : null;
    const forAdoption = !ceased && started <= addMonths(D, -4) && ageAt(c.dob, D) < 6 && chance(0.3);
    const legalStart = between(started, earliest(addDays(started, 200), ceased ?? D));
    const placementStart = between(started, ceased ?? D);
    const visited = between(latest(started, addDays(ceased ?? D, -42)), ceased ?? D);
    const missing = chance(0.1) ? int(1, 3) : 0;
    const offered = missing ? yes('yesNoUnknown') : null;
    add('list8', {
      ...person(c),
      uasc: no(),
      disability: code('yesNoUnknown', 'b) No'),
      dateStartedLookedAfter: started,
      categoryOfNeed: code('categoryOfNeed', 'N1'),
      subsequentPeriod: no(),
      legalStatusStartDate: legalStart,
      legalStatus: forAdoption ? code('legalStatus', 'E1') : code('legalStatus', pickOf(['C1', 'C2', 'V2'])),
      dateOfLatestReview: between(started, ceased ?? D),
      dateOfLastSocialWorkVisit: visited,
      permanencePlan: forAdoption ? code('permanencePlan', 'b)') : anyCode('permanencePlan', ['b)']),
      dateOfLastIroContact: between(started, ceased ?? D),
      dateOfLastHealthAssessment: between(started, ceased ?? D),
      dateOfLastDentalCheck: maybeBetween(latest(started, addMonths(c.dob, 12)), ceased ?? D),
      placementsInLast12Months: int(1, 3),
      dateCeasedLookedAfter: ceased,
      reasonCeasedLookedAfter: ceased ? code('reasonCeased', 'e) E4A') : null,
      placementStartDate: placementStart,
      placementType: forAdoption ? code('placementType', 'j) A6') : code('placementType', pickOf(['d) U4', 'f) U6', 'p) K2'])),
      placementProvider: code('placementProvider', pickOf(['b) PR1', 'e) PR4'])),
      placementPostcode: pickOf(POSTCODES),
      placementUrn: null,
      placementLocation: code('placementLocation', 'a)'),
      placementLa: pickOf(PLACEMENT_LAS),
      missingEpisodes: missing,
      absentEpisodes: chance(0.1) ? 1 : 0,
      returnInterviewOffered: offered,
      returnInterviewAccepted: offered ? yesNo(0.6, 'yesNoUnknown') : null,
      ...staff(),
    });
    cin(c, started, ceased ? 'c)' : 'a)', null);
    if (forAdoption) placedForAdoption.push({ c, started });
  }

  // Care leavers, 17 to 21.
  const eligibility = ['a)', 'b)', 'c)'];
  for (let i = 0; i < leavers; i++) {
    const c = child(17, 21);
    const inTouch = chance(0.9);
    add('list9', {
      ...person(c),
      uasc: no(),
      disability: code('yesNoUnknown', 'b) No'),
      ...staff(),
      personalAdviser: pickOf(WORKERS),
      eligibility: code('eligibility', pickOf(eligibility)),
      latestPathwayPlanReviewDate: between(addMonths(D, -5), D),
      inTouch: inTouch ? code('inTouch', 'a)') : code('inTouch', 'b)'),
      latestDateOfContact: between(addMonths(D, -2), D),
      accommodationType: inTouch ? code('accommodationType', 'U') : null,
      accommodationSuitability: inTouch ? code('suitability', 'a)') : null,
      activityStatus: inTouch ? code('activityStatus', pickOf(['F1', 'F2', 'G5'])) : null,
    });
  }

  // Adoption: children placed and waiting for an order (still in care, above), and children adopted in the last year.
  const adoptionRow = (c: Child, entered: string, decision: string, order: string | null, placed: string) => {
    const placementOrder = between(decision, earliest(addDays(decision, 120), placed));
    const matched = between(placementOrder, placed);
    add('list10', {
      ...person(c),
      familyId: `F${c.id}`,
      disability: code('yesNoUnknown', 'b) No'),
      dateEnteredCare: entered,
      adoptionDecisionDate: decision,
      placementOrderDate: placementOrder,
      matchingDate: matched,
      datePlacedForAdoption: placed,
      adoptionOrderDate: order,
      decisionReversedDate: null,
      reasonNoLongerPlaced: null,
      ffaPlacementDate: null,
    });
  };
  for (const { c, started } of placedForAdoption) {
    const decision = between(started, addMonths(D, -3));
    adoptionRow(c, started, decision, null, between(decision, D));
  }
  for (let i = 0; i < adopted; i++) {
    const c = child(3, 6);
    const entered = between(addDays(c.dob, 1), addMonths(D, -30));
    const decision = between(entered, addMonths(D, -20));
    const order = between(twelveMonths, addMonths(D, -1));
    adoptionRow(c, entered, decision, order, between(decision, addMonths(order, -3)));
  }

  // Adopters: couples and single adopters, at every stage; some left the process in the last year.
  for (let f = 0; f < adopterFamilies; f++) {
    const family = `AF${1000 + f}`;
    const enquiry = between(addMonths(D, -30), addMonths(D, -2));
    const stage = int(0, 4);
    const s1s = stage >= 1 ? between(enquiry, addDays(enquiry, 40)) : null;
    const s1e = s1s && stage >= 2 ? addDays(s1s, int(40, 60)) : null;
    const s2s = s1e ? addDays(s1e, int(1, 20)) : null;
    const s2e = s2s && stage >= 3 ? addDays(s2s, int(90, 120)) : null;
    const approved = s2e && s2e <= addMonths(D, -1) ? addDays(s2e, int(10, 25)) : null;
    const matched = approved && stage >= 4 && approved <= addMonths(D, -1) ? between(approved, D) : null;
    const lastDate = [enquiry, s1s, s1e, s2s, s2e, approved, matched].filter((d): d is string => d !== null && d <= D);
    const left = stage === 0 && chance(0.5) ? between(latest(twelveMonths, lastDate.at(-1)!), D) : null;
    // Every adopter on the list had an event in the last year, or is still in the process.
    const adopters = chance(0.7) ? 2 : 1;
    for (let a = 0; a < adopters; a++) {
      add('list11', {
        adopterId: `A${f * 2 + a + 5000}`,
        familyId: family,
        gender: a === 0 ? code('gender', 'b)') : code('gender', 'a)'),
        ethnicity: set('ethnicity').values[0].value,
        disability: no(),
        fosteringForAdoption: code('yesNoPlain', 'No'),
        enquiryDate: enquiry,
        stage1StartDate: s1s && s1s <= D ? s1s : null,
        stage1EndDate: s1e && s1e <= D ? s1e : null,
        stage2StartDate: s2s && s2s <= D ? s2s : null,
        stage2EndDate: s2e && s2e <= D ? s2e : null,
        applicationSubmittedDate: s1e && s1e <= D ? s1e : null,
        applicationApprovedDate: approved && approved <= D ? approved : null,
        matchedDate: matched,
        placedDate: null,
        childrenPlaced: matched ? 0 : null,
        adoptionOrderDate: null,
        leftProcessDate: left,
        reasonLeftProcess: left ? code('reasonLeftProcess', '1') : null,
      });
    }
  }
  return rows;
}

/** The list spec of `key` (for tests that change one row). */
export function listOf(spec: AnnexASpec, key: string): ListSpec {
  return spec.lists.find((l) => l.key === key)!;
}

/** A copy of the dataset, so a test can break one row without touching another test's data. */
export function copyRows(rows: Map<string, ListRow[]>): Map<string, ListRow[]> {
  return new Map([...rows].map(([k, list]) => [k, list.map((r) => ({ ...r, values: { ...r.values } }))]));
}

/** How many rows a child (or adopter) has across every list. */
export function rowsOfPerson(rows: Map<string, ListRow[]>, spec: AnnexASpec, id: string): ListRow[] {
  return spec.lists.flatMap((l) => (rows.get(l.key) ?? []).filter((r) => r.values[l.person] === id));
}

/**
 * The first row of `listKey` that `where` accepts, for a test to change. Throws when there is
 * none, so a test never passes by changing nothing.
 */
export function findRow(rows: Map<string, ListRow[]>, listKey: string, where: (row: ListRow) => boolean): ListRow {
  const row = rows.get(listKey)?.find(where);
  if (!row) throw new Error(`No row of ${listKey} fits the test: change the clean dataset's seed or size`);
  return row;
}

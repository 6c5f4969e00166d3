/**
 * `node bench/annexa-generate.ts <out-folder> [--children 50000] [--format csv|xlsx|both] [--seed N]`
 *
 * Realistic, messy Annex A extracts of synthetic children (never real data), for the import bench
 * and tests. Children flow through the front door and beyond: contacts → referrals → assessments →
 * section 47 enquiries and ICPCs → child protection plans; children in need, children in care,
 * care leavers, adoption, and a separate set of adopters. One child keeps one id, sex, ethnicity
 * and date of birth on every list. About 113,000 rows for 50,000 children.
 *
 * The mess is the mess real extracts have: system header names (`Person ID`, `DOB`, `Sex`), bare
 * codes (`WBRI`, `M`, `Y`), dates as `1/3/24`, `2024-03-01 00:00:00` or `01-03-2024`, ids as
 * `123456.0`, `NULL` for blanks, a title line above the header, a semicolon-separated Windows-1252
 * file, a tab-separated UTF-16 one, a pipe-separated one with line breaks inside quoted fields,
 * blank lines and short rows, and List 9 in the older (2019) layout. The workbook (`--format xlsx`)
 * is in Ofsted's layout: a front sheet, then `List_1` … `List_11`, each with its title in row 1
 * and the template's headers in row 2, dates as real Excel dates; written with exceljs's
 * streaming writer.
 *
 * Deterministic: the same seed and size give the same rows (CSV files byte for byte; the
 * workbook's cells, though its zip entries carry the time they were written).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { seededRandom as random } from '../test/helpers/seeded-random.ts';

// ---------------------------------------------------------------------------------------------
// Randomness and dates


const DAY = 86_400_000;
const addDays = (d: Date, days: number) => new Date(d.getTime() + Math.round(days) * DAY);
const minDate = (a: Date, b: Date) => (a < b ? a : b);

// ---------------------------------------------------------------------------------------------
// Code sets (as the 2019 template spells them) and how systems export them

interface Code {
  full: string;
  bare: string;
  word?: string;
}
const codes = (...list: Array<[string, string, string?]>): Code[] => list.map(([full, bare, word]) => ({ full, bare, word }));

const SEX = codes(['a) Male', 'M', 'Male'], ['b) Female', 'F', 'Female'], ['c) Not stated/recorded', 'U', 'Unknown'], ['d) Neither', 'I', 'Indeterminate']);
const ETHNICITY = 'WBRI WIRI WIRT WOTH WROM MWBC MWBA MWAS MOTH AIND APKN ABAN AOTH BCRB BAFR BOTH CHNE OOTH REFU NOBT'.split(' ').map((code, i) => ({
  full: `${code === 'NOBT' ? 's' : String.fromCharCode(97 + i)}) ${code}`,
  bare: code,
}));
// Roughly an English county's mix: most children White British.
const ETHNICITY_WEIGHTS = [70, 1, 0.3, 5, 0.5, 2, 1, 1.5, 2, 2, 2, 1, 1, 1, 2.5, 0.5, 0.3, 1.5, 0.5, 4];
const SOURCES = codes(
  ['a) 1A: Individual', '1A'], ['b) 1B: Individual', '1B'], ['c) 1C: Individual', '1C'], ['d) 1D: Individual', '1D'],
  ['e) 2A: Schools', '2A'], ['f) 2B: Education services', '2B'], ['g) 3A: Health services', '3A'], ['h) 3B: Health services', '3B'],
  ['i) 3C: Health services', '3C'], ['j) 3D: Health services', '3D'], ['k) 3E: Health services', '3E'], ['l) 3F: Health services', '3F'],
  ['m) 4: Housing', '4'], ['n) 5A: LA services', '5A'], ['o) 5B: LA services', '5B'], ['p) 5C: LA services', '5C'],
  ['q) 6: Police', '6'], ['r) 7: Other legal agency', '7'], ['s) 8: Other', '8'], ['t) 9: Anonymous', '9'], ['u) 10: Unknown', '10'],
);
const SOURCE_WEIGHTS = [6, 2, 2, 1, 16, 4, 5, 4, 1, 2, 3, 2, 2, 4, 3, 1, 30, 2, 5, 1, 3];
const YES = { full: 'a) Yes', bare: 'Y', word: 'Yes' };
const NO = { full: 'b) No', bare: 'N', word: 'No' };
const UNKNOWN = { full: 'c) Unknown', bare: 'U', word: 'Unknown' };
const NEED = codes(
  ['N1 - Abuse or neglect', 'N1'], ['N2 - Child’s disability', 'N2'], ['N3 - Parental disability or illness', 'N3'], ['N4 - Family in acute stress', 'N4'],
  ['N5 - Family dysfunction', 'N5'], ['N6 - Socially unacceptable behaviour', 'N6'], ['N7 - Low income', 'N7'], ['N8 - Absent parenting', 'N8'],
);
const NEED_WEIGHTS = [55, 8, 4, 9, 15, 3, 1, 5];
const CLOSURE = codes(
  ['RC1 - Adopted', 'RC1'], ['RC3 - Child arrangements order', 'RC3'], ['RC4 - Special guardianship order', 'RC4'],
  ['RC5 - Transferred to services of another local authority', 'RC5'], ['RC7 - Services ceased for any other reason, including child no longer in need', 'RC7'],
  ['RC8 - Case closed after assessment, no further action', 'RC8'],
);
const CLOSURE_WEIGHTS = [1, 2, 2, 6, 50, 39];
const ABUSE = codes(['a) Neglect', 'N'], ['b) Physical abuse', 'P'], ['c) Sexual abuse', 'S'], ['d) Emotional abuse', 'E'], ['e) Multiple/not recommended', 'M']);
const ABUSE_WEIGHTS = [48, 8, 4, 36, 4];
const LEGAL = codes(['C1: ICO', 'C1'], ['C2: FCO', 'C2'], ['E1: Placement order', 'E1'], ['V2: Single period under S20', 'V2'], ['J2: LA accommodation under PACE', 'J2']);
const LEGAL_WEIGHTS = [18, 55, 7, 19, 1];
const PERMANENCE = codes(['a) Return to family', 'RTF'], ['b) Adoption', 'ADO'], ['c) SGO/CAO', 'SGO'], ['d) Supported living in the community', 'SLC'], ['e) Long-term residential placement', 'LTR'], ['f) Long-term fostering', 'LTF'], ['g) other', 'OTH']);
const PERMANENCE_WEIGHTS = [12, 8, 10, 8, 5, 50, 7];
const CEASED = codes(
  ['a) E11: Adopted - application unopposed', 'E11'], ['d) E3: Care taken by another LA', 'E3'], ['e) E4A: Returned home to live with parents or relatives - part of planning', 'E4A'],
  ['k) E47: Special Guardianship Orders - relative/friend', 'E47'], ['m) E5: Moved into independent living - supported', 'E5'], ['t) E8: Care ceased for any other reason', 'E8'],
);
const CEASED_WEIGHTS = [10, 2, 35, 15, 18, 20];
const PLACEMENT = codes(
  ['a) U1: Foster placement - relatives - long term', 'U1'], ['c) U3: Foster placement - relative - not FFA', 'U3'], ['d) U4: Foster placement - long term', 'U4'],
  ['f) U6: Foster placement - not FFA', 'U6'], ['i) A5: Placed for adoption - order - foster', 'A5'], ['k) P1: Placed with parents', 'P1'],
  ['l) P2: Independent living', 'P2'], ['p) K2: Children’s Homes', 'K2'], ['n) H5: Residential accommodation', 'H5'],
);
const PLACEMENT_WEIGHTS = [8, 6, 30, 22, 3, 7, 5, 12, 7];
const PROVIDER = codes(['a) PR0: Parents/Parental responsibility', 'PR0'], ['b) PR1: Own provision', 'PR1'], ['c) PR2: Other LA provision', 'PR2'], ['e) PR4: Private provision', 'PR4'], ['f) PR5: Voluntary/third sector', 'PR5']);
const PROVIDER_WEIGHTS = [7, 50, 3, 36, 4];
const ELIGIBILITY = codes(['a) Relevant child', 'REL'], ['b) Former relevant child', 'FREL'], ['c) Qualifying care leaver', 'QUAL']);
const ELIGIBILITY_WEIGHTS = [10, 80, 10];
const IN_TOUCH = codes(['a) Yes', 'YES'], ['b) No', 'NO'], ['d) Refu', 'REFU'], ['e) NREQ', 'NREQ']);
const IN_TOUCH_WEIGHTS = [88, 6, 3, 3];
const ACCOMMODATION = codes(
  ['B: Parents/relatives', 'B'], ['D: Semi-independent, transitional accommodation and self-contained accommodation', 'D'], ['E: Supported lodgings', 'E'],
  ['U: Independent living', 'U'], ['Z: With former foster carers', 'Z'], ['X: In custody', 'X'], ['T: Foyers and similar supported accommodation', 'T'],
);
const ACCOMMODATION_WEIGHTS = [15, 20, 8, 40, 10, 2, 5];
const ACTIVITY = codes(
  ['F1: Full time in higher education', 'F1'], ['F2: Full time in education other than higher', 'F2'], ['F3: Full time in training or employment', 'F3'],
  ['P3: Part time in training or employment', 'P3'], ['G5: Not in education, employment or training - other', 'G5'], ['G6: Not in education, employment or training - pregnancy or parenting', 'G6'],
);
const ACTIVITY_WEIGHTS = [8, 25, 22, 8, 30, 7];
const NO_LONGER = codes(['RD1 - The child’s needs changed subsequent to the decision', 'RD1'], ['RD2 - The Court did not make a placement order', 'RD2'], ['RD4 - Any other reason', 'RD4']);
const LEFT_ADOPTION = codes(['1 - Adopter withdrew from process', '1'], ['2 - Process put on hold', '2'], ['3 - Application refused', '3']);

const TEAMS = ['MASH (front door)', 'Assessment Team North', 'Assessment Team South', 'Safeguarding 1', 'Safeguarding 2 (duty)', 'Children in Care East', 'Children in Care West', 'Disabled Children’s Team', 'Family Support', 'Leaving Care'];
const FIRST = ['Amira', 'Ben', 'Chloe', 'Dev', 'Ella', 'Femi', 'Grace', 'Hamza', 'Isla', 'Jack', 'Kiran', 'Lucy', 'Marek', 'Niamh', 'Owen', 'Priya', 'Rhys', 'Sophie', 'Tom', 'Zoë'];
const LAST = ['Ahmed', 'Brown', 'Clarke', 'Davies', 'Evans', 'Fraser', 'Green', 'Hughes', 'Iqbal', 'Jones', 'Khan', 'Lewis', 'Murphy', 'Nowak', 'O’Neill', 'Patel', 'Roberts', 'Smith', 'Taylor', 'Williams'];
const ORGANISATIONS = ['St Mary’s Primary School', 'Riverside Academy', 'Health Visiting Service', 'Café Family Hub', 'Early Help Team', 'Northgate Children’s Centre', 'School Nurse Service'];
const PLACEMENT_LAS = ['Barsetshire', 'Barsetshire', 'Barsetshire', 'Wessex', 'Loamshire', 'Midsomer', 'WAL - Child placed in Wales'];
const POSTCODE_AREAS = ['BS1', 'BS5', 'BA2', 'TA1', 'GL4', 'SN3', 'EX2'];

// ---------------------------------------------------------------------------------------------
// The lists: the template's headers, and rows of canonical values

type Cell = string | number | Date | Code | null;

interface ListData {
  number: number;
  title: string;
  headers: string[];
  rows: Cell[][];
}

export interface GenerateOptions {
  children: number;
  seed: number;
  /** The day the lists are prepared for; windows run back from it. */
  inspectionDate?: Date;
}

interface Child {
  id: number;
  sex: Code;
  ethnicity: Code;
  dob: Date;
  disabled: Code;
}

/** Every list's rows, in memory (about 100 MB for 50,000 children); files are written from them. */
export function generateLists(options: GenerateOptions): ListData[] {
  const rand = random(options.seed);
  const inspection = options.inspectionDate ?? new Date(Date.UTC(2025, 2, 3));
  const sixMonthsAgo = new Date(Date.UTC(inspection.getUTCFullYear(), inspection.getUTCMonth() - 6, inspection.getUTCDate()));
  const chance = (p: number) => rand() < p;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const weighted = <T>(list: readonly T[], weights: readonly number[]) => {
    const total = weights.reduce((a, b) => a + b, 0);
    let r = rand() * total;
    for (let i = 0; i < list.length; i++) if ((r -= weights[i]) < 0) return list[i];
    return list[list.length - 1];
  };
  const inWindow = () => addDays(sixMonthsAgo, rand() * ((inspection.getTime() - sixMonthsAgo.getTime()) / DAY));
  const worker = () => `${pick(FIRST)} ${pick(LAST)}`;
  const ageAt = (dob: Date, at: Date) => {
    if (dob > at) return -1;
    let age = at.getUTCFullYear() - dob.getUTCFullYear();
    if (at.getUTCMonth() < dob.getUTCMonth() || (at.getUTCMonth() === dob.getUTCMonth() && at.getUTCDate() < dob.getUTCDate())) age--;
    return age;
  };
  const postcode = () => `${pick(POSTCODE_AREAS)} ${int(1, 9)}${String.fromCharCode(65 + int(0, 25))}${String.fromCharCode(65 + int(0, 25))}`;

  const usedIds = new Set<number>();
  const newId = (lo: number, hi: number) => {
    let id: number;
    do id = int(lo, hi);
    while (usedIds.has(id));
    usedIds.add(id);
    return id;
  };
  const newChild = (minAge: number, maxAge: number): Child => {
    const unborn = minAge < 0 && chance(0.01);
    const dob = unborn ? addDays(inspection, int(10, 150)) : addDays(inspection, -rand() * (maxAge - Math.max(0, minAge) + 1) * 365.25 - Math.max(0, minAge) * 365.25);
    const disabled = chance(0.07) ? YES : chance(0.03) ? UNKNOWN : NO;
    return { id: newId(100_000, 999_999), sex: weighted(SEX, [50, 48.5, 1, 0.5]), ethnicity: weighted(ETHNICITY, ETHNICITY_WEIGHTS), dob, disabled };
  };
  const person = (c: Child, at = inspection): Cell[] => [c.id, c.sex, c.ethnicity, c.dob, ageAt(c.dob, at)];

  const L: ListData[] = [
    { number: 1, title: 'List 1: Contacts', headers: ['Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age of Child (Years)', 'Date of Contact', 'Contact Source'], rows: [] },
    {
      number: 2, title: 'List 2: Early Help',
      headers: ['Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age of Child (Years)', 'Assessment start date', 'Assessment completion date', 'Organisation completing assessment'], rows: [],
    },
    {
      number: 3, title: 'List 3: Referral',
      headers: ['Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age of Child (Years)', 'Date of referral', 'Referral Source', 'Referral NFA?', 'Number of Referrals in Last 12 Months', 'Allocated Team', 'Allocated Worker'],
      rows: [],
    },
    {
      number: 4, title: 'List 4: Assessments',
      headers: [
        'Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age of Child (Years)', 'Does the Child have a Disability', 'Continuous Assessment Start Date',
        'Child Seen During Continuous Assessment', 'Continuous Assessment Date of Authorisation', 'Was the child assessed as requiring LA children’s social care support', 'Allocated Team', 'Allocated Worker',
      ],
      rows: [],
    },
    {
      number: 5, title: 'List 5: Section 47 enquiries and Initial Child Protection Conferences',
      headers: [
        'Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age of Child (Years)', 'Does the Child have a Disability', 'Strategy discussion initiating Section 47 Enquiry Start Date',
        'Was an Initial Child Protection Conference deemed unnecessary?', 'Date of Initial Child Protection Conference', 'Did the Initial Child Protection Conference Result in a Child Protection Plan',
        'Number of Section 47 Enquiries in the last 12 months', 'Number of ICPCs in the last 12 months', 'Allocated Team', 'Allocated Worker',
      ],
      rows: [],
    },
    {
      number: 6, title: 'List 6: Children in Need',
      headers: [
        'Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age of Child (Years)', 'Does the Child have a Disability', 'CIN Start Date', 'Primary Need Code', 'Date Child Was Last Seen',
        'CIN Closure Date', 'Reason for Closure', 'Case status', 'Allocated Team', 'Allocated Worker',
      ],
      rows: [],
    },
    {
      number: 7, title: 'List 7: Child protection',
      headers: [
        'Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age of Child (Years)', 'Does the Child have a Disability', 'Child Protection Plan Start Date', 'Initial Category of Abuse',
        'Latest Category of Abuse', 'Date of the Last Statutory Visit', 'Was the Child Seen Alone?', 'Date of latest review conference', 'Child Protection Plan End Date',
        'Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)', 'Number of Previous Child Protection Plans', 'Allocated Team', 'Allocated Worker',
      ],
      rows: [],
    },
    {
      number: 8, title: 'List 8: Children in care',
      headers: [
        'Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age of Child (Years)', 'Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)', 'Does the Child have a Disability',
        'Date Started to be Looked After', 'Child\'s Category of Need', 'Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)',
        'Start date of current legal status', 'Child\'s Legal Status', 'Date of Latest Statutory Review', 'Date of Last Social Work Visit', 'What is the permanence plan for this child?',
        'Date of Last IRO Visit / Contact to the Child', 'Date of Last Health Assessment', 'Date of Last Dental Check', 'Number of Placements in the Last 12 months', 'Date Ceased to be Looked After ',
        'Reason Ceased to be Looked After', 'Start Date of Most Recent Placement', 'Placement Type', 'Placement Provider', 'Placement postcode', 'URN of Placement', 'Placement Location', 'LA of Placement',
        'Number of Episodes the Child has been ‘Missing’ from their Placement in the last 12 months', 'Number of Episodes the Child has been ‘Absent’ from their Placement in the last 12 months',
        'Was the child offered a Return Interview after their last missing episode (Y/N)?', 'Did the child accept a Return Interview after their last missing episode (Y/N)?', 'Allocated Team', 'Allocated Worker',
      ],
      rows: [],
    },
    {
      // The 2019 layout: no UASC, personal adviser, pathway plan review or latest contact columns.
      number: 9, title: 'List 9: Care leavers',
      headers: [
        'Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age of Child (Years)', 'Does the Child have a Disability', 'Allocated Team', 'Allocated Worker', 'Eligibility Category',
        'LA In Touch ', 'Type of Accommodation', 'Suitability of Accommodation', 'Activity Status',
      ],
      rows: [],
    },
    {
      number: 10, title: 'List 10: Adoption',
      headers: [
        'Child Unique ID', 'Family identifier', 'Gender', 'Ethnicity', 'Date of Birth', 'Age of Child (Years)', 'Does the Child have a Disability', 'Date the Child Entered Care',
        'Date of Decision that Child Should be Placed for Adoption', 'Date of Placement Order', 'Date of Matching Child and Prospective Adopters', 'Date Placed for Adoption', 'Date of Adoption Order ',
        'Date of Decision that Child Should No Longer be Placed for Adoption', 'Reason Why Child No Longer Placed for Adoption', 'Date the child was placed for fostering in FFA or concurrent planning placement',
      ],
      rows: [],
    },
    {
      number: 11, title: 'List 11: Adopters',
      headers: [
        'Individual adopter identifier', 'Family identifier', 'Gender', 'Ethnicity', 'Disability', 'Is the (prospective) adopter fostering for adoption?', 'Date enquiry received', 'Date Stage 1 started',
        'Date Stage 1 ended', 'Date Stage 2 started', 'Date Stage 2 ended', 'Date application submitted', 'Date application approved', 'Date adopter matched with child(ren)',
        'Date child/children placed with adopter(s)', 'No. of children placed', 'Date of Adoption Order', 'Date of leaving adoption process', 'Reason for leaving adoption process',
      ],
      rows: [],
    },
  ];
  const [l1, l2, l3, l4, l5, l6, l7, l8, l9, l10, l11] = L;
  const yn = (p: number) => (chance(p) ? YES : NO);

  // Children known to the front door in the last six months, and their journeys.
  const cinRows = new Map<number, Cell[]>();
  const cinRow = (c: Child, start: Date, status: Code, open: boolean, team: string, who: string) => {
    const closed = open ? null : minDate(addDays(start, int(20, 200)), addDays(inspection, -1));
    const row: Cell[] = [
      ...person(c), c.disabled, start, weighted(NEED, NEED_WEIGHTS), open ? addDays(inspection, -int(1, 40)) : addDays(closed as Date, -int(0, 20)),
      closed, closed ? weighted(CLOSURE, CLOSURE_WEIGHTS) : null, open ? status : { full: 'e) Closed episode', bare: 'CLOSED' }, team, who,
    ];
    cinRows.set(c.id, row);
  };
  const CASE_STATUS = {
    cla: { full: 'a) Looked after child', bare: 'CLA' },
    cp: { full: 'b) Child Protection plan', bare: 'CPP' },
    cin: { full: 'c) Child in need plan', bare: 'CIN' },
    assessment: { full: 'd) Open assessment', bare: 'ASSESSMENT' },
  };

  for (let n = 0; n < options.children; n++) {
    const child = newChild(-1, 17);
    const contacts = weighted([0, 1, 2, 3], [26, 52, 15, 7]);
    if (chance(0.12)) {
      const start = inWindow();
      const done = chance(0.7) ? addDays(start, int(5, 60)) : null;
      l2.rows.push([...person(child), start, done && done < inspection ? done : null, pick(ORGANISATIONS)]);
    }
    let referrals = 0;
    let planStarted: Date | null = null;
    for (let k = 0; k < contacts; k++) {
      const contact = inWindow();
      l1.rows.push([...person(child, contact), contact, weighted(SOURCES, SOURCE_WEIGHTS)]);
      if (!chance(0.3)) continue;
      referrals++;
      const referral = minDate(addDays(contact, int(0, 3)), inspection);
      const team = pick(TEAMS.slice(0, 3));
      const who = worker();
      const nfa = chance(0.08);
      l3.rows.push([...person(child, referral), referral, weighted(SOURCES, SOURCE_WEIGHTS), nfa ? YES : NO, referrals + weighted([0, 1, 2], [75, 20, 5]), team, who]);
      if (nfa || !chance(0.95)) continue;
      const start = minDate(addDays(referral, int(0, 5)), inspection);
      const authorised = addDays(start, int(10, 70));
      const done = authorised < inspection;
      const needsSupport = done ? yn(0.55) : null;
      l4.rows.push([...person(child, start), child.disabled, start, chance(0.93) ? YES : NO, done ? authorised : null, needsSupport, team, who]);
      if (chance(0.22)) {
        const strategy = minDate(addDays(start, int(0, 10)), inspection);
        const unnecessary = chance(0.45);
        const icpc = !unnecessary && chance(0.9) ? addDays(strategy, int(5, 25)) : null;
        const held = icpc && icpc < inspection ? icpc : null;
        const plan = held ? yn(0.8) : null;
        l5.rows.push([...person(child, strategy), child.disabled, strategy, unnecessary ? YES : NO, held, plan, int(0, 1), int(0, 1), team, who]);
        if (held && plan === YES) planStarted = held;
      }
      cinRow(child, start, done ? (needsSupport === YES ? CASE_STATUS.cin : CASE_STATUS.assessment) : CASE_STATUS.assessment, !done || needsSupport === YES, team, who);
    }
    // A child protection plan from this period, or one that started earlier and is still open.
    if (!planStarted && chance(0.018)) planStarted = addDays(inspection, -int(190, 700));
    if (planStarted) {
      const ended = chance(0.25) ? addDays(planStarted, int(60, 400)) : null;
      const end = ended && ended < inspection ? ended : null;
      const initial = weighted(ABUSE, ABUSE_WEIGHTS);
      const team = pick(TEAMS.slice(3, 5));
      const who = worker();
      l7.rows.push([
        ...person(child), child.disabled, planStarted, initial, chance(0.9) ? initial : weighted(ABUSE, ABUSE_WEIGHTS), addDays(inspection, -int(1, 30)), chance(0.8) ? YES : chance(0.5) ? NO : UNKNOWN,
        addDays(planStarted, int(60, 180)) < inspection ? addDays(planStarted, int(60, 180)) : null, end, chance(0.03) ? YES : NO, weighted([0, 1, 2], [78, 18, 4]), team, who,
      ]);
      cinRow(child, addDays(planStarted, -int(10, 60)), CASE_STATUS.cp, !end, team, who);
    }
    // Children in care: some long-standing, a few newly in care.
    if (chance(0.06)) {
      const age = ageAt(child.dob, inspection);
      const started = addDays(inspection, -int(20, Math.max(21, Math.min(age, 15) * 365)));
      const ceased = chance(0.15) ? addDays(inspection, -int(1, 170)) : null;
      const end = ceased && ceased > started ? ceased : null;
      const legal = weighted(LEGAL, LEGAL_WEIGHTS);
      const placement = weighted(PLACEMENT, PLACEMENT_WEIGHTS);
      const la = pick(PLACEMENT_LAS);
      const missing = weighted([0, 1, 2, 5], [85, 8, 4, 3]);
      const offered = missing ? (chance(0.85) ? YES : NO) : null;
      const team = pick(TEAMS.slice(5, 7));
      const who = worker();
      l8.rows.push([
        ...person(child), chance(0.04) ? YES : NO, child.disabled, started, weighted(NEED, NEED_WEIGHTS), chance(0.05) ? YES : NO, addDays(started, int(0, 300)) < inspection ? addDays(started, int(0, 300)) : started,
        legal, addDays(inspection, -int(5, 180)), addDays(inspection, -int(1, 50)), weighted(PERMANENCE, PERMANENCE_WEIGHTS), addDays(inspection, -int(5, 120)),
        addDays(inspection, -int(10, 400)), chance(0.85) ? addDays(inspection, -int(10, 360)) : null, weighted([1, 2, 3, 4], [70, 20, 7, 3]), end, end ? weighted(CEASED, CEASED_WEIGHTS) : null,
        addDays(inspection, -int(5, 700)) > started ? addDays(inspection, -int(5, 700)) : started, placement, weighted(PROVIDER, PROVIDER_WEIGHTS), chance(0.03) ? null : postcode(),
        chance(0.3) ? `SC${int(100_000, 999_999)}` : null, la === 'Barsetshire' ? { full: 'a) In', bare: 'IN' } : { full: 'b) Out', bare: 'OUT' }, la,
        missing, weighted([0, 1, 3], [90, 7, 3]), offered, offered === YES ? (chance(0.6) ? YES : NO) : null, team, who,
      ]);
      cinRow(child, started, CASE_STATUS.cla, !end, team, who);
      // Younger children in care with a plan for adoption.
      if (age < 6 && chance(0.35)) {
        const decision = addDays(started, int(60, 300));
        if (decision < inspection) {
          const order = addDays(decision, int(30, 150));
          const match = addDays(order, int(30, 200));
          const placed = addDays(match, int(7, 40));
          const adopted = addDays(placed, int(70, 300));
          const reversed = chance(0.06) ? addDays(decision, int(30, 200)) : null;
          const upTo = (d: Date) => (d < inspection && !reversed ? d : null);
          l10.rows.push([
            child.id, chance(0.7) ? `F${int(1000, 9999)}` : null, child.sex, child.ethnicity, child.dob, age, child.disabled, started, decision, upTo(order), upTo(match), upTo(placed), upTo(adopted),
            reversed && reversed < inspection ? reversed : null, reversed && reversed < inspection ? pick(NO_LONGER) : null, chance(0.1) ? addDays(decision, int(5, 30)) : null,
          ]);
        }
      }
    }
    if (!cinRows.has(child.id) && chance(0.04)) cinRow(child, inWindow(), CASE_STATUS.cin, chance(0.6), pick(TEAMS.slice(7, 9)), worker());
  }
  l6.rows.push(...cinRows.values());

  // Care leavers: young people of 16 to 24, not in the children's lists.
  for (let n = 0; n < Math.round(options.children * 0.05); n++) {
    const young = newChild(16, 24);
    const inTouch = weighted(IN_TOUCH, IN_TOUCH_WEIGHTS);
    const touching = inTouch === IN_TOUCH[0];
    l9.rows.push([
      ...person(young), young.disabled, 'Leaving Care', worker(), weighted(ELIGIBILITY, ELIGIBILITY_WEIGHTS), inTouch, touching ? weighted(ACCOMMODATION, ACCOMMODATION_WEIGHTS) : null,
      touching ? (chance(0.92) ? { full: 'a) Suitable', bare: 'SUITABLE' } : { full: 'b) Unsuitable', bare: 'UNSUITABLE' }) : null, touching ? weighted(ACTIVITY, ACTIVITY_WEIGHTS) : null,
    ]);
  }

  // Adopters: individuals (two for most couples) at some stage of the process in the last year.
  for (let n = 0; n < Math.round(options.children * 0.004); n++) {
    const family = `F${int(10_000, 99_999)}`;
    const enquiry = addDays(inspection, -int(20, 700));
    const stage1 = addDays(enquiry, int(10, 60));
    const stage1End = addDays(stage1, int(40, 70));
    const stage2 = addDays(stage1End, int(1, 30));
    const stage2End = addDays(stage2, int(90, 130));
    const approved = addDays(stage2End, int(5, 30));
    const matched = addDays(approved, int(30, 250));
    const placed = addDays(matched, int(7, 40));
    const order = addDays(placed, int(70, 300));
    const left = chance(0.12) ? addDays(enquiry, int(30, 300)) : null;
    const upTo = (d: Date) => (d < inspection && (!left || d < left) ? d : null);
    const children = upTo(placed) ? weighted([1, 2, 3], [75, 20, 5]) : 0;
    for (let a = 0, couple = chance(0.7) ? 2 : 1; a < couple; a++) {
      l11.rows.push([
        `A${newId(10_000, 99_999)}`, family, weighted(SEX.slice(0, 2), [45, 55]), weighted(ETHNICITY, ETHNICITY_WEIGHTS), chance(0.05) ? YES : NO, chance(0.1) ? { full: 'Yes', bare: 'Y' } : { full: 'No', bare: 'N' },
        enquiry, upTo(stage1), upTo(stage1End), upTo(stage2), upTo(stage2End), upTo(stage2), upTo(approved), upTo(matched), upTo(placed), children || null, upTo(order),
        left && left < inspection ? left : null, left && left < inspection ? pick(LEFT_ADOPTION) : null,
      ]);
    }
  }
  return L;
}

// ---------------------------------------------------------------------------------------------
// Writing: each CSV file in its own system's style

type DateStyle = 'd/m/yy' | 'dd/mm/yyyy' | 'iso-time' | 'dd-mm-yyyy' | 'iso';
interface CsvStyle {
  file: string;
  delimiter: ',' | ';' | '\t' | '|';
  encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le';
  dates: DateStyle;
  /** How codes are written: as the template spells them, bare, or in words where there are words. */
  codes: 'full' | 'bare' | 'word';
  ids: 'plain' | 'float';
  blank: '' | 'NULL';
  /** Header text replaced (template header → the system's name for it). */
  headers?: Record<string, string>;
  /** Lines written above the header (a report title, a run date). */
  above?: string[];
  /** Blank lines among the rows, and trailing empty fields left off (rows of different lengths). */
  ragged?: boolean;
  /** Line breaks inside text ("Safeguarding 2\n(duty)"), which the field's quotes keep in one row. */
  breaks?: boolean;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
function formatDate(d: Date, style: DateStyle): string {
  const day = d.getUTCDate();
  const month = d.getUTCMonth() + 1;
  const year = d.getUTCFullYear();
  switch (style) {
    case 'd/m/yy':
      return `${day}/${month}/${pad2(year % 100)}`;
    case 'dd/mm/yyyy':
      return `${pad2(day)}/${pad2(month)}/${year}`;
    case 'dd-mm-yyyy':
      return `${pad2(day)}-${pad2(month)}-${year}`;
    case 'iso':
      return `${year}-${pad2(month)}-${pad2(day)}`;
    case 'iso-time':
      return `${year}-${pad2(month)}-${pad2(day)} 00:00:00`;
  }
}

function csvText(value: Cell, style: CsvStyle): string {
  if (value === null) return style.blank;
  if (value instanceof Date) return formatDate(value, style.dates);
  if (typeof value === 'number') return style.ids === 'float' && value >= 100_000 ? `${value}.0` : String(value);
  if (typeof value === 'string') return style.breaks ? value.replace(' (', '\n(') : value;
  return style.codes === 'bare' ? value.bare : style.codes === 'word' ? (value.word ?? value.bare) : value.full;
}

function quote(text: string, delimiter: string): string {
  return text.includes(delimiter) || /["\r\n]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Windows-1252's characters above 0x7F that are not Latin-1 (curly quotes, dashes, euro). */
const CP1252: Record<string, number> = { '€': 0x80, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, '…': 0x85 };
function encode(text: string, encoding: CsvStyle['encoding']): Uint8Array {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf-8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  if (encoding === 'utf-16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const out = Buffer.alloc(text.length);
  let n = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    out[n++] = CP1252[ch] ?? (code < 0x100 ? code : 0x3f);
  }
  return out.subarray(0, n);
}

/** How each list's CSV file looks: one system's habits per file. */
export const CSV_STYLES: readonly CsvStyle[] = [
  {
    file: 'contacts.csv', delimiter: ',', encoding: 'utf-8-bom', dates: 'd/m/yy', codes: 'bare', ids: 'float', blank: 'NULL',
    headers: { 'Child Unique ID': 'Person ID', Gender: 'Sex', 'Date of Birth': 'DOB', 'Age of Child (Years)': 'Age' },
  },
  {
    file: 'early-help.csv', delimiter: ';', encoding: 'windows-1252', dates: 'dd/mm/yyyy', codes: 'word', ids: 'plain', blank: '',
    above: ['Early Help assessments', 'Produced 28/02/2025 by the performance team'], headers: { 'Child Unique ID': 'Person ID', 'Date of Birth': 'DOB' },
  },
  { file: 'referrals.txt', delimiter: '\t', encoding: 'utf-16le', dates: 'iso-time', codes: 'full', ids: 'plain', blank: 'NULL' },
  { file: 'assessments.csv', delimiter: ',', encoding: 'utf-8', dates: 'dd/mm/yyyy', codes: 'bare', ids: 'float', blank: '', headers: { Gender: 'Sex', 'Date of Birth': 'DOB' } },
  { file: 'section-47.csv', delimiter: '|', encoding: 'utf-8', dates: 'dd-mm-yyyy', codes: 'word', ids: 'plain', blank: '', ragged: true, breaks: true },
  { file: 'children-in-need.csv', delimiter: ',', encoding: 'utf-8', dates: 'dd-mm-yyyy', codes: 'bare', ids: 'plain', blank: 'NULL', headers: { 'Child Unique ID': 'Person ID' } },
  { file: 'child-protection.csv', delimiter: ',', encoding: 'utf-8-bom', dates: 'iso', codes: 'full', ids: 'plain', blank: '', ragged: true, above: ['List 7: Child protection'] },
  { file: 'children-in-care.csv', delimiter: ',', encoding: 'utf-8', dates: 'iso-time', codes: 'bare', ids: 'float', blank: 'NULL', headers: { Gender: 'Sex', 'Date of Birth': 'DOB' } },
  { file: 'care-leavers.csv', delimiter: ',', encoding: 'windows-1252', dates: 'd/m/yy', codes: 'full', ids: 'plain', blank: '' },
  { file: 'adoption.csv', delimiter: ';', encoding: 'utf-8', dates: 'dd/mm/yyyy', codes: 'full', ids: 'plain', blank: '' },
  { file: 'adopters.csv', delimiter: ',', encoding: 'utf-8', dates: 'dd/mm/yyyy', codes: 'bare', ids: 'plain', blank: 'NULL' },
];

export function csvFile(list: ListData, style: CsvStyle, rand: () => number): Uint8Array {
  const d = style.delimiter;
  const lines: string[] = [...(style.above ?? [])];
  lines.push(list.headers.map((h) => quote(style.headers?.[h] ?? h, d)).join(d));
  for (const row of list.rows) {
    const fields = row.map((value) => quote(csvText(value, style), d));
    if (style.ragged) {
      while (fields.length > 1 && fields[fields.length - 1] === '') fields.pop();
      if (rand() < 0.002) lines.push('');
    }
    lines.push(fields.join(d));
  }
  return encode(`${lines.join('\r\n')}\r\n`, style.encoding);
}

async function writeWorkbook(path: string, lists: ListData[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  workbook.creator = 'Evidence Store test data generator';
  workbook.created = new Date(Date.UTC(2025, 1, 28));
  workbook.modified = workbook.created;
  const front = workbook.addWorksheet('Front_Sheet');
  for (const line of ['Annex A - Child level data', 'Lists 1 - 11', '', 'Synthetic children made by bench/annexa-generate.ts: not real data.']) front.addRow([line]).commit();
  front.commit();
  for (const list of lists) {
    const sheet = workbook.addWorksheet(`List_${list.number}`);
    sheet.addRow([list.title]).commit();
    sheet.addRow(list.headers).commit();
    for (const values of list.rows) {
      const row = sheet.addRow(values.map((v) => (v === null ? null : typeof v === 'object' && !(v instanceof Date) ? v.full : v)));
      values.forEach((v, i) => {
        if (v instanceof Date) row.getCell(i + 1).numFmt = 'dd/mm/yyyy';
      });
      row.commit();
    }
    sheet.commit();
  }
  await workbook.commit();
}

export interface Generated {
  files: string[];
  rows: number;
  perList: number[];
}

/** Write the extracts into `folder`; returns the files written and the row counts. */
export async function generate(folder: string, options: GenerateOptions & { format: 'csv' | 'xlsx' | 'both' }): Promise<Generated> {
  const lists = generateLists(options);
  const files: string[] = [];
  if (options.format !== 'xlsx') {
    const dir = join(folder, 'csv');
    mkdirSync(dir, { recursive: true });
    const rand = random(options.seed + 1);
    lists.forEach((list, i) => {
      const path = join(dir, CSV_STYLES[i].file);
      writeFileSync(path, csvFile(list, CSV_STYLES[i], rand));
      files.push(path);
    });
  }
  if (options.format !== 'csv') {
    const dir = join(folder, 'xlsx');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'annex-a.xlsx');
    await writeWorkbook(path, lists);
    files.push(path);
  }
  const perList = lists.map((l) => l.rows.length);
  return { files, rows: perList.reduce((a, b) => a + b, 0), perList };
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { children: { type: 'string', default: '50000' }, format: { type: 'string', default: 'both' }, seed: { type: 'string', default: '1' } },
  });
  const format = values.format as 'csv' | 'xlsx' | 'both';
  if (!positionals[0] || !['csv', 'xlsx', 'both'].includes(format)) {
    console.error('Usage: node bench/annexa-generate.ts <out-folder> [--children 50000] [--format csv|xlsx|both] [--seed N]');
    process.exit(2);
  }
  const started = performance.now();
  const result = await generate(resolve(positionals[0]), { children: Number(values.children), seed: Number(values.seed), format });
  console.log(`${result.rows} rows (${result.perList.map((n, i) => `List ${i + 1}: ${n}`).join(', ')})`);
  for (const file of result.files) console.log(`  ${file}`);
  console.log(`in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

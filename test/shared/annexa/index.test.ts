import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ANNEX_A_SPECS,
  DEFAULT_ANNEX_A_SPEC_ID,
  annexASpec,
  checkAnnexASpecs,
  codeKeys,
  codeSet,
  columnByKey,
  listByKey,
  loadAnnexASpec,
  matchCode,
  matchColumn,
  normaliseHeader,
} from '../../../shared/annexa/index.ts';
import type { AnnexASpec } from '../../../shared/annexa/index.ts';

const DATA = join(import.meta.dirname, '../../../shared/annexa/data');
const FILE = 'annex-a-2019.json';

/** A fresh, mutable copy of a built-in data file, to break on purpose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the copy is deliberately untyped: tests put wrong things in it
function raw(file = FILE): any {
  return JSON.parse(readFileSync(join(DATA, file), 'utf8'));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Raw = any;

function list(data: Raw, key: string): Raw {
  return data.lists.find((l: Raw) => l.key === key);
}
function column(data: Raw, listKey: string, key: string): Raw {
  return list(data, listKey).columns.find((c: Raw) => c.key === key);
}
function set(data: Raw, key: string): Raw {
  return data.codeSets.find((s: Raw) => s.key === key);
}

/** Loading the broken copy fails, naming the file, with a problem matching `problem`. */
function expectBroken(data: Raw, problem: RegExp, file = FILE): void {
  let message = '';
  try {
    loadAnnexASpec(file, data);
  } catch (err) {
    message = (err as Error).message;
  }
  expect(message, 'the broken file should be refused').not.toBe('');
  expect(message.split('\n')[0]).toBe(`Annex A specification ${file} is invalid:`);
  expect(message).toMatch(problem);
}

function spec(id: string): AnnexASpec {
  const s = annexASpec(id);
  if (!s) throw new Error(`no built-in spec ${id}`);
  return s;
}

describe('normaliseHeader', () => {
  it('ignores case, spaces, punctuation and quotes, straight or curly', () => {
    expect(normaliseHeader('LA In Touch ')).toBe('laintouch');
    expect(normaliseHeader('la-in-touch')).toBe('laintouch');
    expect(normaliseHeader('Was the child assessed as requiring LA children’s social care support')).toBe(
      normaliseHeader("Was the child assessed as requiring LA children's social care support?"),
    );
    expect(normaliseHeader('Number of Episodes the Child has been ‘Missing’ from their Placement')).toBe(
      normaliseHeader("Number of Episodes the Child has been 'Missing' from their Placement"),
    );
    expect(normaliseHeader('Did the child accept a Return Interview after their last missing episode (Y/N))')).toBe(
      normaliseHeader('Did the child accept a Return Interview after their last missing episode (Y/N)?'),
    );
    expect(normaliseHeader('\u00a0Child\u00a0Unique\u00a0ID\t')).toBe('childuniqueid');
    expect(normaliseHeader('PERSON_ID')).toBe(normaliseHeader('Person ID'));
  });

  it('keeps letters and digits apart from everything else, and leaves nothing of pure punctuation', () => {
    expect(normaliseHeader('a) 1A: Individual')).toBe('a1aindividual');
    expect(normaliseHeader('Stage 1 started')).toBe('stage1started');
    expect(normaliseHeader(' - / () ')).toBe('');
  });
});

describe('the built-in specifications', () => {
  it('load from their data files, oldest first, and cannot be changed by whoever reads them', () => {
    expect(ANNEX_A_SPECS.map((s) => s.id)).toEqual(['annex-a-2019', 'annex-a-2024']);
    const s = spec('annex-a-2019');
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.lists[0].columns[0].synonyms)).toBe(true);
    expect(() => {
      (s.lists as unknown as unknown[]).pop();
    }).toThrow(TypeError);
  });

  it('are exactly what the data files say (loading adds only the schema defaults)', () => {
    for (const s of ANNEX_A_SPECS) {
      const again = loadAnnexASpec(`${s.id}.json`, raw(`${s.id}.json`));
      expect(again).toEqual(s);
    }
  });

  it('make 2024 the one default, based on the verified 2019 template, and say it is unverified', () => {
    expect(DEFAULT_ANNEX_A_SPEC_ID).toBe('annex-a-2024');
    expect(ANNEX_A_SPECS.filter((s) => s.default).map((s) => s.id)).toEqual(['annex-a-2024']);
    const s2024 = spec('annex-a-2024');
    expect(s2024.basedOn).toBe('annex-a-2019');
    expect(s2024.source).toMatch(/^UNVERIFIED against Ofsted/u);
    expect(s2024.source).toMatch(/liia-tools/u);
    expect(s2024.source).toMatch(/Data to Insight/u);
    expect(spec('annex-a-2019').source).toMatch(/August 2019/u);
    expect(annexASpec('annex-a-2026')).toBeUndefined();
  });
});

describe('lookups', () => {
  const s = spec('annex-a-2019');

  it('find lists, columns and code sets by key', () => {
    const l8 = listByKey(s, 'list8');
    expect(l8?.title).toBe('List 8: Children in care');
    expect(l8 && columnByKey(l8, 'dateCeasedLookedAfter')?.header).toBe('Date Ceased to be Looked After ');
    expect(codeSet(s, 'ethnicity')?.values[0].value).toBe('a) WBRI');
    expect(listByKey(s, 'list12')).toBeUndefined();
    expect(l8 && columnByKey(l8, 'nope')).toBeUndefined();
    expect(codeSet(s, 'nope')).toBeUndefined();
  });

  it('match a header by its template spelling or a synonym, however it is spaced, cased or quoted', () => {
    const l1 = listByKey(s, 'list1')!;
    expect(matchColumn(l1, 'child unique id')?.key).toBe('childId');
    expect(matchColumn(l1, 'PERSON_ID')?.key).toBe('childId');
    expect(matchColumn(l1, 'Sex')?.key).toBe('gender');
    expect(matchColumn(l1, '')).toBeUndefined();
    expect(matchColumn(l1, 'Favourite colour')).toBeUndefined();
  });

  it('match a code by its value, bare code, prefix-less value or alias, and nothing by a blank', () => {
    const gender = codeSet(s, 'gender')!;
    expect(matchCode(gender, 'a) Male')?.value).toBe('a) Male');
    expect(matchCode(gender, 'MALE')?.value).toBe('a) Male');
    expect(matchCode(gender, 'm')?.value).toBe('a) Male');
    expect(matchCode(gender, '  ')).toBeUndefined();
    expect(matchCode(codeSet(s, 'ethnicity')!, 'wbri')?.value).toBe('a) WBRI');
  });

  it('describe every form a code is known by, normalised', () => {
    const nobt = codeSet(s, 'ethnicity')!.values.find((v) => v.code === 'NOBT')!;
    expect(codeKeys(nobt)).toEqual(expect.arrayContaining(['snobt', 'nobt', 'tnobt', 'informationnotyetobtained']));
  });
});

describe('a broken data file fails at load, naming the file and the problem', () => {
  it('the unchanged file loads', () => {
    expect(() => loadAnnexASpec(FILE, raw())).not.toThrow();
  });

  it('a schema error, located by the keys of the list and column', () => {
    const d = raw();
    column(d, 'list3', 'referralNfa').type = 'yes-no';
    expectBroken(d, /lists\[2\] \(list3\) › columns\[7\] \(referralNfa\) › type: /u);
  });

  it('a key that is not camelCase', () => {
    const d = raw();
    column(d, 'list1', 'dateOfContact').key = 'date_of_contact';
    expectBroken(d, /columns\[5\].*key: a camelCase key/u);
  });

  it('a file whose id is not its name', () => {
    expectBroken(raw(), /the id "annex-a-2019" does not match the file name/u, 'annex-a-2020.json');
  });

  it('a code column naming a code set the file does not have', () => {
    const d = raw();
    column(d, 'list3', 'referralNfa').codeSet = 'yesNoo';
    expectBroken(d, /list "list3", column "referralNfa": code set "yesNoo" is not in this file/u);
  });

  it('a code column with no code set, and a code set on a column that is not a code', () => {
    const d = raw();
    delete column(d, 'list6', 'caseStatus').codeSet;
    column(d, 'list6', 'allocatedTeam').codeSet = 'caseStatus';
    expectBroken(d, /column "caseStatus": a code column needs a codeSet/u);
    expectBroken(d, /column "allocatedTeam": only a code column has a codeSet/u);
  });

  it('a min on a column that is not an integer', () => {
    const d = raw();
    column(d, 'list1', 'dateOfBirth').min = 0;
    expectBroken(d, /column "dateOfBirth": only an integer column has a min/u);
  });

  it('a pseudonymisation that does not fit the column', () => {
    const d = raw();
    column(d, 'list1', 'dateOfContact').personal = 'postcode';
    expectBroken(d, /column "dateOfContact": personal "postcode" does not fit a date column/u);
  });

  it('a code set no column uses', () => {
    const d = raw();
    d.codeSets.push({ key: 'spare', label: 'Spare', values: [{ value: 'a) Spare' }] });
    expectBroken(d, /code set "spare" is not used by any column/u);
  });

  it('two code sets with one key', () => {
    const d = raw();
    d.codeSets.push(structuredClone(set(d, 'gender')));
    expectBroken(d, /code set "gender" is defined twice/u);
  });

  it('a value listed twice in a code set (the template’s two s) letters are two values, not one twice)', () => {
    const d = raw();
    set(d, 'caseStatus').values.push({ value: 'e) Closed episode' });
    expectBroken(d, /code set "caseStatus": the value "e\) Closed episode" is listed twice/u);
  });

  it('an alias that could mean two values of one set', () => {
    const d = raw();
    set(d, 'gender').values[1].aliases.push('m.');
    expectBroken(d, /code set "gender": "m" could mean "a\) Male" or "b\) Female"/u);
  });

  it('a bare code that collides with another value’s alias', () => {
    const d = raw();
    set(d, 'yesNo').values[1].code = 'Y';
    expectBroken(d, /code set "yesNo": "y" could mean "a\) Yes" or "b\) No"/u);
  });

  it('a bare code that does not appear in its value', () => {
    const d = raw();
    set(d, 'legalStatus').values[0].code = 'C9';
    expectBroken(d, /code set "legalStatus": the code "C9" does not appear in its value "C1: ICO"/u);
  });

  it('an alias with nothing to match on', () => {
    const d = raw();
    set(d, 'gender').values[0].aliases.push('?');
    expectBroken(d, /the alias "\?" of "a\) Male" has no letters or digits/u);
  });

  it('a value discouraged without a reason', () => {
    const d = raw();
    set(d, 'gender').values[3].discouraged = ' ';
    expectBroken(d, /"d\) Neither" is discouraged without saying why/u);
  });

  it('a synonym that could mean two columns of one list', () => {
    const d = raw();
    column(d, 'list3', 'allocatedWorker').synonyms.push('TEAM');
    expectBroken(d, /list "list3": the header "TEAM" could mean column "allocatedTeam" or "allocatedWorker"/u);
  });

  it('two template headers that are the same once spacing and case are ignored', () => {
    const d = raw();
    column(d, 'list7', 'cpPlanEndDate').header = 'child protection plan start date';
    expectBroken(d, /the header "child protection plan start date" could mean column "cpPlanStartDate" or "cpPlanEndDate"/u);
  });

  it('a header with no letters or digits', () => {
    const d = raw();
    column(d, 'list2', 'assessmentOrganisation').synonyms.push('--');
    expectBroken(d, /column "assessmentOrganisation": the header or synonym "--" has no letters or digits/u);
  });

  it('a column defined twice in a list', () => {
    const d = raw();
    const l = list(d, 'list1');
    l.columns.push({ ...structuredClone(l.columns[5]), header: 'Contact date again', synonyms: [] });
    expectBroken(d, /list "list1": column "dateOfContact" is defined twice/u);
  });

  it('lists out of order, misnamed or sharing a sheet', () => {
    const d = raw();
    [d.lists[0], d.lists[1]] = [d.lists[1], d.lists[0]];
    expectBroken(d, /list "list2" is number 2 but comes 1st in the file/u);
    const e = raw();
    list(e, 'list4').key = 'assessments';
    e.lists[3].rules.order = [];
    expectBroken(e, /list number 4 should have the key "list4", not "assessments"/u);
    const f = raw();
    list(f, 'list3').sheet = 'List_2';
    expectBroken(f, /two lists use the sheet "List_2"/u);
  });

  it('a window on a column the list does not have, or that is not a date', () => {
    const d = raw();
    list(d, 'list1').window.column = 'contactDate';
    expectBroken(d, /list "list1": the window names column "contactDate", which the list does not have/u);
    const e = raw();
    list(e, 'list7').window.end = 'previousCpPlans';
    expectBroken(e, /list "list7": the window end names column "previousCpPlans", which is integer, not date/u);
    const f = raw();
    list(f, 'list10').window.openWhileBlank.push('dateOfAdoption');
    expectBroken(f, /list "list10": the window \(openWhileBlank\) names column "dateOfAdoption"/u);
  });

  it('a person column that is missing, is not an id, or is not pseudonymised as a person', () => {
    const d = raw();
    list(d, 'list11').person = 'childId';
    expectBroken(d, /list "list11": person names column "childId", which the list does not have/u);
    const e = raw();
    list(e, 'list1').person = 'ethnicity';
    expectBroken(e, /list "list1": person names column "ethnicity", which is code, not id/u);
    const f = raw();
    column(f, 'list1', 'childId').personal = 'family-id';
    expectBroken(f, /list "list1": the person column "childId" should be pseudonymised as "person-id"/u);
  });

  it('a row key naming a column the list does not have, or one column twice', () => {
    const d = raw();
    list(d, 'list8').rowKey.push('placementPostCode');
    expectBroken(d, /list "list8": rowKey names column "placementPostCode"/u);
    const e = raw();
    list(e, 'list9').rowKey.push('childId');
    expectBroken(e, /list "list9": rowKey names "childId" twice/u);
  });

  it('row rules naming columns the list does not have, or of the wrong kind', () => {
    const order = raw();
    list(order, 'list5').rules.order.push(['strategyDiscussionDate', 'icpcDat']);
    expectBroken(order, /list "list5": an order rule names column "icpcDat"/u);
    const orderType = raw();
    list(orderType, 'list5').rules.order.push(['strategyDiscussionDate', 'icpcsInLast12Months']);
    expectBroken(orderType, /an order rule names column "icpcsInLast12Months", which is integer, not date/u);
    const self = raw();
    list(self, 'list5').rules.order.push(['icpcDate', 'icpcDate']);
    expectBroken(self, /an order rule compares "icpcDate" with itself/u);
    const together = raw();
    list(together, 'list6').rules.together.push(['cinClosureDate', 'closureReason']);
    expectBroken(together, /list "list6": a together rule names column "closureReason"/u);
    const requires = raw();
    list(requires, 'list5').rules.requires.push({ if: 'icpcOutcome', then: 'icpcDate' });
    expectBroken(requires, /list "list5": a requires rule names column "icpcOutcome"/u);
    const blank = raw();
    list(blank, 'list9').rules.blankWhen[0].blank.push('accommodation');
    expectBroken(blank, /list "list9": a blankWhen rule names column "accommodation"/u);
    const blankOn = raw();
    list(blankOn, 'list9').rules.blankWhen[0].column = 'dateOfBirth';
    expectBroken(blankOn, /a blankWhen rule names column "dateOfBirth", which is date, not code/u);
  });

  it('a blankWhen value that is not exactly a value of the column’s code set', () => {
    const d = raw();
    list(d, 'list5').rules.blankWhen[0].values = ['Yes'];
    expectBroken(d, /list "list5": a blankWhen rule on "icpcUnnecessary" names "Yes", which is not a value of code set "yesNo"/u);
  });

  it('cross-list rules naming lists or columns that do not exist', () => {
    const same = raw();
    same.crossRules.samePerson.push('sex');
    expectBroken(same, /crossRules.samePerson names column "sex", which no list has/u);
    const from = raw();
    from.crossRules.appearsIn[0].list = 'list55';
    expectBroken(from, /crossRules.appearsIn \(list55 → list7\): there is no list "list55"/u);
    const to = raw();
    to.crossRules.appearsIn[1].in = 'list66';
    expectBroken(to, /there is no list "list66"/u);
    const whenColumn = raw();
    whenColumn.crossRules.appearsIn[0].when.column = 'icpcResult';
    expectBroken(whenColumn, /"list5" has no column "icpcResult"/u);
    const whenValue = raw();
    whenValue.crossRules.appearsIn[0].when.values = ['Yes'];
    expectBroken(whenValue, /crossRules.appearsIn \(list5 → list7\): "Yes" is not a value of code set "yesNo"/u);
    const whenNotCode = raw();
    whenNotCode.crossRules.appearsIn[0].when.column = 'icpcDate';
    expectBroken(whenNotCode, /"icpcDate" is not a code column/u);
    const openIn = raw();
    openIn.crossRules.appearsIn.find((r: Raw) => r.openIn).openIn = 'cpEndDate';
    expectBroken(openIn, /\(list6 → list7\): "list7" has no column "cpEndDate"/u);
    const people = raw();
    people.crossRules.appearsIn.push({ list: 'list11', in: 'list10', message: 'Adopters are not children.' });
    expectBroken(people, /\(list11 → list10\): the lists identify different people \("adopterId" and "childId"\)/u);
  });

  it('every problem at once, one a line, so one run fixes the file', () => {
    const d = raw();
    column(d, 'list3', 'referralNfa').codeSet = 'yesNoo';
    list(d, 'list1').window.column = 'contactDate';
    let message = '';
    try {
      loadAnnexASpec(FILE, d);
    } catch (err) {
      message = (err as Error).message;
    }
    // 'yesNoo' unknown, and yesNo now unused by list3 but still used elsewhere: exactly two problems.
    expect(message.split('\n').slice(1)).toEqual([
      '- list "list1": the window names column "contactDate", which the list does not have.',
      '- list "list3", column "referralNfa": code set "yesNoo" is not in this file.',
    ]);
  });
});

describe('the set of specifications', () => {
  const loaded = () => [loadAnnexASpec('annex-a-2019.json', raw()), loadAnnexASpec('annex-a-2024.json', raw('annex-a-2024.json'))];

  it('is consistent as built', () => {
    expect(() => checkAnnexASpecs(loaded(), DEFAULT_ANNEX_A_SPEC_ID)).not.toThrow();
  });

  it('needs exactly one default, and it must be the declared one', () => {
    const none = raw('annex-a-2024.json');
    none.default = false;
    expect(() => checkAnnexASpecs([loaded()[0], loadAnnexASpec('annex-a-2024.json', none)], DEFAULT_ANNEX_A_SPEC_ID)).toThrow(
      /exactly one specification, "annex-a-2024", should have "default": true \(now: none\)/u,
    );
    const two = raw();
    two.default = true;
    expect(() => checkAnnexASpecs([loadAnnexASpec('annex-a-2019.json', two), loaded()[1]], DEFAULT_ANNEX_A_SPEC_ID)).toThrow(
      /\(now: "annex-a-2019", "annex-a-2024"\)/u,
    );
    expect(() => checkAnnexASpecs(loaded(), 'annex-a-2019')).toThrow(/exactly one specification, "annex-a-2019"/u);
  });

  it('refuses an id built in twice and a version based on one that is not built in', () => {
    expect(() => checkAnnexASpecs([...loaded(), loaded()[0]], DEFAULT_ANNEX_A_SPEC_ID)).toThrow(/"annex-a-2019" is built in twice/u);
    expect(() => checkAnnexASpecs([loaded()[1]], DEFAULT_ANNEX_A_SPEC_ID)).toThrow(
      /"annex-a-2024" is based on "annex-a-2019", which is not built in/u,
    );
  });
});

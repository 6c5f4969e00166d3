import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../../../core/annexa/dates.ts';
import type { ListRow } from '../../../../core/annexa/model.ts';
import { findRow } from '../../../helpers/annexa-clean.ts';
import { brief, D, findingsAfter, onlyRow } from './breaking.ts';

const date = (r: ListRow, key: string) => r.values[key] as string;

describe('row rules from the spec', () => {
  it('date-order: a date before the one it must follow (an assessment authorised before it started)', () => {
    let row = 0;
    const findings = findingsAfter((rows) => {
      const r = findRow(rows, 'list4', (x) => x.values.assessmentAuthorisationDate !== null && date(x, 'continuousAssessmentStartDate') > addMonths(D, -5));
      r.values.assessmentAuthorisationDate = addDays(date(r, 'continuousAssessmentStartDate'), -1);
      row = r.row;
    });
    expect(findings.map(brief)).toEqual([['list4', row, 'assessmentAuthorisationDate', 'date-order', 'error']]);
    expect(findings[0].message).toMatch(/^Continuous Assessment Date of Authorisation \(\d\d\/\d\d\/2\d{3}\) is before Continuous Assessment Start Date \(\d\d\/\d\d\/2\d{3}\), which cannot be: correct whichever date is wrong\.$/u);
  });

  it('date-order: an ICPC before its strategy discussion', () => {
    const findings = findingsAfter((rows) => {
      const r = findRow(rows, 'list5', (x) => x.values.icpcDate !== null && date(x, 'strategyDiscussionDate') > addMonths(D, -5));
      r.values.icpcDate = addDays(date(r, 'strategyDiscussionDate'), -2);
    });
    expect(findings.map((f) => [f.rule, f.column])).toEqual([['date-order', 'icpcDate']]);
  });

  it('together: a closure reason with no closure date', () => {
    const findings = findingsAfter((rows) => void (findRow(rows, 'list6', (x) => x.values.cinClosureDate !== null).values.reasonForClosure = null));
    expect(findings.map((f) => [f.rule, f.column])).toEqual([['together', 'reasonForClosure']]);
    expect(findings[0].message).toBe('CIN Closure Date is filled in but Reason for Closure is blank: they go together, so fill in Reason for Closure or clear CIN Closure Date.');
  });

  it('requires: an ICPC outcome with no ICPC date', () => {
    const findings = findingsAfter((rows) => void (findRow(rows, 'list5', (x) => x.values.icpcResultedInPlan === 'b) No').values.icpcDate = null));
    expect(findings.map((f) => [f.rule, f.column])).toEqual([['requires', 'icpcDate']]);
  });

  it('blank-when: an ICPC date where the ICPC was deemed unnecessary', () => {
    const findings = findingsAfter((rows) => {
      const r = findRow(rows, 'list5', (x) => x.values.icpcUnnecessary === 'a) Yes' && date(x, 'strategyDiscussionDate') < addDays(D, -10));
      r.values.icpcDate = addDays(date(r, 'strategyDiscussionDate'), 5);
    });
    expect(findings.map((f) => [f.rule, f.column])).toEqual([['blank-when', 'icpcDate']]);
    expect(findings[0].message).toBe('Date of Initial Child Protection Conference must be blank when Was an Initial Child Protection Conference deemed unnecessary? is "a) Yes": clear it, or correct Was an Initial Child Protection Conference deemed unnecessary?.');
  });

  it('blank-when: accommodation given for a care leaver the council is not in touch with', () => {
    const findings = findingsAfter((rows) => {
      const r = findRow(rows, 'list9', (x) => x.values.inTouch === 'a) Yes');
      r.values.inTouch = 'b) No';
    });
    expect(findings.map((f) => [f.rule, f.column])).toEqual([
      ['blank-when', 'accommodationType'],
      ['blank-when', 'accommodationSuitability'],
      ['blank-when', 'activityStatus'],
    ]);
  });
});

describe('events before birth', () => {
  it('before-birth: a date the spec ties to the date of birth (a health assessment before birth)', () => {
    const findings = findingsAfter((rows) => {
      const r = findRow(rows, 'list8', (x) => x.values.dateOfLastHealthAssessment !== null);
      r.values.dateOfLastHealthAssessment = addDays(date(r, 'dateOfBirth'), -1);
    });
    expect(findings.map((f) => [f.rule, f.column])).toEqual([['before-birth', 'dateOfLastHealthAssessment']]);
    expect(findings[0].message).toMatch(/^Date of Last Health Assessment \(.+\) is before the date of birth \(.+\): correct whichever date is wrong\.$/u);
  });

  it('before-birth: any other date before birth, on a list of children already born', () => {
    const findings = findingsAfter((rows) => {
      const r = findRow(rows, 'list8', () => true);
      r.values.dateOfLastIroContact = addDays(date(r, 'dateOfBirth'), -1);
    });
    expect(findings.map((f) => [f.rule, f.column])).toEqual([['before-birth', 'dateOfLastIroContact']]);
  });

  it('before-birth: pre-birth work is normal where a list holds unborn children, but not before conception', () => {
    const decisionBeforeBirth = (months: number) =>
      findingsAfter((rows) => {
        const r = findRow(rows, 'list10', (x) => x.values.adoptionOrderDate === null);
        r.values.adoptionDecisionDate = addMonths(date(r, 'dateOfBirth'), -months);
      });
    expect(decisionBeforeBirth(1)).toEqual([]);
    const findings = decisionBeforeBirth(11);
    expect(findings.map((f) => [f.rule, f.column])).toEqual([['before-birth', 'adoptionDecisionDate']]);
    expect(findings[0].message).toContain('more than ten months before the date of birth');
  });
});

describe('age', () => {
  it('age-mismatch: an age the date of birth does not give at the inspection date', () => {
    let row = 0;
    const findings = findingsAfter((rows) => {
      const r = findRow(rows, 'list1', (x) => onlyRow(rows, x) && (x.values.age as number) >= 2);
      r.values.age = (r.values.age as number) + 2;
      row = r.row;
    });
    expect(findings.map(brief)).toEqual([['list1', row, 'age', 'age-mismatch', 'error']]);
    expect(findings[0].message).toMatch(/^Age of Child \(Years\) is \d+, but the date of birth \(.+\) makes the child \d+ at the inspection date \(15\/03\/2024\): correct the age or the date of birth\.$/u);
  });

  it('age-mismatch: an unborn child’s age is -1', () => {
    const findings = findingsAfter((rows) => void (findRow(rows, 'list1', (x) => onlyRow(rows, x) && x.values.age === -1).values.age = 0));
    expect(findings.map((f) => f.rule)).toEqual(['age-mismatch']);
    expect(findings[0].message).toContain('makes the child unborn (age -1)');
  });

  it('accepts the age before a birthday in the days just before the inspection (the lists are prepared a little ahead)', () => {
    const birthdayDaysAgo = (days: number, age: number) =>
      findingsAfter((rows) => {
        const r = findRow(rows, 'list1', (x) => onlyRow(rows, x));
        r.values.dateOfBirth = addDays(addMonths(D, -12 * 10), -days);
        r.values.dateOfContact = D;
        r.values.age = age;
      });
    expect(birthdayDaysAgo(5, 10)).toEqual([]);
    expect(birthdayDaysAgo(5, 9)).toEqual([]);
    expect(birthdayDaysAgo(30, 9).map((f) => f.rule)).toEqual(['age-mismatch']);
  });

  it('accepts the age at the row’s own date (the contact), as some systems give it', () => {
    const contactAfterBirthday = (age: (atContact: number) => number) =>
      findingsAfter((rows) => {
        const r = findRow(rows, 'list1', (x) => onlyRow(rows, x) && x.values.age !== -1);
        r.values.dateOfBirth = addMonths(D, -12 * 10 - 2);
        r.values.dateOfContact = addMonths(D, -4);
        r.values.age = age(9);
      });
    expect(contactAfterBirthday((atContact) => atContact)).toEqual([]);
    expect(contactAfterBirthday((atContact) => atContact - 1).map((f) => f.rule)).toEqual(['age-mismatch']);
  });

  it('age-implausible: someone older than any child or care leaver is a warning', () => {
    const findings = findingsAfter((rows) => {
      const r = findRow(rows, 'list1', (x) => onlyRow(rows, x));
      r.values.dateOfBirth = addMonths(D, -12 * 30);
      r.values.age = 30;
    });
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['age-implausible', 'warning']]);
  });
});

describe('blank rows', () => {
  it('blank-row: an empty row is one warning, not a finding per blank column', () => {
    const findings = findingsAfter((rows) => {
      const list = rows.get('list1')!;
      const values = Object.fromEntries(Object.keys(list[0].values).map((k) => [k, null]));
      list.push({ list: 'list1', source: 'List_1.csv', row: 9999, values });
    });
    expect(findings.map(brief)).toEqual([['list1', 9999, null, 'blank-row', 'warning']]);
  });
});

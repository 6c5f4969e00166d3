import { describe, expect, it } from 'vitest';
import { addMonths } from '../../../../core/annexa/dates.ts';
import { findRow } from '../../../helpers/annexa-clean.ts';
import { brief, D, findingsAfter, onlyRow } from './breaking.ts';

describe('cell checks', () => {
  it('mandatory-blank: a required column left blank', () => {
    let row = 0;
    const findings = findingsAfter((rows) => {
      const r = findRow(rows, 'list3', () => true);
      r.values.allocatedTeam = null;
      row = r.row;
    });
    expect(findings.map(brief)).toEqual([['list3', row, 'allocatedTeam', 'mandatory-blank', 'error']]);
    expect(findings[0].message).toBe('Allocated Team is blank, but the template needs it on every row: fill it in from the case record.');
    expect(findings[0].source).toBe('List_3.csv');
  });

  it('date-invalid: a date that does not exist, kept as written, with the reason', () => {
    let row = 0;
    const findings = findingsAfter((rows) => {
      const r = findRow(rows, 'list1', (x) => onlyRow(rows, x));
      r.values.dateOfContact = '31/02/2024';
      row = r.row;
    });
    expect(findings.map(brief)).toEqual([['list1', row, 'dateOfContact', 'date-invalid', 'error']]);
    expect(findings[0].message).toBe('Date of Contact: "31/02/2024" is not a real date (February 2024 has 29 days). Correct it from the case record, written dd/mm/yyyy.');
  });

  it('date-invalid: a date in the right shape but an impossible year (a typing slip), not taken for a date', () => {
    let row = 0;
    const findings = findingsAfter((rows) => {
      const r = findRow(rows, 'list8', () => true);
      r.values.dateOfLastDentalCheck = '0215-05-06';
      row = r.row;
    });
    expect(findings.map(brief)).toEqual([['list8', row, 'dateOfLastDentalCheck', 'date-invalid', 'error']]);
  });

  it('date-future: an event after the inspection date', () => {
    const findings = findingsAfter((rows) => {
      findRow(rows, 'list1', (x) => onlyRow(rows, x)).values.dateOfContact = '2024-03-16';
    });
    expect(findings.map((f) => [f.rule, f.severity, f.column])).toEqual([['date-future', 'error', 'dateOfContact']]);
    expect(findings[0].message).toContain('16/03/2024 is after the inspection date (15/03/2024)');
  });

  it('date-future: a date of birth after the inspection on a list of people already born, reported once (not again for each later date)', () => {
    const findings = findingsAfter((rows) => {
      const r = findRow(rows, 'list9', () => true);
      r.values.dateOfBirth = '2024-05-01';
      r.values.age = -1; // as the normaliser works it out from that date of birth
    });
    expect(findings.map((f) => [f.list, f.rule, f.column])).toEqual([['list9', 'date-future', 'dateOfBirth']]);
    expect(findings[0].message).toContain('everyone on this list is already born');
  });

  it('date-future: an expected date of birth is allowed, but not more than ten months ahead', () => {
    const unborn = (dob: string) =>
      findingsAfter((rows) => {
        const r = findRow(rows, 'list1', (x) => onlyRow(rows, x) && x.values.age === -1);
        r.values.dateOfBirth = dob;
      });
    expect(unborn(addMonths(D, 4))).toEqual([]);
    const findings = unborn(addMonths(D, 11));
    expect(findings.map((f) => [f.rule, f.column])).toEqual([['date-future', 'dateOfBirth']]);
    expect(findings[0].message).toContain('too far ahead even for an unborn child');
  });

  it('code-unknown: a value that is not one of the codes, quoted, with what to write', () => {
    let row = 0;
    const findings = findingsAfter((rows) => {
      const r = findRow(rows, 'list1', (x) => onlyRow(rows, x));
      r.values.ethnicity = 'Martian';
      row = r.row;
    });
    expect(findings.map(brief)).toEqual([['list1', row, 'ethnicity', 'code-unknown', 'error']]);
    expect(findings[0].message).toBe('Ethnicity: "Martian" is not one of the Ethnicity codes. Write one of the template\'s Ethnicity codes, spelt as it spells them (such as "a) WBRI").');
  });

  it('code-unknown: lists the codes of a small set, and names the value a near miss was meant to be', () => {
    const findings = findingsAfter((rows) => {
      findRow(rows, 'list3', () => true).values.referralNfa = 'Maybe';
      findRow(rows, 'list4', () => true).values.childSeen = 'yes';
    });
    expect(findings.map((f) => f.message)).toEqual([
      'Referral NFA?: "Maybe" is not one of the Yes / no codes. Write one of "a) Yes", "b) No".',
      expect.stringContaining('"yes" is not one of the Yes / no / unknown codes. Write it as the template does: "a) Yes".'),
    ]);
  });

  it('code-unknown: a free value is accepted where the set is open (List 8, LA of placement)', () => {
    expect(findingsAfter((rows) => void (findRow(rows, 'list8', () => true).values.placementLa = 'Dudley'))).toEqual([]);
  });

  it('code-discouraged: a code the template lists but Ofsted asks councils not to use is a warning', () => {
    const findings = findingsAfter((rows) => {
      findRow(rows, 'list6', (x) => x.values.reasonForClosure !== null).values.reasonForClosure = 'RC8 - Case closed after assessment, no further action';
    });
    expect(findings.map((f) => [f.rule, f.severity, f.column])).toEqual([['code-discouraged', 'warning', 'reasonForClosure']]);
    expect(findings[0].message).toMatch(/^Reason for Closure is "RC8 - Case closed after assessment, no further action": \S/u);
  });

  it('integer-invalid: a count that is not a whole number', () => {
    const findings = findingsAfter((rows) => void (findRow(rows, 'list7', () => true).values.previousCpPlans = '1.5'));
    expect(findings.map((f) => [f.rule, f.column])).toEqual([['integer-invalid', 'previousCpPlans']]);
    expect(findings[0].message).toBe('Number of Previous Child Protection Plans: "1.5" is not a whole number. Write it as a whole number (0 if none).');
  });

  it('integer-below-min: a negative count, or fewer placements than one', () => {
    const findings = findingsAfter((rows) => {
      findRow(rows, 'list8', () => true).values.placementsInLast12Months = 0;
      findRow(rows, 'list8', (x) => x.values.missingEpisodes === 0).values.absentEpisodes = -1;
    });
    expect(findings.map((f) => [f.rule, f.column]).sort()).toEqual([
      ['integer-below-min', 'absentEpisodes'],
      ['integer-below-min', 'placementsInLast12Months'],
    ]);
    expect(findings.find((f) => f.column === 'absentEpisodes')!.message).toContain('it cannot be less than 0: a count cannot be negative');
  });

  it('integer-below-min: an age of -1 is an unborn child’s, nothing lower', () => {
    const findings = findingsAfter((rows) => {
      const r = findRow(rows, 'list1', (x) => onlyRow(rows, x));
      r.values.age = -2;
      r.values.dateOfBirth = null;
    });
    expect(findings.map((f) => f.rule)).toEqual(['integer-below-min']);
  });

  it('postcode-shape: a postcode not shaped like one', () => {
    const findings = findingsAfter((rows) => void (findRow(rows, 'list8', () => true).values.placementPostcode = 'B1'));
    expect(findings.map((f) => [f.rule, f.column])).toEqual([['postcode-shape', 'placementPostcode']]);
  });

  it('id-scientific: an id a spreadsheet rounded into scientific notation', () => {
    const findings = findingsAfter((rows) => void (findRow(rows, 'list1', (x) => onlyRow(rows, x)).values.childId = '1.23457E+11'));
    expect(findings.map((f) => [f.rule, f.column])).toEqual([['id-scientific', 'childId']]);
  });
});

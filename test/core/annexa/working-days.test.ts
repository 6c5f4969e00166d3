import { describe, expect, it } from 'vitest';
import { BANK_HOLIDAYS_ENGLAND_WALES, TABLE_FIRST_YEAR, TABLE_LAST_YEAR } from '../../../core/annexa/bank-holidays-england-wales.ts';
import {
  bankHolidays,
  dayNumber,
  isoDate,
  isWorkingDay,
  ruleBankHolidays,
  weekday,
  workingDaysBetween,
} from '../../../core/annexa/working-days.ts';

const dates = (year: number) => bankHolidays(year).map((h) => h.date);

describe('bank holidays in England and Wales', () => {
  // Written out from GOV.UK's list, independently of the table and the rule.
  it('has the special days of 2020, 2022 and 2023', () => {
    expect(dates(2020)).toEqual(['2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25', '2020-12-28']);
    expect(dates(2022)).toEqual([
      '2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19', '2022-12-26', '2022-12-27',
    ]);
    expect(dates(2023)).toEqual(['2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25', '2023-12-26']);
    expect(dates(2012)).toEqual(['2012-01-02', '2012-04-06', '2012-04-09', '2012-05-07', '2012-06-04', '2012-06-05', '2012-08-27', '2012-12-25', '2012-12-26']);
    expect(dates(2011)).toContain('2011-04-29');
  });

  it('has ordinary years as GOV.UK lists them', () => {
    expect(dates(2024)).toEqual(['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26']);
    expect(dates(2025)).toEqual(['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26']);
    expect(dates(2026)).toEqual(['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']);
    expect(dates(2021)).toEqual(['2021-01-01', '2021-04-02', '2021-04-05', '2021-05-03', '2021-05-31', '2021-08-30', '2021-12-27', '2021-12-28']);
  });

  it('differs from the standing rule only by the one-off days, in every year of the table', () => {
    const oneOffs = new Set(['2011-04-29', '2012-05-28', '2012-06-04', '2012-06-05', '2020-05-04', '2020-05-08', '2022-05-30', '2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08']);
    for (let year = TABLE_FIRST_YEAR; year <= TABLE_LAST_YEAR; year++) {
      const table = new Set(dates(year));
      const rule = new Set(ruleBankHolidays(year).map((h) => h.date));
      const differences = [...table, ...rule].filter((d) => !(table.has(d) && rule.has(d)));
      expect(differences.filter((d) => !oneOffs.has(d)), String(year)).toEqual([]);
    }
    // Eight a year, and five extra days: the 2011 wedding, the 2012 and 2022 jubilees, the 2022 funeral, the 2023 coronation.
    expect(BANK_HOLIDAYS_ENGLAND_WALES.length).toBe(26 * 8 + 5);
  });

  it('puts every holiday on a weekday, in date order', () => {
    const all = BANK_HOLIDAYS_ENGLAND_WALES.map((h) => h.date);
    expect(all).toEqual([...all].sort());
    for (const date of all) expect(weekday(dayNumber(date)), date).toBeLessThan(5);
  });

  it('uses the rule after the table, with weekend substitutes', () => {
    // 2038: Christmas on a Saturday, New Year's Day on a Friday.
    expect(dates(2038)).toEqual(['2038-01-01', '2038-04-23', '2038-04-26', '2038-05-03', '2038-05-31', '2038-08-30', '2038-12-27', '2038-12-28']);
    // 2039: New Year's Day on a Saturday, Christmas on a Sunday.
    expect(dates(2039)).toContain('2039-01-03');
    expect(dates(2039).slice(-2)).toEqual(['2039-12-26', '2039-12-27']);
  });
});

describe('workingDaysBetween', () => {
  it('counts the days after the start up to and including the end', () => {
    expect(workingDaysBetween('2024-03-04', '2024-03-04')).toBe(0); // same day
    expect(workingDaysBetween('2024-03-04', '2024-03-08')).toBe(4); // Monday to Friday
    expect(workingDaysBetween('2024-03-08', '2024-03-11')).toBe(1); // Friday to Monday
    expect(workingDaysBetween('2024-03-09', '2024-03-11')).toBe(1); // a Saturday start counts Monday as day 1
    expect(workingDaysBetween('2024-03-09', '2024-03-10')).toBe(0);
    expect(workingDaysBetween('2024-03-11', '2024-03-08')).toBe(-1); // backwards: a data error, negative
  });

  it('skips the special days', () => {
    expect(workingDaysBetween('2020-05-07', '2020-05-11')).toBe(1); // VE day, Friday 8 May 2020
    expect(workingDaysBetween('2020-05-01', '2020-05-05')).toBe(2); // and 4 May 2020 was a working day
    expect(workingDaysBetween('2022-06-01', '2022-06-06')).toBe(1); // Platinum Jubilee, 2-3 June 2022
    expect(workingDaysBetween('2022-05-27', '2022-05-31')).toBe(2); // 30 May 2022 was a working day
    expect(workingDaysBetween('2022-09-16', '2022-09-20')).toBe(1); // the State Funeral, 19 September 2022
    expect(workingDaysBetween('2023-05-05', '2023-05-09')).toBe(1); // the Coronation, 8 May 2023
    expect(workingDaysBetween('2022-12-23', '2022-12-28')).toBe(1); // Christmas on a Sunday
  });

  it('gives the working days of whole years', () => {
    expect(workingDaysBetween('2019-12-31', '2020-12-31')).toBe(254);
    expect(workingDaysBetween('2021-12-31', '2022-12-31')).toBe(250);
    expect(workingDaysBetween('2022-12-31', '2023-12-31')).toBe(251);
    expect(workingDaysBetween('2023-12-31', '2024-12-31')).toBe(254);
  });

  it('finds the 45th working day of an assessment', () => {
    // Started Tuesday 2 January 2024: nine weeks of weekdays, with Good Friday and Easter Monday to come later.
    expect(workingDaysBetween('2024-01-02', '2024-03-05')).toBe(45);
    expect(workingDaysBetween('2024-01-02', '2024-03-06')).toBe(46);
    // 46 weekdays from Friday 1 March to Monday 6 May 2024, three of them bank holidays (Easter and early May).
    expect(workingDaysBetween('2024-03-01', '2024-05-06')).toBe(43);
  });

  it('agrees with counting day by day, over the table and beyond it', () => {
    const holidays = new Set<string>();
    for (let y = 2005; y <= 2045; y++) for (const d of dates(y)) holidays.add(d);
    const start = dayNumber('2005-01-01');
    const span = dayNumber('2045-12-31') - start;
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let i = 0; i < 300; i++) {
      const a = start + Math.floor(random() * span);
      const b = Math.min(start + span, a + Math.floor(random() * 800));
      let expected = 0;
      for (let d = a + 1; d <= b; d++) if (weekday(d) < 5 && !holidays.has(isoDate(d))) expected++;
      expect(workingDaysBetween(isoDate(a), isoDate(b)), `${isoDate(a)} to ${isoDate(b)}`).toBe(expected);
    }
  });

  it('refuses what is not a date rather than count some other day', () => {
    expect(() => workingDaysBetween('2024-02-30', '2024-03-01')).toThrow(/no such date/u);
    expect(() => workingDaysBetween('01/03/2024', '2024-03-01')).toThrow(/YYYY-MM-DD/u);
  });

  it('knows a working day', () => {
    expect(isWorkingDay('2023-05-08')).toBe(false);
    expect(isWorkingDay('2023-05-09')).toBe(true);
    expect(isWorkingDay('2023-05-06')).toBe(false);
  });

  it('works far from the table (years typed wrongly)', () => {
    // Monday 31 December 1900 to Tuesday 8 January 1901: six weekdays, one of them New Year's Day (by the rule).
    expect(workingDaysBetween('1900-12-31', '1901-01-08')).toBe(5);
    expect(isoDate(dayNumber('2099-12-31'))).toBe('2099-12-31');
  });
});

/**
 * Working days in England and Wales: weekdays that are not bank holidays.
 *
 * Timeliness measures count working days (assessments within 45, strategy discussion to ICPC
 * within 15), and ChAT counts them the same way. The holidays come from an explicit table for
 * 2010-2035 (bank-holidays-england-wales.ts, checked against the rule in the tests so a typo in
 * either shows) and, outside those years, from the rule below. One-off days that are announced
 * later (a jubilee, a state funeral) are added to the table; the rule cannot know them.
 *
 * Dates are `YYYY-MM-DD` strings, as the data model holds them. Internally a date is a day number
 * (days since 1970-01-01), so a count is integer arithmetic and two binary searches: summaries call
 * this for every row of a 113,000-row extract.
 */
import { BANK_HOLIDAYS_ENGLAND_WALES, TABLE_FIRST_YEAR, TABLE_LAST_YEAR } from './bank-holidays-england-wales.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;

/** Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The day number of a `YYYY-MM-DD` date; throws on anything else, so a bad date is never counted as some other day. */
export function dayNumber(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(iso)}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`no such date: ${iso}`);
  }
  return dayNumberOf(year, month, day);
}

/** The `YYYY-MM-DD` date of a day number (civil_from_days). */
export function isoDate(dayNo: number): string {
  const z = dayNo + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekday(dayNo: number): number {
  return (((dayNo + 3) % 7) + 7) % 7;
}

/** Easter Sunday (anonymous Gregorian algorithm) as a day number. */
function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumberOf(year, month, day);
}

function firstMonday(year: number, month: number): number {
  const first = dayNumberOf(year, month, 1);
  return first + ((7 - weekday(first)) % 7);
}

function lastMonday(year: number, month: number): number {
  const last = dayNumberOf(year, month, daysInMonth(year, month));
  return last - weekday(last);
}

export interface BankHoliday {
  date: string;
  name: string;
}

/**
 * The standing rule for England and Wales (Banking and Financial Dealings Act 1971 and the
 * proclamations that follow it every year): New Year's Day, Good Friday, Easter Monday, the first
 * and last Mondays of May, the last Monday of August, Christmas Day and Boxing Day, with a weekday
 * substitute when one falls at a weekend. It knows no one-off changes: those are in the table.
 */
export function ruleBankHolidays(year: number): BankHoliday[] {
  const out: BankHoliday[] = [];
  const add = (day: number, name: string) => out.push({ date: isoDate(day), name });
  const newYear = dayNumberOf(year, 1, 1);
  const nyDay = weekday(newYear);
  add(nyDay === 5 ? newYear + 2 : nyDay === 6 ? newYear + 1 : newYear, nyDay >= 5 ? 'New Year’s Day (substitute day)' : 'New Year’s Day');
  const easter = easterSunday(year);
  add(easter - 2, 'Good Friday');
  add(easter + 1, 'Easter Monday');
  add(firstMonday(year, 5), 'Early May bank holiday');
  add(lastMonday(year, 5), 'Spring bank holiday');
  add(lastMonday(year, 8), 'Summer bank holiday');
  const christmas = dayNumberOf(year, 12, 25);
  switch (weekday(christmas)) {
    case 4: // Friday: Boxing Day (Saturday) moves to Monday 28th
      add(christmas, 'Christmas Day');
      add(christmas + 3, 'Boxing Day (substitute day)');
      break;
    case 5: // Saturday: Christmas moves to Monday 27th, Boxing Day (Sunday) to Tuesday 28th
      add(christmas + 2, 'Christmas Day (substitute day)');
      add(christmas + 3, 'Boxing Day (substitute day)');
      break;
    case 6: // Sunday: Boxing Day is Monday 26th, Christmas moves to Tuesday 27th
      add(christmas + 1, 'Boxing Day');
      add(christmas + 2, 'Christmas Day (substitute day)');
      break;
    default:
      add(christmas, 'Christmas Day');
      add(christmas + 1, 'Boxing Day');
  }
  return out.sort((x, y) => (x.date < y.date ? -1 : 1));
}

/** England and Wales bank holidays of a year: the table where it has the year, the rule otherwise. */
export function bankHolidays(year: number): BankHoliday[] {
  if (year >= TABLE_FIRST_YEAR && year <= TABLE_LAST_YEAR) {
    return BANK_HOLIDAYS_ENGLAND_WALES.filter((h) => h.date.startsWith(`${year}-`)).map((h) => ({ ...h }));
  }
  return ruleBankHolidays(year);
}

// ---------------------------------------------------------------------------------------------
// Counting
// ---------------------------------------------------------------------------------------------

/** Sorted day numbers of bank holidays that fall on weekdays, for the years covered so far. */
let holidayDays: number[] = [];
let coveredFromDay = 0;
let coveredToDay = -1;

function cover(fromDay: number, toDay: number): void {
  // Widen generously (and never narrow) so rows from nearby years build the array once.
  const fromYear = Math.min(yearOfDay(fromDay), coveredToDay < coveredFromDay ? 2000 : yearOfDay(coveredFromDay), 2000);
  const toYear = Math.max(yearOfDay(toDay), coveredToDay < coveredFromDay ? 2050 : yearOfDay(coveredToDay), 2050);
  const days: number[] = [];
  for (let y = fromYear; y <= toYear; y++) {
    for (const h of bankHolidays(y)) {
      const d = dayNumber(h.date);
      if (weekday(d) < 5) days.push(d);
    }
  }
  holidayDays = days.sort((a, b) => a - b);
  coveredFromDay = dayNumberOf(fromYear, 1, 1);
  coveredToDay = dayNumberOf(toYear, 12, 31);
}

function yearOfDay(dayNo: number): number {
  return Number(isoDate(dayNo).slice(0, 4));
}

/** How many entries of the sorted array are ≤ x. */
function countAtMost(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Weekdays from a fixed Monday up to and including day n (a running total; only differences mean anything). */
function weekdaysThrough(n: number): number {
  const k = n - 4; // day 4 (1970-01-05) was a Monday
  const weeks = Math.floor(k / 7);
  return weeks * 5 + Math.min(k - weeks * 7 + 1, 5);
}

/** Working days after day `from`, up to and including day `to` (day numbers); negative when `to` is earlier. */
export function workingDaysBetweenDays(from: number, to: number): number {
  if (to < from) return -workingDaysBetweenDays(to, from);
  if (from < coveredFromDay || to > coveredToDay) cover(from, to);
  const weekdays = weekdaysThrough(to) - weekdaysThrough(from);
  const holidays = countAtMost(holidayDays, to) - countAtMost(holidayDays, from);
  return weekdays - holidays;
}

/**
 * Working days from `from` to `to`: the days after `from` up to and including `to` that are
 * weekdays and not bank holidays. The same day is 0; Friday to the next Monday is 1. A start on a
 * weekend or holiday counts from the next working day as day 1, so "within 45 working days" means
 * "on or before the 45th working day after the start", whatever day the start was. Negative when
 * `to` is before `from` (a data error the caller reports).
 */
export function workingDaysBetween(from: string, to: string): number {
  return workingDaysBetweenDays(dayNumber(from), dayNumber(to));
}

export function isWorkingDay(date: string): boolean {
  const d = dayNumber(date);
  return workingDaysBetweenDays(d - 1, d) === 1;
}

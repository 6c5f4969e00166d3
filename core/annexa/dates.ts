/**
 * Calendar dates for Annex A: reading the forms extracts write them in (day first, as the template
 * asks), and the arithmetic the checks need (ages, windows of months, Excel day numbers).
 *
 * Dates are ISO strings (`YYYY-MM-DD`) and year/month/day numbers, never local-time `Date`
 * objects: a time zone or a clock change must not be able to move a date by a day.
 */
import type { RawCell } from './model.ts';

/** Years outside this range are typing slips (`0202`, `2202`), not dates anyone in these lists has. */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2100;

/**
 * Excel day numbers below this (18 May 1927) are far more likely a number in the wrong column, or a
 * year typed alone (`2024`), than a date: no child, event or care leaver in these lists is that old.
 */
const SMALLEST_SERIAL = 10_000;
/** 31/12/2100, the last day of LATEST_YEAR. */
const LARGEST_SERIAL = 73_415;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_NAMES = MONTHS.map((m) => m[0].toUpperCase() + m.slice(1));

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;

export function isoDate(y: number, m: number, d: number): string {
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** The digit at `i` of `s`, or -1. */
function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * True for a real calendar date written `YYYY-MM-DD` in the years these lists can hold (what a date
 * column holds once normalised). `0215-05-06` is the right shape but not a date anyone here has:
 * the reader refuses it and keeps the text, and this keeps every check from taking it for one.
 */
export function isIsoDate(value: unknown): value is string {
  // Character by character: this runs for every date cell of every row validated.
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const y0 = digit(value, 0);
  const y1 = digit(value, 1);
  const y2 = digit(value, 2);
  const y3 = digit(value, 3);
  const m0 = digit(value, 5);
  const m1 = digit(value, 6);
  const d0 = digit(value, 8);
  const d1 = digit(value, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return false;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const m = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  return y >= EARLIEST_YEAR && y <= LATEST_YEAR && m >= 1 && m <= 12 && d >= 1 && (d <= 28 || d <= daysInMonth(y, m));
}

/** `2024-03-01` → `01/03/2024`: how the template, and so every message, shows a date. */
export function ukDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** Days since 1 January 1970 of an ISO date (proleptic Gregorian; exact for any year). */
export function dayNumber(iso: string): number {
  return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;
}

function fromDayNumber(n: number): string {
  const d = new Date(n * 86_400_000);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(dayNumber(iso) + days);
}

/**
 * The same day `months` later (negative: earlier), kept inside the month: six months before
 * 31 August is 29 February in a leap year, not 2 March.
 */
export function addMonths(iso: string, months: number): string {
  const total = +iso.slice(0, 4) * 12 + (+iso.slice(5, 7) - 1) + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return isoDate(y, m, Math.min(+iso.slice(8, 10), daysInMonth(y, m)));
}

/**
 * Age in whole years at the last birthday on `on` (someone born on 29 February has their birthday
 * on 28 February in other years, as English law counts it); -1 when the date of birth is after
 * `on` (an unborn child's expected date of birth, as Annex A records it).
 */
export function ageAt(dob: string, on: string): number {
  if (dob > on) return -1;
  // Digits read in place: this runs for every row with an age.
  const dy = number4(dob, 0);
  const dm = number2(dob, 5);
  let dd = number2(dob, 8);
  const y = number4(on, 0);
  const m = number2(on, 5);
  const d = number2(on, 8);
  if (dm === 2 && dd === 29 && !isLeapYear(y)) dd = 28;
  return y - dy - (m < dm || (m === dm && d < dd) ? 1 : 0);
}

const number2 = (s: string, i: number): number => (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;
const number4 = (s: string, i: number): number => number2(s, i) * 100 + number2(s, i + 2);

/** An Excel (1900 date system) day number as an ISO date; null for 60, Excel's 29/02/1900 that never was. */
export function excelSerialToIso(serial: number): string | null {
  const day = Math.floor(serial);
  if (day === 60 || day < 1) return null;
  // Excel counts 1900 as a leap year: days after its phantom 29 February are one further from 1899-12-31.
  return fromDayNumber(dayNumber('1899-12-31') + day - (day > 60 ? 1 : 0));
}

/** An ISO date as an Excel day number, for writing real dates into a workbook. */
export function isoToExcelSerial(iso: string): number {
  const day = dayNumber(iso) - dayNumber('1899-12-31');
  return day >= 60 ? day + 1 : day;
}

/** What reading a cell as a date gave. */
export type DateReading =
  /** `assumed`: what the reading took for granted or dropped, in words, when anything ("the year 24 was read as 2024"). */
  | { ok: true; iso: string; assumed: string | null }
  /** `reason`: why it is not a date, in words, for a finding ("February 2024 has 29 days"). */
  | { ok: false; reason: string };

export interface DateReadingOptions {
  /**
   * A two-digit year is put in the latest century that does not take it past this year: with the
   * inspection in 2024 and this 2025, `24` is 2024, `25` 2025 (an expected date of birth) and `98` 1998.
   */
  latestYear: number;
}

const TIME = String.raw`(?:[T\s,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([ap]\.?m\.?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}|GMT.*|UTC.*|\(.*\)))?)?`;
const WEEKDAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`;
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})([/\-.])(\d{1,2})\2(\d{4}|\d{2})${TIME}$`, 'iu');
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([/\-.])(\d{1,2})\2(\d{1,2})${TIME}$`, 'iu');
const DAY_MONTH_NAME = new RegExp(String.raw`^${WEEKDAY}(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]*([a-z]{3,9})\.?[\s\-/.,]*(\d{4}|\d{2})${TIME}$`, 'iu');
const MONTH_NAME_DAY = new RegExp(String.raw`^${WEEKDAY}([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${TIME}$`, 'iu');
const COMPACT = /^(\d{8})$/u;
const SERIAL = /^(\d{5})(?:\.\d+)?$/u;

function monthFromName(name: string): number {
  const n = name.toLowerCase();
  // "Mar", "March", "Sept": any start of the name from three letters on.
  return MONTHS.findIndex((full) => full.startsWith(n)) + 1;
}

function checkedYmd(y: number, m: number, d: number, assumed: string[]): DateReading {
  if (y < EARLIEST_YEAR || y > LATEST_YEAR) return { ok: false, reason: `the year ${y} cannot be right` };
  if (m < 1 || m > 12) {
    // 3/13/2024 is 13 March written month first: say so, but never guess it.
    const hint = d >= 1 && d <= 12 && m <= daysInMonth(y, d) ? ` (dates are read day first, dd/mm/yyyy; if it means ${m} ${MONTH_NAMES[d - 1]} ${y}, the extract writes dates month first)` : ' (dates are read day first, dd/mm/yyyy)';
    return { ok: false, reason: `there is no month ${m}${hint}` };
  }
  if (d < 1 || d > daysInMonth(y, m)) {
    return { ok: false, reason: d < 1 ? `there is no day ${d}` : `${MONTH_NAMES[m - 1]} ${y} has ${daysInMonth(y, m)} days` };
  }
  return { ok: true, iso: isoDate(y, m, d), assumed: assumed.length ? assumed.join('; ') : null };
}

function fullYear(yy: string, options: DateReadingOptions, assumed: string[]): number {
  if (yy.length === 4) return +yy;
  const n = +yy;
  const century = Math.floor(options.latestYear / 100) * 100;
  const y = century + n <= options.latestYear ? century + n : century - 100 + n;
  assumed.push(`the two-digit year ${yy} was read as ${y}`);
  return y;
}

function noteTime(h: string | undefined, min: string | undefined, s: string | undefined, ampm: string | undefined, assumed: string[]): void {
  if (h === undefined) return;
  const hour = ampm && +h === 12 && /^a/iu.test(ampm) ? 0 : +h;
  // Midnight is how systems write a date with no time: dropping it loses nothing.
  if (hour === 0 && +(min ?? 0) === 0 && +(s ?? 0) === 0) return;
  assumed.push('the time of day was dropped');
}

function fromSerial(serial: number, what: string): DateReading {
  const day = Math.floor(serial);
  if (day < SMALLEST_SERIAL || day > LARGEST_SERIAL) return { ok: false, reason: `${what} is a number, not a date` };
  const iso = excelSerialToIso(day)!;
  return { ok: true, iso, assumed: `${what} was read as an Excel date number` };
}

/**
 * A cell as a date, day first: Excel dates and day numbers, `2024-03-01`, `1/3/24`, `01/03/2024`,
 * `01-03-2024`, `01.03.2024`, `1 Mar 2024`, `Mar 1, 2024`, `20240301`, with or without a time.
 * An impossible date (`31/02/2024`, `13/13/2024`) is refused with the reason, never guessed at.
 * Blanks are the caller's business: pass only a cell that holds something.
 */
export function readDate(raw: RawCell, options: DateReadingOptions): DateReading {
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return { ok: false, reason: 'the spreadsheet holds an invalid date' };
    // Workbook readers give a cell's date as midnight UTC of that day (exceljs does).
    const assumed: string[] = [];
    noteTime(String(raw.getUTCHours()), String(raw.getUTCMinutes()), String(raw.getUTCSeconds()), undefined, assumed);
    return checkedYmd(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate(), assumed);
  }
  if (typeof raw === 'number') {
    if (Number.isInteger(raw) && raw >= 10_000_000 && raw <= 99_999_999) return readDate(String(raw), options);
    return fromSerial(raw, `${raw}`);
  }
  if (typeof raw === 'boolean' || raw === null) return { ok: false, reason: `${String(raw)} is not a date` };
  const text = raw.trim();
  // The two forms nearly every cell is in, read without a regular expression.
  if (text.length === 10) {
    const iso = text.charCodeAt(2) === 47 && text.charCodeAt(5) === 47 ? `${text.slice(6)}-${text.slice(3, 5)}-${text.slice(0, 2)}` : text;
    if (isIsoDate(iso) && number4(iso, 0) >= EARLIEST_YEAR && number4(iso, 0) <= LATEST_YEAR) return { ok: true, iso, assumed: null };
  }
  const assumed: string[] = [];
  let m = DAY_FIRST.exec(text);
  if (m) {
    noteTime(m[5], m[6], m[7], m[8], assumed);
    return checkedYmd(fullYear(m[4], options, assumed), +m[3], +m[1], assumed);
  }
  m = YEAR_FIRST.exec(text);
  if (m) {
    noteTime(m[5], m[6], m[7], m[8], assumed);
    return checkedYmd(+m[1], +m[3], +m[4], assumed);
  }
  m = DAY_MONTH_NAME.exec(text);
  if (m) {
    const month = monthFromName(m[2]);
    if (month === 0) return { ok: false, reason: `"${m[2]}" is not the name of a month` };
    noteTime(m[4], m[5], m[6], m[7], assumed);
    return checkedYmd(fullYear(m[3], options, assumed), month, +m[1], assumed);
  }
  m = MONTH_NAME_DAY.exec(text);
  if (m) {
    const month = monthFromName(m[1]);
    if (month === 0) return { ok: false, reason: `"${m[1]}" is not the name of a month` };
    noteTime(m[4], m[5], m[6], m[7], assumed);
    return checkedYmd(+m[3], month, +m[2], assumed);
  }
  m = COMPACT.exec(text);
  if (m) {
    const s = m[1];
    // Year first (20240301) or day first (01032024): a real date can only be read one of the two ways,
    // because a year from 1900 to 2100 starts 19, 20 or 21, which is never a month.
    const yearFirst = checkedYmd(+s.slice(0, 4), +s.slice(4, 6), +s.slice(6, 8), [`${s} was read as year, month, day`]);
    if (yearFirst.ok) return yearFirst;
    const dayFirst = checkedYmd(+s.slice(4, 8), +s.slice(2, 4), +s.slice(0, 2), [`${s} was read as day, month, year`]);
    if (dayFirst.ok) return dayFirst;
    return { ok: false, reason: 'eight digits that are not a date either as yyyymmdd or as ddmmyyyy' };
  }
  m = SERIAL.exec(text);
  if (m) return fromSerial(+text, text);
  return { ok: false, reason: 'it is not written as a date (write dates dd/mm/yyyy)' };
}

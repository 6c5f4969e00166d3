/**
 * Numbers in a worksheet as the user sees them, as far as search needs: dates.
 *
 * Excel stores a date as a serial day number (45292 is 01/01/2024) and only the cell's number
 * format says it is a date. Someone searching for "01/01/2024" must find that cell, so date and
 * time formats are applied (always as UK dd/mm/yyyy, whatever the format's own layout); every
 * other number keeps the text Excel stored.
 */

export type DateKind = 'date' | 'datetime' | 'time';

export interface DateFormat {
  kind: DateKind;
  /** Whether the format shows seconds. */
  seconds: boolean;
}

/** Built-in format ids that are dates or times (ECMA-376 18.8.30; 27–36 and 50–58 are East Asian dates). */
const BUILT_IN: ReadonlyMap<number, DateKind> = new Map<number, DateKind>([
  [14, 'date'], [15, 'date'], [16, 'date'], [17, 'date'],
  [18, 'time'], [19, 'time'], [20, 'time'], [21, 'time'],
  [22, 'datetime'],
  ...[27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58].map((id): [number, DateKind] => [id, 'date']),
  ...[32, 33, 55, 56].map((id): [number, DateKind] => [id, 'time']),
]);

/** Built-in time formats that show seconds (h:mm:ss, h:mm:ss AM/PM). */
const BUILT_IN_SECONDS = new Set([19, 21]);

/** Is a custom format code a date/time? Literal text, colours, locales and padding are ignored. */
export function customFormatKind(code: string): DateFormat | null {
  const firstSection = code.split(';')[0];
  // Elapsed-time formats ([h]:mm) count durations, not dates: keep the stored number.
  if (/\[(h+|m+|s+)\]/i.test(firstSection)) return null;
  const bare = firstSection
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .toLowerCase();
  const hasTime = /[hs]/.test(bare);
  // "m" alone is month unless hours or seconds are around (then it is minutes).
  const hasDate = /[dy]/.test(bare) || (/m/.test(bare) && !hasTime);
  const seconds = /s/.test(bare);
  if (hasDate && hasTime) return { kind: 'datetime', seconds };
  if (hasDate) return { kind: 'date', seconds };
  if (hasTime) return { kind: 'time', seconds };
  return null;
}

/** The date format of a number format id, or null for every non-date format. */
export function dateFormatOf(numFmtId: number, customCodes: ReadonlyMap<number, string>): DateFormat | null {
  const code = customCodes.get(numFmtId);
  if (code !== undefined) return customFormatKind(code);
  const kind = BUILT_IN.get(numFmtId);
  return kind ? { kind, seconds: BUILT_IN_SECONDS.has(numFmtId) } : null;
}

/** Largest serial Excel accepts (31/12/9999). */
const MAX_SERIAL = 2_958_465;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Excel's 1900 date system counts 1900 as a leap year (a Lotus 1-2-3 bug kept for
 * compatibility), so serials from 61 on are a day ahead of a true count from 31/12/1899.
 */
export function serialToDate(serial: number, date1904: boolean): Date {
  if (date1904) return new Date(Date.UTC(1904, 0, 1) + Math.round(serial * 86_400) * 1000);
  const epoch = serial < 61 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.round(serial * 86_400) * 1000);
}

export function formatDate(date: Date, kind: DateKind, withSeconds: boolean): string {
  const day = `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}${withSeconds ? `:${pad(date.getUTCSeconds())}` : ''}`;
  if (kind === 'date') return day;
  if (kind === 'time') return time;
  return `${day} ${time}`;
}

/** A stored number shown through its format: dates as dd/mm/yyyy, anything else unchanged. */
export function displayNumber(stored: string, format: DateFormat | null, date1904: boolean): string {
  if (!format) return stored;
  const { kind, seconds } = format;
  const serial = Number(stored);
  if (!Number.isFinite(serial) || serial < 0 || serial > MAX_SERIAL || stored.trim() === '') return stored;
  // A time-only cell has a fraction of a day; a date cell keeps the time only if its format shows it.
  return formatDate(serialToDate(serial, date1904 && kind !== 'time'), kind, seconds);
}

/**
 * A `t="d"` cell's ISO text as a Date. Without a zone it is the calendar date and clock time as
 * written, so it is read as UTC: `new Date('2024-06-01T00:00:00')` would take it as local time, and
 * in British Summer Time every such date would become the day before.
 */
export function isoCellDate(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|[+-]\d{2}:?\d{2})?$/u.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = m;
  let ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, Math.round(Number(`0.${frac}`) * 1000));
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const [zh, zm] = [Number(zone.slice(1, 3)), Number(zone.slice(-2))];
    ms -= sign * (zh * 60 + zm) * 60_000;
  }
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** An ISO 8601 date cell (t="d", written by newer tools and Strict files) shown as dd/mm/yyyy. */
export function displayIsoDate(stored: string): string {
  const date = isoCellDate(stored);
  if (!date) return stored;
  const hasTime = /T\d/.test(stored) && !/T00:00(:00(\.0+)?)?Z?$/.test(stored);
  return formatDate(date, hasTime ? 'datetime' : 'date', false);
}

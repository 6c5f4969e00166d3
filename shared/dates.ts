/**
 * Dates as people in England write and read them, whatever the computer's or browser's locale:
 * dd/mm/yyyy, with a 24-hour HH:mm where a time is shown. One definition for every date the app
 * shows or reads (the UI, the CLI, exports people read), so 03/04 never means two days.
 * Values travel as ISO 8601 (yyyy-mm-dd for a day) in state and in the API.
 */

const pad = (n: number) => String(n).padStart(2, '0');
const DAY_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/u;

/** What a person is asked for when a date cannot be read. */
export const DATE_HINT = 'Enter a date as dd/mm/yyyy, for example 05/03/2026';

export type ParsedDate = { ok: true; iso: string } | { ok: false; message: string };

function exists(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads a date typed day first (05/03/2026, 5/3/2026, 05-03-2026, 05.03.2026) or pasted as
 * yyyy-mm-dd. A two-digit year is refused rather than guessed; a day that does not exist
 * (31/04, 29/02 outside a leap year) is refused by name. Empty text is not a date: callers that
 * allow "no date" check for it first.
 */
export function parseDate(text: string): ParsedDate {
  const t = text.trim();
  if (!t) return { ok: false, message: `${DATE_HINT}.` };
  let year: number;
  let month: number;
  let day: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u.exec(t);
  const british = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d+)$/u.exec(t);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (british) {
    if (british[3].length !== 4) {
      return { ok: false, message: `Write the year in full (4 figures): ${DATE_HINT.replace('Enter', 'enter')}.` };
    }
    [day, month, year] = [Number(british[1]), Number(british[2]), Number(british[3])];
  } else {
    return { ok: false, message: `“${t}” is not a date. ${DATE_HINT}.` };
  }
  if (year < 1900 || year > 2199) return { ok: false, message: `${year} is not a year this could be. ${DATE_HINT}.` };
  if (!exists(year, month, day)) return { ok: false, message: `${pad(day)}/${pad(month)}/${year} is not a date that exists. ${DATE_HINT}.` };
  return { ok: true, iso: `${year}-${pad(month)}-${pad(day)}` };
}

/**
 * A day as dd/mm/yyyy: "2026-03-05" → "05/03/2026". A day (yyyy-mm-dd) is read as written, never
 * shifted by time zone; a moment (an ISO timestamp) is shown as the day it is on this computer.
 * Nothing, or what is not a date, is `empty`.
 */
export function formatDate(iso: string | null | undefined, empty = '—'): string {
  if (!iso) return empty;
  const day = DAY_ONLY.exec(iso);
  if (day) return `${day[3]}/${day[2]}/${day[1]}`;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? empty : `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** A moment as dd/mm/yyyy HH:mm in this computer's time zone: "05/03/2026 14:07". */
export function formatDateTime(iso: string | null | undefined, empty = '—'): string {
  if (!iso) return empty;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return empty;
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A moment as this computer's wall-clock time, `yyyy-mm-ddTHH:mm:ss`: for Excel, which has no time zones. */
export function localWallClock(iso: string): string {
  const t = new Date(iso);
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}T${pad(t.getHours())}:${pad(t.getMinutes())}:${pad(t.getSeconds())}`;
}

/** A moment for a file name, day first and without characters Windows refuses: "05-03-2026 1407". */
export function fileNameStamp(now: Date): string {
  return `${pad(now.getDate())}-${pad(now.getMonth() + 1)}-${now.getFullYear()} ${pad(now.getHours())}${pad(now.getMinutes())}`;
}

/** What a person is asked for when a date and time cannot be read. */
export const DATE_TIME_HINT = 'Enter a date and time as dd/mm/yyyy HH:mm, for example 05/03/2026 14:30';

export type ParsedDateTime = { ok: true; local: string } | { ok: false; message: string };

/**
 * Reads a date and a 24-hour time typed day first ("05/03/2026 14:30", "5/3/2026 9:05") or pasted
 * as "2026-03-05T14:30" / "2026-03-05 14:30", as the local time "2026-03-05T14:30" (no zone: the
 * caller turns it into an instant on this computer).
 */
export function parseDateTime(text: string): ParsedDateTime {
  const t = text.trim();
  const m = /^(.+?)(?:\s*[T,]\s*|\s+)(\d{1,2})[:.](\d{2})$/u.exec(t);
  if (!m) {
    const dateOnly = parseDate(t);
    return { ok: false, message: dateOnly.ok ? `Add the time (24-hour): ${DATE_TIME_HINT.replace('Enter', 'enter')}.` : `${t ? `“${t}” is not a date and time. ` : ''}${DATE_TIME_HINT}.` };
  }
  const day = parseDate(m[1]);
  if (!day.ok) return { ok: false, message: day.message.replace(`${DATE_HINT}.`, `${DATE_TIME_HINT}.`) };
  const [hour, minute] = [Number(m[2]), Number(m[3])];
  if (hour > 23 || minute > 59) return { ok: false, message: `${m[2]}:${m[3]} is not a time of day. ${DATE_TIME_HINT}.` };
  return { ok: true, local: `${day.iso}T${pad(hour)}:${pad(minute)}` };
}

/** A local date and time "2026-03-05T14:30" as "05/03/2026 14:30"; anything else as it is. */
export function formatLocalDateTime(local: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/u.exec(local);
  return m ? `${m[3]}/${m[2]}/${m[1]} ${m[4]}:${m[5]}` : local;
}

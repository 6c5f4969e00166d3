/**
 * Dates as people in England write and read them: day first, dd/mm/yyyy. The API speaks
 * YYYY-MM-DD; these turn one into the other for the inspection date field and every date shown.
 * A native <input type=date> is not used because it follows the browser's locale, which on many
 * council laptops is en-US (mm/dd/yyyy): the same screen would read 03/04 two ways.
 */

import { formatDate, formatDateTime, parseDate } from '../../../shared/dates.ts';

export type { ParsedDate } from '../../../shared/dates.ts';

/**
 * Reads the inspection date the way every date is read (shared/dates.ts), and asks for a year an
 * inspection could be in: the inspection date decides every list's window, so it must not be read wrongly.
 */
export function parseBritishDate(text: string) {
  if (!text.trim()) return { ok: false as const, message: 'Enter the inspection date as dd/mm/yyyy, for example 15/03/2024.' };
  const parsed = parseDate(text);
  if (!parsed.ok) return parsed;
  const year = Number(parsed.iso.slice(0, 4));
  if (year < 2000 || year > 2100) return { ok: false as const, message: `${year} does not look like the year of an inspection.` };
  return parsed;
}

/** "2024-03-15" → "15/03/2024"; "—" for none. */
export function formatIsoDate(iso: string | null | undefined): string {
  return formatDate(iso, '—');
}

const long = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2024-03-15" → "Friday 15 March 2024": said back beside the field, so a slip (03/05 for 05/03) shows. */
export function formatIsoDateLong(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : long.format(d).replace(',', '');
}

/** A moment (importedAt, an export's time) in local time, as every time the app shows: "30/11/2026 14:02"; "—" for none. */
export function formatTimestamp(iso: string | null | undefined): string {
  return formatDateTime(iso, '—');
}

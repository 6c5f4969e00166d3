/**
 * Dates as people in England write and read them: day first, dd/mm/yyyy. The API speaks
 * YYYY-MM-DD; these turn one into the other for the inspection date field and every date shown.
 * A native <input type=date> is not used because it follows the browser's locale, which on many
 * council laptops is en-US (mm/dd/yyyy): the same screen would read 03/04 two ways.
 */

const pad = (n: number) => String(n).padStart(2, '0');

function exists(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last;
}

export type ParsedDate = { ok: true; iso: string } | { ok: false; message: string };

/**
 * Reads a date typed day first (15/03/2024, 15-3-2024, 15.03.2024) or as YYYY-MM-DD (pasted from
 * a system). A two-digit year is refused rather than guessed: the inspection date decides every
 * list's window, so it must not be read wrongly.
 */
export function parseBritishDate(text: string): ParsedDate {
  const t = text.trim();
  if (!t) return { ok: false, message: 'Enter the inspection date as dd/mm/yyyy, for example 15/03/2024.' };
  let year: number;
  let month: number;
  let day: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u.exec(t);
  const british = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/u.exec(t);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (british) {
    if (british[3].length === 2) return { ok: false, message: `Write the year in full: ${british[1]}/${british[2]}/20${british[3]}?` };
    [day, month, year] = [Number(british[1]), Number(british[2]), Number(british[3])];
  } else {
    return { ok: false, message: `“${t}” is not a date written dd/mm/yyyy, for example 15/03/2024.` };
  }
  if (year < 2000 || year > 2100) return { ok: false, message: `${year} does not look like the year of an inspection.` };
  if (!exists(year, month, day)) return { ok: false, message: `${pad(day)}/${pad(month)}/${year} is not a date that exists.` };
  return { ok: true, iso: `${year}-${pad(month)}-${pad(day)}` };
}

/** "2024-03-15" → "15/03/2024"; anything else is shown as it is. */
export function formatIsoDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/u.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

const long = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2024-03-15" → "Friday 15 March 2024": said back beside the field, so a slip (03/05 for 05/03) shows. */
export function formatIsoDateLong(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : long.format(d).replace(',', '');
}

/** A moment (importedAt) in local time: "30/11/2026 at 14:02". */
export function formatTimestamp(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} at ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * How the site writes dates, sizes, labels and links: British dates (dd/mm/yyyy, UK time), sizes as
 * people read them, and relative links to the evidence files that survive any character a file
 * name may hold.
 */
import type { PackItem, PackLink } from '../model.ts';

export const STATUS_LABEL: Record<PackItem['status'], string> = { draft: 'Draft', approved: 'Approved', retired: 'Retired' };
export const STRENGTH_LABEL: Record<PackLink['strength'], string> = { key: 'Key', supporting: 'Supporting' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;

/** `2024-03-05` → `05/03/2024`; anything else as it is (it is still escaped where it is written). */
export function britishDate(isoDate: string): string {
  const m = ISO_DATE.exec(isoDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDate;
}

/** A date is only put in `<time datetime>` when it is one. */
export function isIsoDate(text: string): boolean {
  return ISO_DATE.test(text);
}

/**
 * An instant (ISO 8601) as the date and time in the UK (`05/03/2026`, `14:07`, and the date as
 * `2026-03-05` for a spreadsheet's date cell), or null if it is not one.
 */
export function ukDateAndTime(iso: string): { date: string; time: string; isoDate: string } | null {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${part('day')}/${part('month')}/${part('year')}`, time: `${part('hour')}:${part('minute')}`, isoDate: `${part('year')}-${part('month')}-${part('day')}` };
}

const NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** `0 bytes`, `1 byte`, `340 KB`, `1.2 MB`, `2.5 GB` (1 KB = 1,024 bytes, as Windows counts). */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return bytes === 1 ? '1 byte' : `${NUMBER.format(bytes)} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${NUMBER.format(value >= 100 ? Math.round(value) : value)} ${units[unit]}`;
}

/** `1 item`, `2 items`. */
export function count(n: number, one: string, many: string): string {
  return `${NUMBER.format(n)} ${n === 1 ? one : many}`;
}

/**
 * A path inside the pack (`evidence/1 Leadership/Plan #2 (final).pdf`) as a relative URL for an
 * href: each segment percent-encoded as UTF-8, so a space, `#`, `?`, `%`, `&`, `'` or `é` in a name
 * is part of the name and not of the URL's syntax, and `:` can never make a scheme. Empty, `.` and
 * `..` segments are dropped (a pack's paths have none), so a link never leaves the pack's folder
 * or starts at the root of a drive.
 */
export function packHref(path: string): string {
  return path
    .toWellFormed()
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.' && segment !== '..')
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

/**
 * Times as the analyst reads them in the onsite week: British day-first dates with a 24-hour clock
 * (dd/mm/yyyy HH:mm, in this computer's time zone), how long something has been open in words, and
 * the conversions between the contract's ISO times and the local "yyyy-mm-ddTHH:mm" a date-and-time field holds (BritishDateField).
 */

import { formatDateTime } from '../../../shared/dates.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** "14/03/2024 09:05", or "—" for no time (shared/dates.ts, as every date the app shows). */
export function formatUkDateTime(iso: string | null | undefined): string {
  return formatDateTime(iso, '—');
}

/** "09:05": today's times need no date. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A time today shows as "09:05"; any other day with its date, so "due 09:05" is never read as tomorrow's. */
export function formatWhen(iso: string | null | undefined, now: Date): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return sameDay(d, now) ? formatTime(iso) : formatUkDateTime(iso);
}

export function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** "less than a minute", "25 min", "2 h 5 min", "1 day 3 h": short enough for a card, plain enough to read out. */
export function durationWords(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 1) return 'less than a minute';
  if (m < 60) return `${m} min`;
  const days = Math.floor(m / (60 * 24));
  const hours = Math.floor((m % (60 * 24)) / 60);
  const mins = m % 60;
  if (days > 0) return `${days} ${days === 1 ? 'day' : 'days'}${hours ? ` ${hours} h` : ''}`;
  return `${hours} h${mins ? ` ${mins} min` : ''}`;
}

/** Minutes from `from` to `to` (negative when `to` is earlier). */
export function minutesBetween(fromIso: string, to: Date): number {
  return Math.round((to.getTime() - Date.parse(fromIso)) / 60_000);
}

/** The local "yyyy-mm-ddTHH:mm" a date-and-time field holds for an ISO time ("2024-03-14T09:05"). */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * A local "yyyy-mm-ddTHH:mm" (no zone) as the ISO time the contract wants. Sent as UTC with
 * its zone, so the backend and the CLI read the same instant whatever the machine's zone; null for
 * an empty or unreadable value.
 */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/u.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

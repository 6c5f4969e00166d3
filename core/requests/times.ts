/**
 * Times in the request log. They are stored as ISO 8601 in UTC (`2026-12-02T14:30:00.000Z`), so they
 * sort as text and compare correctly across the October and March clock changes.
 *
 * What people type has no zone (`2026-12-02T14:30`, from the CLI or a datetime-local box): it is the
 * time on the wall of the room the analyst sits in, and the app runs on that analyst's laptop, so a
 * time without a zone is read as this computer's local time (UK time in practice: GMT in winter, BST
 * in summer) and converted to UTC. A time with a zone (`Z`, `+01:00`) is taken as it says. A local
 * time that does not exist (the hour skipped when the clocks go forward) is moved on by the gap, as
 * the clock itself moves; one that happens twice (the hour repeated in October) is the first.
 *
 * Going out (Excel, the CLI's lines) the reverse: UTC shown as this computer's local wall-clock time,
 * by shared/dates.ts (formatDateTime, localWallClock), the app's one definition of how times look.
 */
import { ApiFailure } from '../api/errors.ts';

const TYPED = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|[+-]\d{2}:?\d{2})?$/u;

/** A typed or sent time as stored: ISO 8601 UTC. Refuses what is not a real date and time, naming `field`. */
export function toStoredTime(text: string, field: string): string {
  const m = TYPED.exec(text.trim());
  const refuse = () => new ApiFailure('invalid-argument', `“${text}” is not a date and time: use YYYY-MM-DDTHH:MM, such as 2026-12-02T14:30.`, field);
  if (!m) throw refuse();
  const [, y, mo, d, h, mi, s = '0', ms = '0', zone] = m;
  const parts = [Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), Number(ms.padEnd(3, '0'))] as const;
  // The calendar is checked on its own (31 April is refused, not rolled into May).
  const calendar = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
  if (calendar.getUTCMonth() !== parts[1] - 1 || calendar.getUTCDate() !== parts[2] || parts[3] > 23 || parts[4] > 59 || parts[5] > 59) throw refuse();
  if (zone) {
    const ms2 = Date.parse(text.trim());
    if (Number.isNaN(ms2)) throw refuse();
    return new Date(ms2).toISOString();
  }
  // No zone: this computer's local time (the Date constructor with parts reads them as local).
  return new Date(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5], parts[6]).toISOString();
}

/** Now, as stored. */
export function nowIso(): string {
  return new Date().toISOString();
}

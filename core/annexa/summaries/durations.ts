/**
 * Lengths of time in calendar months, ChAT's way: an episode of need or a plan "under 3 months",
 * "1–2 years"; a review "6–9 months" ago. Months are counted as the calendar counts them (the
 * same day of the month, kept inside the month), not as 30-day blocks.
 */
import { addMonths } from '../dates.ts';

export interface MonthBands {
  labels: string[];
  /** The band of the time from `from` to `to` (both `YYYY-MM-DD`, `from` on or before `to`). */
  of(from: string, to: string): string;
}

export function monthBands(bounds: readonly (readonly [number, string])[], above: string): MonthBands {
  return {
    labels: [...bounds.map(([, label]) => label), above],
    of(from, to) {
      for (const [months, label] of bounds) if (from > addMonths(to, -months)) return label;
      return above;
    },
  };
}

/** Episodes of need, plans and periods in care. */
export const EPISODE = monthBands(
  [
    [3, 'Under 3 months'],
    [6, '3–6 months'],
    [12, '6–12 months'],
    [24, '1–2 years'],
  ],
  '2 years or more',
);

/** Time since a review. */
export const SINCE_REVIEW = monthBands(
  [
    [3, 'Under 3 months'],
    [6, '3–6 months'],
    [9, '6–9 months'],
    [12, '9–12 months'],
  ],
  '12 months or more',
);

/** True when `to` is at least `months` calendar months after `from`. */
export function atLeastMonths(from: string, to: string, months: number): boolean {
  return from <= addMonths(to, -months);
}

/**
 * How long since a child was last visited (or seen), in ChAT's bands, and whether that is overdue.
 *
 * Which rule, and why:
 * - Child protection plans: 4-week bands, overdue after 4 weeks (28 days). ChAT bands statutory
 *   visits to children on a plan in 4-week steps, and no national rule sets a longer interval;
 *   many councils' own standard is tighter (10 working days, or fortnightly), so a council reading
 *   "overdue" here is being told the least it should expect, not its own standard.
 * - Children in need and children in care: 6-week bands, overdue after 6 weeks (42 days). For
 *   children in care this is the Care Planning, Placement and Case Review (England) Regulations
 *   2010, reg. 28: visits at intervals of no more than six weeks in the first year of a placement.
 *   A child in a placement agreed as long-term may be visited three-monthly after that year; the
 *   list does not say which placements are agreed as long-term, so such a child may show as overdue
 *   when they are not: the label says "more than 6 weeks", not "late".
 * A case opened within the interval and not yet visited is not overdue; one with no visit recorded
 * after the interval is. A visit dated after the inspection date is a data error, counted apart.
 */
import { bands } from './tally.ts';

export const AFTER_INSPECTION = 'Visit date after the inspection date';
export const NO_VISIT = 'No visit recorded';

export interface VisitRule {
  weeks: number;
  labels: string[];
  /** The band of a visit `daysSince` days before the inspection, or of no visit (`null`) on a case `daysOpen` days old. */
  band(daysSince: number | null, daysOpen: number | null): string;
  overdue(band: string): boolean;
}

function visitRule(weeks: number): VisitRule {
  const steps = bands(
    [
      [weeks * 7, `Within ${weeks} weeks`],
      [weeks * 14, `${weeks}–${weeks * 2} weeks`],
      [weeks * 21, `${weeks * 2}–${weeks * 3} weeks`],
    ],
    `Over ${weeks * 3} weeks`,
  );
  const notYet = `No visit yet – opened in the last ${weeks} weeks`;
  return {
    weeks,
    labels: [...steps.labels, notYet, NO_VISIT],
    band(daysSince, daysOpen) {
      if (daysSince === null) return daysOpen !== null && daysOpen >= 0 && daysOpen <= weeks * 7 ? notYet : NO_VISIT;
      if (daysSince < 0) return AFTER_INSPECTION;
      return steps.of(daysSince);
    },
    overdue(band) {
      return band !== steps.labels[0] && band !== notYet && band !== AFTER_INSPECTION;
    },
  };
}

export const CP_VISITS = visitRule(4);
export const CIN_CLA_VISITS = visitRule(6);

/**
 * List 8: children in care. ChAT looks at who came into and left care in the six months, and at
 * the children in care at the inspection date: legal status, plan, placements and their stability,
 * visits, reviews, health, and going missing.
 */
import { isOpen, visitBand } from './cin-cp.ts';
import { ageOf, dateOf, intOf, yesNo } from './context.ts';
import type { ListContext } from './context.ts';
import { SINCE_REVIEW } from './durations.ts';
import type { ListSummariser } from './list-summary.ts';
import { People } from './people.ts';
import { countFigure, NOT_RECORDED, percentFigure, table, Tally } from './tally.ts';
import { CIN_CLA_VISITS } from './visits.ts';

const PLACEMENTS = ['1', '2', '3', '4', '5 or more'];
const NEW_NO_REVIEW = 'No review yet – in care for less than a month';

export function childrenInCare(ctx: ListContext): ListSummariser {
  const people = new People(ctx);
  const legal = new Tally(ctx.codeLabels('legalStatus'));
  const plan = new Tally(ctx.codeLabels('permanencePlan'));
  const placementType = new Tally(ctx.codeLabels('placementType'));
  const provider = new Tally(ctx.codeLabels('placementProvider'));
  const location = new Tally(ctx.codeLabels('placementLocation'));
  const need = new Tally(ctx.codeLabels('categoryOfNeed'));
  const ceasedReason = new Tally(ctx.codeLabels('reasonCeasedLookedAfter'));
  const placements = new Tally(PLACEMENTS);
  const visits = new Tally(CIN_CLA_VISITS.labels);
  const reviews = new Tally([...SINCE_REVIEW.labels, NEW_NO_REVIEW, 'No review recorded']);
  const n = {
    rows: 0,
    open: 0,
    started: 0,
    subsequent: 0,
    ceased: 0,
    uasc: 0,
    placementsKnown: 0,
    threePlus: 0,
    longTermCohort: 0,
    longTermStable: 0,
    overdue: 0,
    health: 0,
    dental: 0,
    missing: 0,
    offered: 0,
    offeredAnswered: 0,
    absent: 0,
  };
  return {
    add(values) {
      n.rows += 1;
      const start = dateOf(values, 'dateStartedLookedAfter');
      const end = dateOf(values, 'dateCeasedLookedAfter');
      if (ctx.inLast(6, start)) {
        n.started += 1;
        need.add(ctx.code(values, 'categoryOfNeed'));
        if (yesNo(values, 'subsequentPeriod') === true) n.subsequent += 1;
      }
      if (!isOpen(ctx, end)) {
        if (ctx.inLast(6, end)) {
          n.ceased += 1;
          ceasedReason.add(ctx.code(values, 'reasonCeasedLookedAfter'));
        }
        return;
      }
      n.open += 1;
      people.add(values);
      if (yesNo(values, 'uasc') === true) n.uasc += 1;
      legal.add(ctx.code(values, 'legalStatus'));
      plan.add(ctx.code(values, 'permanencePlan'));
      placementType.add(ctx.code(values, 'placementType'));
      provider.add(ctx.code(values, 'placementProvider'));
      location.add(ctx.code(values, 'placementLocation'));

      const count = intOf(values, 'placementsInLast12Months');
      if (count === null || count < 0) placements.add(NOT_RECORDED);
      else {
        placements.add(count >= 5 ? '5 or more' : String(count));
        n.placementsKnown += 1;
        if (count >= 3) n.threePlus += 1;
      }
      // Long-term stability: in care for 2½ years or more, and of those, in the same placement for 2 years or more.
      if (start !== null && start <= ctx.monthsAgo(30)) {
        n.longTermCohort += 1;
        const placed = dateOf(values, 'placementStartDate');
        if (placed !== null && placed <= ctx.monthsAgo(24)) n.longTermStable += 1;
      }

      const band = visitBand(ctx, CIN_CLA_VISITS, values, 'dateOfLastSocialWorkVisit', 'dateStartedLookedAfter');
      visits.add(band);
      if (CIN_CLA_VISITS.overdue(band)) n.overdue += 1;

      const review = dateOf(values, 'dateOfLatestReview');
      if (review !== null && review <= ctx.inspection) reviews.add(SINCE_REVIEW.of(review, ctx.inspection));
      else reviews.add(start !== null && start > ctx.monthsAgo(1) ? NEW_NO_REVIEW : 'No review recorded');

      // Health assessments are due every 6 months under 5, every 12 months from 5 (ChAT's intended rule).
      const age = ageOf(values, ctx);
      if (ctx.inLast(age !== null && age < 5 ? 6 : 12, dateOf(values, 'dateOfLastHealthAssessment'))) n.health += 1;
      if (ctx.inLast(12, dateOf(values, 'dateOfLastDentalCheck'))) n.dental += 1;

      const missing = intOf(values, 'missingEpisodes');
      if (missing !== null && missing >= 1) {
        n.missing += 1;
        const offered = yesNo(values, 'returnInterviewOffered');
        if (offered !== null) {
          n.offeredAnswered += 1;
          if (offered) n.offered += 1;
        }
      }
      const absent = intOf(values, 'absentEpisodes');
      if (absent !== null && absent >= 1) n.absent += 1;
    },
    finish() {
      const inCare = 'children in care at the inspection date';
      return {
        figures: [
          countFigure('rows', 'Children in care at the inspection date or who left care in the six months before', n.rows),
          countFigure('open', 'Children in care at the inspection date', n.open),
          countFigure('started', 'Children who started to be looked after in the last six months', n.started),
          percentFigure('subsequent', 'Of those, in a second or later period of care within 12 months', n.subsequent, n.started),
          countFigure('ceased', 'Children who left care in the last six months', n.ceased),
          percentFigure('uasc', 'Children in care who are unaccompanied asylum-seeking children', n.uasc, n.open),
          percentFigure('shortTermStability', 'Children in care with 3 or more placements in the last 12 months', n.threePlus, n.placementsKnown, 'Short-term placement stability; lower is better.'),
          percentFigure(
            'longTermStability',
            'Children in care for 2½ years or more who have been in their current placement for 2 years or more',
            n.longTermStable,
            n.longTermCohort,
            'Long-term placement stability, as ChAT computes it: all ages (the DfE indicator also limits it to children under 16).',
          ),
          percentFigure('visitsOverdue', 'Children in care with no social work visit in the last 6 weeks', n.overdue, n.open, 'Six weeks is the most the regulations allow in a placement’s first year; a child in a placement agreed as long-term may be visited three-monthly after that.'),
          percentFigure('healthAssessment', 'Children in care with a health assessment in time', n.health, n.open, 'Within 6 months for a child under 5, 12 months from 5.'),
          percentFigure('dentalCheck', 'Children in care with a dental check in the last 12 months', n.dental, n.open),
          percentFigure('missing', 'Children in care who went missing in the last 12 months', n.missing, n.open),
          percentFigure('returnInterview', 'Of those, offered a return interview after their last missing episode', n.offered, n.offeredAnswered),
          percentFigure('absent', 'Children in care who were absent from their placement in the last 12 months', n.absent, n.open),
          ...people.figures(inCare),
        ],
        tables: [
          table('legalStatus', 'Legal status', 'bars', 'Legal status', inCare, legal),
          table('permanencePlan', 'Permanence plan', 'bars', 'Plan', inCare, plan),
          table('placementType', 'Placement type', 'bars', 'Placement type', inCare, placementType),
          table('placementProvider', 'Placement provider', 'bars', 'Provider', inCare, provider),
          table('placementLocation', 'Placed in or out of the area', 'share', 'Location', inCare, location),
          table('placements', 'Placements in the last 12 months', 'bars', 'Placements', inCare, placements),
          table('visits', 'Time since the last social work visit', 'bars', 'Last visit', inCare, visits),
          table('reviews', 'Time since the latest statutory review', 'bars', 'Latest review', inCare, reviews),
          table('categoryOfNeed', 'Category of need of children who started to be looked after in the last six months', 'bars', 'Category of need', 'children who started to be looked after', need),
          table('reasonCeased', 'Reason for leaving care', 'bars', 'Reason', 'children who left care in the last six months', ceasedReason),
          ...people.tables(inCare),
        ],
      };
    },
  };
}

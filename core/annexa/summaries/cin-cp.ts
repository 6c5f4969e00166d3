/**
 * Lists 6 and 7: children in need and child protection. Both hold episodes open at the inspection
 * date or ended in the six months before it; ChAT looks at the open ones (who, why, how long,
 * when last seen) and at the movement in and out over the six months.
 */
import { dayNumber } from '../dates.ts';
import { dateOf, intOf, yesNo } from './context.ts';
import type { ListContext, Values } from './context.ts';
import { atLeastMonths, EPISODE, SINCE_REVIEW } from './durations.ts';
import type { ListSummariser } from './list-summary.ts';
import { People } from './people.ts';
import { countFigure, NOT_RECORDED, percentFigure, table, Tally } from './tally.ts';
import { CIN_CLA_VISITS, CP_VISITS } from './visits.ts';
import type { VisitRule } from './visits.ts';

/** Open at the inspection date: no end date, or one after it. */
export function isOpen(ctx: ListContext, end: string | null): boolean {
  return end === null || end > ctx.inspection;
}

/** The visit band of an open case, from its last visit and its start. */
export function visitBand(ctx: ListContext, rule: VisitRule, values: Values, visitKey: string, startKey: string): string {
  const visit = dateOf(values, visitKey);
  const start = dateOf(values, startKey);
  const since = visit === null ? null : daysBetween(visit, ctx.inspection);
  const open = start === null ? null : daysBetween(start, ctx.inspection);
  return rule.band(since, open);
}

function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function childrenInNeed(ctx: ListContext): ListSummariser {
  const people = new People(ctx);
  const status = new Tally(ctx.codeLabels('caseStatus'));
  const need = new Tally(ctx.codeLabels('primaryNeed'));
  const closure = new Tally(ctx.codeLabels('reasonForClosure'));
  const length = new Tally(EPISODE.labels);
  const seen = new Tally(CIN_CLA_VISITS.labels);
  let rows = 0;
  let open = 0;
  let overdue = 0;
  let started = 0;
  let closed = 0;
  return {
    add(values) {
      rows += 1;
      status.add(ctx.code(values, 'caseStatus'));
      const start = dateOf(values, 'cinStartDate');
      const end = dateOf(values, 'cinClosureDate');
      if (ctx.inLast(6, start)) started += 1;
      if (isOpen(ctx, end)) {
        open += 1;
        people.add(values);
        need.add(ctx.code(values, 'primaryNeed'));
        length.add(start === null || start > ctx.inspection ? NOT_RECORDED : EPISODE.of(start, ctx.inspection));
        const band = visitBand(ctx, CIN_CLA_VISITS, values, 'dateLastSeen', 'cinStartDate');
        seen.add(band);
        if (CIN_CLA_VISITS.overdue(band)) overdue += 1;
      } else if (ctx.inLast(6, end)) {
        closed += 1;
        closure.add(ctx.code(values, 'reasonForClosure'));
      }
    },
    finish() {
      return {
        figures: [
          countFigure('rows', 'Children in need (open at the inspection date or closed in the six months before)', rows),
          countFigure('open', 'Children in need at the inspection date', open),
          countFigure('started', 'Episodes of need started in the last six months', started),
          countFigure('closed', 'Episodes of need closed in the last six months', closed),
          percentFigure('seenOverdue', 'Children in need at the inspection date not seen for more than 6 weeks', overdue, open, 'Includes those with no date last seen whose episode is older than 6 weeks.'),
          ...people.figures('children in need at the inspection date'),
        ],
        tables: [
          table('caseStatus', 'Case status', 'share', 'Case status', 'children in need', status),
          table('primaryNeed', 'Primary need of children in need at the inspection date', 'bars', 'Primary need', 'children in need at the inspection date', need),
          table('openLength', 'How long open episodes of need have lasted', 'bars', 'Length', 'children in need at the inspection date', length),
          table('lastSeen', 'Time since a child in need was last seen', 'bars', 'Last seen', 'children in need at the inspection date', seen),
          table('reasonForClosure', 'Reason for closure', 'bars', 'Reason', 'closed episodes', closure),
          ...people.tables('children in need at the inspection date'),
        ],
      };
    },
  };
}

const PREVIOUS_PLANS = ['0', '1', '2', '3 or more'];

export function childProtection(ctx: ListContext): ListSummariser {
  const people = new People(ctx);
  const previous = new Tally(PREVIOUS_PLANS);
  const initial = new Tally(ctx.codeLabels('initialCategoryOfAbuse'));
  const latest = new Tally(ctx.codeLabels('latestCategoryOfAbuse'));
  const length = new Tally(EPISODE.labels);
  const visits = new Tally(CP_VISITS.labels);
  const reviews = new Tally([...SINCE_REVIEW.labels, 'No review yet – plan started in the last 3 months', 'No review recorded']);
  let rows = 0;
  let open = 0;
  let started = 0;
  let startedRepeat = 0;
  let startedKnown = 0;
  let ended = 0;
  let endedLong = 0;
  let overdue = 0;
  let alone = 0;
  let aloneAnswered = 0;
  return {
    add(values) {
      rows += 1;
      const start = dateOf(values, 'cpPlanStartDate');
      const end = dateOf(values, 'cpPlanEndDate');
      const before = intOf(values, 'previousCpPlans');
      previous.add(before === null || before < 0 ? NOT_RECORDED : before >= 3 ? '3 or more' : String(before));
      if (ctx.inLast(6, start)) {
        started += 1;
        initial.add(ctx.code(values, 'initialCategoryOfAbuse'));
        if (before !== null && before >= 0) {
          startedKnown += 1;
          if (before >= 1) startedRepeat += 1;
        }
      }
      if (isOpen(ctx, end)) {
        open += 1;
        people.add(values);
        latest.add(ctx.code(values, 'latestCategoryOfAbuse'));
        length.add(start === null || start > ctx.inspection ? NOT_RECORDED : EPISODE.of(start, ctx.inspection));
        const band = visitBand(ctx, CP_VISITS, values, 'dateOfLastStatutoryVisit', 'cpPlanStartDate');
        visits.add(band);
        if (CP_VISITS.overdue(band)) overdue += 1;
        const a = yesNo(values, 'seenAlone');
        if (a !== null) {
          aloneAnswered += 1;
          if (a) alone += 1;
        }
        const review = dateOf(values, 'dateOfLatestReviewConference');
        if (review !== null && review <= ctx.inspection) reviews.add(SINCE_REVIEW.of(review, ctx.inspection));
        else if (start !== null && start > ctx.monthsAgo(3)) reviews.add('No review yet – plan started in the last 3 months');
        else reviews.add('No review recorded');
      } else if (ctx.inLast(6, end)) {
        ended += 1;
        if (start !== null && end !== null && atLeastMonths(start, end, 24)) endedLong += 1;
      }
    },
    finish() {
      return {
        figures: [
          countFigure('rows', 'Children on a plan at the inspection date or whose plan ended in the six months before', rows),
          countFigure('open', 'Children on a child protection plan at the inspection date', open),
          countFigure('started', 'Plans started in the last six months', started),
          percentFigure('repeatNew', 'Plans started in the last six months that are a second or later plan', startedRepeat, startedKnown),
          countFigure('ended', 'Plans ended in the last six months', ended),
          percentFigure('endedAfter2Years', 'Plans ended in the last six months that had lasted 2 years or more', endedLong, ended),
          percentFigure('visitsOverdue', 'Children on a plan with no statutory visit in the last 4 weeks', overdue, open, 'Includes plans older than 4 weeks with no visit recorded.'),
          percentFigure('seenAlone', 'Children on a plan seen alone at the last visit', alone, aloneAnswered),
          ...people.figures('children on a plan at the inspection date'),
        ],
        tables: [
          table('previousPlans', 'Previous child protection plans', 'bars', 'Previous plans', 'children on the list', previous),
          table('initialCategory', 'Initial category of abuse of plans started in the last six months', 'bars', 'Category', 'plans started in the last six months', initial),
          table('latestCategory', 'Latest category of abuse of open plans', 'bars', 'Category', 'children on a plan at the inspection date', latest),
          table('openLength', 'How long open plans have lasted', 'bars', 'Length', 'children on a plan at the inspection date', length),
          table('visits', 'Time since the last statutory visit', 'bars', 'Last visit', 'children on a plan at the inspection date', visits),
          table('reviews', 'Time since the latest review conference', 'bars', 'Latest review', 'children on a plan at the inspection date', reviews),
          ...people.tables('children on a plan at the inspection date'),
        ],
      };
    },
  };
}


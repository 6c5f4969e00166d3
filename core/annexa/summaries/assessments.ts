/**
 * Lists 4 and 5: assessments, and section 47 enquiries with their conferences. Timeliness is in
 * working days (weekends and England and Wales bank holidays left out), as ChAT and the statutory
 * guidance count it: an assessment is due within 45 working days of its start; an initial child
 * protection conference within 15 working days of the strategy discussion that started the
 * enquiry. The bands are ChAT's.
 */
import { workingDaysBetweenDays } from '../working-days.ts';
import { dayOf, intOf, yesNo } from './context.ts';
import type { ListContext } from './context.ts';
import type { ListSummariser } from './list-summary.ts';
import { People } from './people.ts';
import { bands, countFigure, Mean, meanFigure, NOT_RECORDED, percentFigure, table, Tally } from './tally.ts';

/** A completion before its start: counted apart, never as "same day". */
export const DATE_ERROR = 'Ends before it starts';

const ASSESSMENT_DAYS = bands(
  [
    [0, 'Same day'],
    [10, '1–10'],
    [20, '11–20'],
    [30, '21–30'],
    [40, '31–40'],
    [45, '41–45'],
    [50, '46–50'],
    [60, '51–60'],
  ],
  '61 or more',
);

const ICPC_DAYS = bands(
  [
    [0, 'Same day'],
    [5, '1–5'],
    [10, '6–10'],
    [13, '11–13'],
    [15, '14–15'],
    [17, '16–17'],
    [20, '18–20'],
  ],
  '21 or more',
);

export function assessments(ctx: ListContext): ListSummariser {
  const people = new People(ctx);
  const children = new Set<string>();
  const duration = new Tally(ASSESSMENT_DAYS.labels);
  const mean = new Mean();
  let completed = 0;
  let within = 0;
  let open = 0;
  let openOverdue = 0;
  let support = 0;
  let supportAnswered = 0;
  return {
    add(values) {
      people.add(values);
      const id = values[ctx.list.person];
      if (id !== null && id !== undefined) children.add(String(id));
      const start = dayOf(values, 'continuousAssessmentStartDate');
      const end = dayOf(values, 'assessmentAuthorisationDate');
      if (end === null || end > ctx.today) {
        // Open at the inspection date: overdue once 45 working days have passed.
        open += 1;
        if (start !== null && workingDaysBetweenDays(start, ctx.today) > 45) openOverdue += 1;
      } else if (start !== null) {
        completed += 1;
        const days = workingDaysBetweenDays(start, end);
        if (days < 0) duration.add(DATE_ERROR);
        else {
          duration.add(ASSESSMENT_DAYS.of(days));
          mean.add(days);
          if (days <= 45) within += 1;
        }
        const s = yesNo(values, 'requiresSupport');
        if (s !== null) {
          supportAnswered += 1;
          if (s) support += 1;
        }
      }
    },
    finish() {
      return {
        figures: [
          countFigure('rows', 'Assessments', people.count),
          countFigure('children', 'Children assessed', children.size),
          countFigure('completed', 'Assessments completed (authorised)', completed),
          percentFigure('within45', 'Completed assessments authorised within 45 working days of the start', within, completed),
          meanFigure('averageDays', 'Average working days from start to authorisation', mean, 'working days'),
          countFigure('open', 'Assessments open at the inspection date', open),
          percentFigure('openOverdue', 'Open assessments already past 45 working days', openOverdue, open),
          percentFigure('requiresSupport', 'Completed assessments that found the child needed social care support', support, supportAnswered),
          ...people.figures('assessments'),
        ],
        tables: [
          table('duration', 'Working days from start to authorisation', 'bars', 'Working days', 'completed assessments', duration, {
            note: 'Working days after the start date up to and including the authorisation date; weekends and bank holidays in England and Wales left out. Within 45 is in time.',
          }),
          ...people.tables('assessments'),
        ],
      };
    },
  };
}

const S47S_IN_12_MONTHS = ['0', '1', '2', '3', '4 or more'];

export function section47(ctx: ListContext): ListSummariser {
  const people = new People(ctx);
  const children = new Set<string>();
  const toIcpc = new Tally(ICPC_DAYS.labels);
  const mean = new Mean();
  const previous = new Tally(S47S_IN_12_MONTHS);
  let icpcs = 0;
  let timed = 0;
  let within = 0;
  let unnecessary = 0;
  let unnecessaryAnswered = 0;
  let toPlan = 0;
  let toPlanAnswered = 0;
  let repeat = 0;
  let repeatKnown = 0;
  return {
    add(values) {
      people.add(values);
      const id = values[ctx.list.person];
      if (id !== null && id !== undefined) children.add(String(id));
      const u = yesNo(values, 'icpcUnnecessary');
      if (u !== null) {
        unnecessaryAnswered += 1;
        if (u) unnecessary += 1;
      }
      const strategy = dayOf(values, 'strategyDiscussionDate');
      const icpc = dayOf(values, 'icpcDate');
      if (icpc !== null && icpc <= ctx.today) {
        icpcs += 1;
        const p = yesNo(values, 'icpcResultedInPlan');
        if (p !== null) {
          toPlanAnswered += 1;
          if (p) toPlan += 1;
        }
        if (strategy !== null) {
          const days = workingDaysBetweenDays(strategy, icpc);
          if (days < 0) toIcpc.add(DATE_ERROR);
          else {
            timed += 1;
            toIcpc.add(ICPC_DAYS.of(days));
            mean.add(days);
            if (days <= 15) within += 1;
          }
        }
      }
      // The template's count of section 47 enquiries is of earlier ones (its FAQ's worked example):
      // 1 or more means this child had another enquiry in the 12 months.
      const before = intOf(values, 's47sInLast12Months');
      if (before === null || before < 0) previous.add(NOT_RECORDED);
      else {
        previous.add(before >= 4 ? '4 or more' : String(before));
        repeatKnown += 1;
        if (before >= 1) repeat += 1;
      }
    },
    finish() {
      return {
        figures: [
          countFigure('rows', 'Section 47 enquiries', people.count),
          countFigure('children', 'Children subject of a section 47 enquiry', children.size),
          percentFigure('icpcUnnecessary', 'Enquiries where an initial child protection conference was deemed unnecessary', unnecessary, unnecessaryAnswered),
          countFigure('icpcs', 'Initial child protection conferences held', icpcs),
          percentFigure('within15', 'Conferences held within 15 working days of the strategy discussion', within, timed),
          meanFigure('averageDays', 'Average working days from strategy discussion to conference', mean, 'working days'),
          percentFigure('icpcToPlan', 'Conferences that led to a child protection plan', toPlan, toPlanAnswered),
          percentFigure('repeat', 'Enquiries about a child with an earlier section 47 enquiry in the 12 months', repeat, repeatKnown),
          ...people.figures('section 47 enquiries'),
        ],
        tables: [
          table('strategyToIcpc', 'Working days from strategy discussion to initial conference', 'bars', 'Working days', 'conferences held', toIcpc, {
            note: 'Working days after the strategy discussion up to and including the conference; weekends and bank holidays in England and Wales left out. Within 15 is in time.',
          }),
          table('s47sIn12Months', 'Earlier section 47 enquiries in the 12 months, as recorded on each enquiry', 'bars', 'Earlier enquiries', 'section 47 enquiries', previous),
          ...people.tables('section 47 enquiries'),
        ],
      };
    },
  };
}

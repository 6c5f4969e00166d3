/**
 * List 9: care leavers. ChAT's (and the DfE's) measures by age band: in touch, in suitable
 * accommodation, in education, employment or training. Each share is of every care leaver in the
 * band, as the DfE reports them: a young person not in touch counts as not known to be in suitable
 * accommodation or EET.
 */
import type { SummaryFigure, SummaryTable } from '../../../shared/annexa/summaries.ts';
import { ageOf, codeLabel, dateOf } from './context.ts';
import type { ListContext, Values } from './context.ts';
import type { ListSummariser } from './list-summary.ts';
import { CARE_LEAVER_AGE_GROUPS, People } from './people.ts';
import { countFigure, NOT_RECORDED, percentFigure, table, Tally } from './tally.ts';

const MEASURES = ['Care leavers', 'In touch', 'In suitable accommodation', 'In education, employment or training'] as const;
/** F1-F5 and P1-P5 are in education, employment or training; G4-G6 are not. */
const EET = /^[FP]\d/iu;

function labelIs(values: Values, key: string, label: string): boolean {
  const value = values[key];
  return typeof value === 'string' && codeLabel(value).trim().toLowerCase() === label;
}

export function careLeavers(ctx: ListContext): ListSummariser {
  const people = new People(ctx, CARE_LEAVER_AGE_GROUPS);
  const eligibility = new Tally(ctx.codeLabels('eligibility'));
  const accommodation = new Tally(ctx.codeLabels('accommodationType'));
  const activity = new Tally(ctx.codeLabels('activityStatus'));
  const bands = [...CARE_LEAVER_AGE_GROUPS.labels, NOT_RECORDED];
  const byAge = new Map(bands.map((b) => [b, [0, 0, 0, 0]]));
  const hasPathwayPlans = ctx.has('latestPathwayPlanReviewDate');
  let rows = 0;
  let reviewed = 0;
  return {
    add(values) {
      rows += 1;
      people.add(values);
      eligibility.add(ctx.code(values, 'eligibility'));
      accommodation.add(ctx.code(values, 'accommodationType'));
      activity.add(ctx.code(values, 'activityStatus'));
      const age = ageOf(values, ctx);
      const counts = byAge.get(age === null ? NOT_RECORDED : CARE_LEAVER_AGE_GROUPS.of(age))!;
      counts[0] += 1;
      if (labelIs(values, 'inTouch', 'yes')) counts[1] += 1;
      if (labelIs(values, 'accommodationSuitability', 'suitable')) counts[2] += 1;
      const status = values.activityStatus;
      if (typeof status === 'string' && EET.test(codeLabel(status))) counts[3] += 1;
      if (hasPathwayPlans && ctx.inLast(6, dateOf(values, 'latestPathwayPlanReviewDate'))) reviewed += 1;
    },
    finish() {
      const figures: SummaryFigure[] = [countFigure('rows', 'Care leavers', rows)];
      for (const band of ['17–18', '19–21']) {
        const c = byAge.get(band)!;
        const id = band === '17–18' ? '17to18' : '19to21';
        figures.push(
          percentFigure(`inTouch${id}`, `Care leavers aged ${band} in touch`, c[1], c[0]),
          percentFigure(`suitable${id}`, `Care leavers aged ${band} in suitable accommodation`, c[2], c[0]),
          percentFigure(`eet${id}`, `Care leavers aged ${band} in education, employment or training`, c[3], c[0]),
        );
      }
      if (hasPathwayPlans) {
        figures.push(percentFigure('pathwayPlanReviewed', 'Care leavers whose pathway plan was reviewed in the last 6 months', reviewed, rows, 'A pathway plan is to be reviewed at least every six months.'));
      }
      figures.push(...people.figures('care leavers'));
      const outcomes: SummaryTable = {
        id: 'byAge',
        label: 'In touch, in suitable accommodation and in education, employment or training, by age',
        chart: 'grouped-bars',
        rowHeading: 'Age',
        series: [...MEASURES],
        rows: bands.filter((b) => b !== NOT_RECORDED || byAge.get(b)![0] > 0).map((b) => ({ label: b, values: [...byAge.get(b)!] })),
        counted: 'care leavers',
      };
      return {
        figures,
        tables: [
          outcomes,
          table('eligibility', 'Eligibility category', 'share', 'Eligibility', 'care leavers', eligibility),
          table('accommodation', 'Type of accommodation', 'bars', 'Accommodation', 'care leavers', accommodation),
          table('activity', 'Activity', 'bars', 'Activity', 'care leavers', activity),
          ...people.tables('care leavers'),
        ],
      };
    },
  };
}

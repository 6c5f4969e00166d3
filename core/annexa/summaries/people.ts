/**
 * Who is on a list, ChAT's way: age group by sex, ethnicity, and the share with a disability.
 * Each list decides which of its rows to count (every contact; only the children in care at the
 * inspection date) and what to call them.
 */
import type { SummaryFigure, SummaryTable } from '../../../shared/annexa/summaries.ts';
import { ageOf, yesNo } from './context.ts';
import type { ListContext, Values } from './context.ts';
import { bands, capitalise, Grid, NOT_RECORDED, percentFigure, table, Tally } from './tally.ts';

/** ChAT's age groups (an unborn child, age -1, counts as under 1). */
export const CHILD_AGE_GROUPS = bands(
  [
    [0, 'Under 1 (incl. unborn)'],
    [4, '1–4'],
    [9, '5–9'],
    [15, '10–15'],
  ],
  '16 and over',
);

/** ChAT's care leaver age groups, the bands the DfE reports care leavers' outcomes in. */
export const CARE_LEAVER_AGE_GROUPS = bands(
  [
    [16, '16 or under'],
    [18, '17–18'],
    [21, '19–21'],
  ],
  '22 and over',
);

export class People {
  private readonly ctx: ListContext;
  private readonly ages: typeof CHILD_AGE_GROUPS;
  private readonly sexKey: string | null;
  private readonly ageBySex: Grid;
  private readonly ethnicity: Tally;
  private readonly hasDisability: boolean;
  private disabled = 0;
  count = 0;

  constructor(ctx: ListContext, ages = CHILD_AGE_GROUPS) {
    this.ctx = ctx;
    this.ages = ages;
    this.sexKey = ctx.pick('sex', 'gender');
    this.ageBySex = new Grid([...ages.labels], this.sexKey ? ctx.codeLabels(this.sexKey) : []);
    this.ethnicity = new Tally(ctx.codeLabels('ethnicity'));
    this.hasDisability = ctx.has('disability');
  }

  add(values: Values): void {
    this.count += 1;
    const age = ageOf(values, this.ctx);
    const sex = this.sexKey ? this.ctx.code(values, this.sexKey) : NOT_RECORDED;
    this.ageBySex.add(age === null ? NOT_RECORDED : this.ages.of(age), sex);
    if (this.ctx.has('ethnicity')) this.ethnicity.add(this.ctx.code(values, 'ethnicity'));
    if (this.hasDisability && yesNo(values, 'disability') === true) this.disabled += 1;
  }

  /** Age by sex (for a list with ages) and ethnicity, of what `counted` names. */
  tables(counted: string, withAges = true): SummaryTable[] {
    const out: SummaryTable[] = [];
    if (withAges && this.ctx.ageKey !== null) out.push(table('ageBySex', `Age and sex of ${counted}`, 'grouped-bars', 'Age group', counted, this.ageBySex));
    if (this.ctx.has('ethnicity')) out.push(table('ethnicity', `Ethnicity of ${counted}`, 'bars', 'Ethnicity', counted, this.ethnicity));
    return out;
  }

  figures(counted: string): SummaryFigure[] {
    if (!this.hasDisability) return [];
    return [percentFigure('disability', `${capitalise(counted)} with a disability`, this.disabled, this.count)];
  }
}

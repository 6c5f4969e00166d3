/**
 * ChAT-style summaries of the Annex A lists, as the API returns them and the UI and the workbook's
 * Summary sheet show them. Every figure and table carries its own plain label, so whatever shows
 * it (a chart, a sheet, the CLI) needs no knowledge of what was measured or how.
 *
 * Runs in the browser too: no Node built-ins here.
 */
import { z } from 'zod';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'a date written YYYY-MM-DD');

/** What a figure's value is: a count, a percentage (0-100), an average number of days … */
export const SummaryUnit = z.enum(['count', 'percent', 'days', 'working days']);
export type SummaryUnit = z.infer<typeof SummaryUnit>;

/**
 * One number with its label: "Assessments completed within 45 working days", 82.4 percent, 412 of
 * 500. `value` is null when there is nothing to measure (no completed assessments), so a screen
 * can say so rather than show 0%.
 */
export const SummaryFigure = z
  .object({
    /** Stable within its list ("within45"), for a screen that picks a figure to highlight. */
    id: z.string().min(1),
    label: z.string().min(1),
    value: z.number().nullable(),
    unit: SummaryUnit,
    /** For a percentage: the count it is a share of `of`. */
    count: z.number().int().nonnegative().optional(),
    of: z.number().int().nonnegative().optional(),
    /** How it was worked out, in a sentence, where the label cannot say it all. */
    note: z.string().optional(),
  })
  .strict();
export type SummaryFigure = z.infer<typeof SummaryFigure>;

/** One row of a breakdown: an age group, a source, a band of working days; a count per series. */
export const SummaryRow = z
  .object({
    label: z.string().min(1),
    values: z.array(z.number().int().nonnegative()),
  })
  .strict();
export type SummaryRow = z.infer<typeof SummaryRow>;

/**
 * A breakdown: rows (categories or bands, in their natural order) by series (one series, "Children";
 * or one per sex for age by sex). Each series' total is the sum of its column, so shares need no
 * other number. `chart` says what the table is made to be drawn as: `bars` (one bar per row),
 * `grouped-bars` (the series side by side: age by sex), `share` (parts of a whole: a donut).
 */
export const SummaryTable = z
  .object({
    id: z.string().min(1),
    label: z.string().min(1),
    chart: z.enum(['bars', 'grouped-bars', 'share']),
    /** What the rows are: "Age group", "Working days from start to authorisation". */
    rowHeading: z.string().min(1),
    series: z.array(z.string().min(1)).min(1),
    rows: z.array(SummaryRow),
    /** What was counted: "open child protection plans". */
    counted: z.string().min(1),
    note: z.string().optional(),
  })
  .strict()
  .superRefine((table, ctx) => {
    table.rows.forEach((row, i) => {
      if (row.values.length !== table.series.length) {
        ctx.addIssue({ code: 'custom', path: ['rows', i, 'values'], message: `a value for each of the ${table.series.length} series` });
      }
    });
  });
export type SummaryTable = z.infer<typeof SummaryTable>;

export const ListSummary = z
  .object({
    /** The list's key in the spec ("list4"). */
    list: z.string().min(1),
    /** As the template titles it: "List 4: Assessments". */
    title: z.string().min(1),
    rows: z.number().int().nonnegative(),
    figures: z.array(SummaryFigure),
    tables: z.array(SummaryTable),
  })
  .strict();
export type ListSummary = z.infer<typeof ListSummary>;

export const AnnexASummaries = z
  .object({
    /** The date the figures are measured at (ages, open cases, visits due). */
    inspectionDate: IsoDate,
    /** The spec the lists follow ("annex-a-2024"). */
    spec: z.string().min(1),
    lists: z.array(ListSummary),
  })
  .strict();
export type AnnexASummaries = z.infer<typeof AnnexASummaries>;

/** A figure's value as a person reads it: "82.4%", "1,204", "31.5 working days"; "none to measure" for null. */
export function formatFigure(figure: SummaryFigure): string {
  if (figure.value === null) return 'none to measure';
  const number = (n: number, digits: number) => n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  switch (figure.unit) {
    case 'percent':
      return `${number(figure.value, 1)}%${figure.count !== undefined && figure.of !== undefined ? ` (${number(figure.count, 0)} of ${number(figure.of, 0)})` : ''}`;
    case 'count':
      return number(figure.value, 0);
    default:
      return `${number(figure.value, 1)} ${figure.unit}`;
  }
}

/**
 * Where the bars of a summary table go: horizontal bars (row labels read left to right, however
 * long, at 1024 px wide), one per row, or one per series side by side (age by sex), or bars with
 * their share of the whole (sources). Pure geometry, so it is tested without a browser; the SVG
 * (BarChart.tsx) only draws it.
 */
import type { SummaryTable } from '../../../shared/annexa/summaries.ts';

export interface Bar {
  series: number;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The number at the bar's end: "12", or "12 (40%)" for a share. */
  text: string;
  /** Said on hover: "Male, 5 to 9: 12". */
  title: string;
}

export interface BarRow {
  label: string;
  /** The label as drawn: cut with "…" when it would not fit (the full one is its title). */
  shown: string;
  y: number;
  bars: Bar[];
}

export interface BarLayout {
  width: number;
  height: number;
  labelWidth: number;
  plotX: number;
  plotWidth: number;
  /** The scale's top: a round number at or above the largest value. */
  max: number;
  ticks: number[];
  rows: BarRow[];
  /** Series names, when there is more than one (a legend is drawn). */
  legend: string[];
  /** The y where the bars start (below the legend). */
  top: number;
  /** Rows left out of the drawing because they are all zero (see rowsToDraw). */
  left: number;
}

/** Above this many rows, rows that are all zero are not drawn (a code list of 22 sources, 3 used). */
export const MANY_ROWS = 10;

/**
 * The rows worth a bar. A short table keeps every row, zero or not: its rows are bands in order
 * (ages, working days), where a zero says something. A long one is a code list, where two dozen
 * empty rows would bury the few that count; its table still lists them all.
 */
export function rowsToDraw(table: Pick<SummaryTable, 'rows'>): SummaryTable['rows'] {
  if (table.rows.length <= MANY_ROWS) return table.rows;
  return table.rows.filter((r) => r.values.some((v) => v !== 0));
}

/** Average width of a character at the chart's font size; labels are measured with it. */
const CHAR = 7;
const VALUE_AREA = 84;
const BAR = 18;
const GROUPED_BAR = 14;
const ROW_GAP = 8;
const LEGEND = 24;
const AXIS = 20;

/** The smallest of 1, 2, 5 × 10ⁿ at or above `value` (and at least 1). */
export function niceMax(value: number): number {
  if (!(value > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

function cut(label: string, room: number): string {
  const fits = Math.max(3, Math.floor(room / CHAR));
  return label.length <= fits ? label : `${label.slice(0, fits - 1).trimEnd()}…`;
}

const n = (x: number) => x.toLocaleString('en-GB');

export function layoutBars(table: SummaryTable, width: number): BarLayout {
  const drawn = rowsToDraw(table);
  const grouped = table.chart === 'grouped-bars' && table.series.length > 1;
  const seriesShown = grouped ? table.series.length : 1;
  const longest = Math.max(0, ...drawn.map((r) => r.label.length));
  const labelWidth = Math.round(Math.min(Math.max(longest * CHAR + 12, 60), width * 0.4));
  const plotX = labelWidth;
  const plotWidth = Math.max(40, width - labelWidth - VALUE_AREA);
  const values = drawn.flatMap((r) => r.values.slice(0, seriesShown));
  const max = niceMax(Math.max(0, ...values));
  const totals = table.series.map((_, s) => table.rows.reduce((sum, r) => sum + (r.values[s] ?? 0), 0));
  const legend = grouped ? [...table.series] : [];
  const top = legend.length ? LEGEND : 0;
  const barHeight = grouped ? GROUPED_BAR : BAR;
  const rowHeight = barHeight * seriesShown + ROW_GAP;

  const rows: BarRow[] = drawn.map((row, i) => {
    const y = top + i * rowHeight;
    const bars: Bar[] = [];
    for (let s = 0; s < seriesShown; s++) {
      const value = row.values[s] ?? 0;
      const share = table.chart === 'share' && totals[s] > 0 ? ` (${Math.round((value / totals[s]) * 100)}%)` : '';
      bars.push({
        series: s,
        value,
        x: plotX,
        y: y + s * barHeight,
        width: (value / max) * plotWidth,
        height: barHeight - 2,
        text: `${n(value)}${share}`,
        title: `${grouped || table.series.length > 1 ? `${table.series[s]}, ` : ''}${row.label}: ${n(value)}${share}`,
      });
    }
    return { label: row.label, shown: cut(row.label, labelWidth - 12), y, bars };
  });
  const ticks = [0, max / 2, max].filter((t, i, all) => all.indexOf(t) === i && Number.isInteger(t));
  return { width, height: top + rows.length * rowHeight + AXIS, labelWidth, plotX, plotWidth, max, ticks, rows, legend, top, left: table.rows.length - drawn.length };
}

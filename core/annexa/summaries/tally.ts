/**
 * Counting for the summaries: categories in a fixed order, bands of a number, two-way grids (age
 * by sex), and the figures built from them. Everything is a plain count while rows stream past;
 * labels and shares are made once at the end.
 */
import type { SummaryFigure, SummaryRow, SummaryTable } from '../../../shared/annexa/summaries.ts';

export const NOT_RECORDED = 'Not recorded';
export const OTHER_VALUE = 'Other value';

/** Counts per category, reported in the order given; unknown categories after them, blanks last. */
export class Tally {
  private readonly order: readonly string[];
  private readonly counts = new Map<string, number>();
  total = 0;

  constructor(order: readonly string[]) {
    this.order = order;
    for (const label of order) this.counts.set(label, 0);
  }

  add(label: string, n = 1): void {
    this.counts.set(label, (this.counts.get(label) ?? 0) + n);
    this.total += n;
  }

  count(label: string): number {
    return this.counts.get(label) ?? 0;
  }

  /** Every category of the order (zeros included, so a chart keeps its shape), then any others seen. */
  rows(): SummaryRow[] {
    const known = new Set(this.order);
    const extra = [...this.counts.keys()].filter((k) => !known.has(k) && k !== NOT_RECORDED && k !== OTHER_VALUE).sort();
    const labels = [...this.order, ...extra, ...[OTHER_VALUE, NOT_RECORDED].filter((k) => !known.has(k) && (this.counts.get(k) ?? 0) > 0)];
    return labels.map((label) => ({ label, values: [this.counts.get(label) ?? 0] }));
  }
}

/** Counts by row and series: age group by sex. */
export class Grid {
  private readonly rowOrder: readonly string[];
  private readonly seriesOrder: readonly string[];
  private readonly cells = new Map<string, Map<string, number>>();

  constructor(rows: readonly string[], series: readonly string[]) {
    this.rowOrder = rows;
    this.seriesOrder = series;
  }

  add(row: string, series: string): void {
    let line = this.cells.get(row);
    if (!line) {
      line = new Map();
      this.cells.set(row, line);
    }
    line.set(series, (line.get(series) ?? 0) + 1);
  }

  /** The series: the given ones, then any others seen (blanks as "Not recorded"), in that order. */
  series(): string[] {
    const seen = new Set<string>();
    for (const line of this.cells.values()) for (const s of line.keys()) seen.add(s);
    const known = new Set(this.seriesOrder);
    const extra = [...seen].filter((s) => !known.has(s) && s !== NOT_RECORDED && s !== OTHER_VALUE).sort();
    return [...this.seriesOrder, ...extra, ...[OTHER_VALUE, NOT_RECORDED].filter((s) => !known.has(s) && seen.has(s))];
  }

  rows(): SummaryRow[] {
    const series = this.series();
    const known = new Set(this.rowOrder);
    const extra = [...this.cells.keys()].filter((r) => !known.has(r));
    return [...this.rowOrder, ...extra].map((label) => ({ label, values: series.map((s) => this.cells.get(label)?.get(s) ?? 0) }));
  }
}

/** A band for a number: the label of the first band whose upper bound (inclusive) it does not pass. */
export interface Bands {
  labels: string[];
  of(value: number): string;
}

/** `[[0, 'Same day'], [10, '1–10'], …]` and a label for anything above the last bound. */
export function bands(bounds: readonly (readonly [number, string])[], above: string): Bands {
  const labels = [...bounds.map(([, label]) => label), above];
  return {
    labels,
    of(value) {
      for (const [max, label] of bounds) if (value <= max) return label;
      return above;
    },
  };
}

/** A mean that is summed as rows pass. */
export class Mean {
  sum = 0;
  n = 0;
  add(value: number): void {
    this.sum += value;
    this.n += 1;
  }
  get value(): number | null {
    return this.n === 0 ? null : this.sum / this.n;
  }
}

// ---------------------------------------------------------------------------------------------
// Figures and tables
// ---------------------------------------------------------------------------------------------

export function countFigure(id: string, label: string, value: number, note?: string): SummaryFigure {
  return note ? { id, label, value, unit: 'count', note } : { id, label, value, unit: 'count' };
}

/** A share as a percentage; null when there is nothing to take a share of. */
export function percentFigure(id: string, label: string, count: number, of: number, note?: string): SummaryFigure {
  const figure: SummaryFigure = { id, label, value: of === 0 ? null : (count / of) * 100, unit: 'percent', count, of };
  if (note) figure.note = note;
  return figure;
}

export function meanFigure(id: string, label: string, mean: Mean, unit: 'days' | 'working days', note?: string): SummaryFigure {
  const figure: SummaryFigure = { id, label, value: mean.value, unit };
  if (note) figure.note = note;
  return figure;
}

export function table(
  id: string,
  label: string,
  chart: SummaryTable['chart'],
  rowHeading: string,
  counted: string,
  source: Tally | Grid,
  options: { series?: string; note?: string } = {},
): SummaryTable {
  const series = source instanceof Grid ? source.series() : [options.series ?? capitalise(counted)];
  const out: SummaryTable = { id, label, chart, rowHeading, series, rows: source.rows(), counted };
  if (options.note) out.note = options.note;
  return out;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

import { describe, expect, it } from 'vitest';
import type { SummaryTable } from '../../../shared/annexa/summaries.ts';
import { layoutBars, niceMax } from '../../../renderer/src/annexa/bar-chart-layout.ts';

const table = (patch: Partial<SummaryTable>): SummaryTable => ({
  id: 't',
  label: 'Children by age',
  chart: 'bars',
  rowHeading: 'Age group',
  series: ['Children'],
  rows: [
    { label: 'Under 1', values: [3] },
    { label: '1 to 4', values: [7] },
    { label: '5 to 9', values: [0] },
  ],
  counted: 'children',
  ...patch,
});

describe('bar chart layout', () => {
  it('scales to a round number, bars in proportion, a zero bar with no width', () => {
    expect([niceMax(0), niceMax(1), niceMax(7), niceMax(12), niceMax(480), niceMax(5000)]).toEqual([1, 1, 10, 20, 500, 5000]);
    const layout = layoutBars(table({}), 600);
    expect(layout.max).toBe(10);
    const [under1, toFour, toNine] = layout.rows.map((r) => r.bars[0]);
    expect(toFour.width / under1.width).toBeCloseTo(7 / 3);
    expect(toNine.width).toBe(0);
    expect(toFour.x + (10 / 7) * toFour.width).toBeCloseTo(layout.plotX + layout.plotWidth);
    expect(layout.legend).toEqual([]);
    expect(layout.ticks).toEqual([0, 5, 10]);
  });

  it('draws series side by side with a legend, each bar titled with its series', () => {
    const layout = layoutBars(table({ chart: 'grouped-bars', series: ['Male', 'Female'], rows: [{ label: 'Under 1', values: [2, 5] }] }), 600);
    expect(layout.legend).toEqual(['Male', 'Female']);
    expect(layout.rows[0].bars.map((b) => b.title)).toEqual(['Male, Under 1: 2', 'Female, Under 1: 5']);
    expect(layout.rows[0].bars[1].y).toBeGreaterThan(layout.rows[0].bars[0].y);
  });

  it('gives each part of a whole its share, and cuts a long label (its title keeps it whole)', () => {
    const long = 'p1) 5D: Early help services and the multi-agency front door';
    const layout = layoutBars(table({ chart: 'share', rows: [{ label: long, values: [1] }, { label: 'Police', values: [3] }] }), 500);
    expect(layout.rows.map((r) => r.bars[0].text)).toEqual(['1 (25%)', '3 (75%)']);
    expect(layout.rows[0].shown.endsWith('…')).toBe(true);
    expect(layout.rows[0].label).toBe(long);
    expect(layout.labelWidth).toBeLessThanOrEqual(200);
  });

  it('leaves the empty rows of a long code list out of the drawing, but keeps a short table’s zero bands', () => {
    const sources = Array.from({ length: 22 }, (_, i) => ({ label: `Source ${i + 1}`, values: [i === 3 ? 2 : i === 7 ? 1 : 0] }));
    const layout = layoutBars(table({ rows: sources }), 600);
    expect(layout.rows.map((r) => r.label)).toEqual(['Source 4', 'Source 8']);
    expect(layout.left).toBe(20);
    expect(layoutBars(table({}), 600).rows).toHaveLength(3);
  });
});

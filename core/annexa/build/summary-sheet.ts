/**
 * The workbook's `Summary` sheet: the same figures and breakdowns the app's dashboard charts, list
 * by list, as rows a manager can read or copy into a report. Everything shown comes from the
 * summaries' own labels (shared/annexa/summaries.ts); this module only lays them out.
 */
import type { AnnexASummaries, SummaryFigure, SummaryTable } from '../../../shared/annexa/summaries.ts';
import type { CellInput, SheetWriter, XlsxWriter } from '../../xlsx/xlsx-writer.ts';

export const SUMMARY_SHEET = 'Summary';

const ukDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function figureCells(f: SummaryFigure): CellInput[] {
  if (f.value === null) return [f.label, 'none to measure', '', f.note ?? ''];
  switch (f.unit) {
    case 'percent':
      return [f.label, { value: f.value / 100, kind: 'percent' }, f.count !== undefined && f.of !== undefined ? `${f.count} of ${f.of}` : '', f.note ?? ''];
    case 'count':
      return [f.label, f.value, '', f.note ?? ''];
    default:
      return [f.label, Math.round(f.value * 10) / 10, f.unit, f.note ?? ''];
  }
}

async function writeTable(sheet: SheetWriter, t: SummaryTable): Promise<void> {
  await sheet.row([`${t.label} (${t.counted})`], { style: 'bold' });
  const single = t.series.length === 1;
  await sheet.row([t.rowHeading, ...t.series, single ? '% of total' : 'Total'], { style: 'header' });
  const totals = t.series.map((_, i) => t.rows.reduce((sum, r) => sum + r.values[i], 0));
  for (const r of t.rows) {
    if (single) {
      await sheet.row([r.label, r.values[0], totals[0] > 0 ? { value: r.values[0] / totals[0], kind: 'percent' } : '']);
    } else {
      await sheet.row([r.label, ...r.values, r.values.reduce((a, b) => a + b, 0)]);
    }
  }
  await sheet.row(['Total', ...totals, single ? '' : totals.reduce((a, b) => a + b, 0)], { style: 'bold' });
  if (t.note) await sheet.row([t.note]);
}

export async function writeSummarySheet(workbook: XlsxWriter, summaries: AnnexASummaries): Promise<void> {
  const sheet = await workbook.sheet(SUMMARY_SHEET, {
    columns: [
      { kind: 'text', width: 64 },
      { kind: 'number', width: 16 },
      { kind: 'number', width: 16 },
      { kind: 'number', width: 16 },
      { kind: 'number', width: 16 },
      { kind: 'number', width: 16 },
      { kind: 'number', width: 16 },
    ],
    frozenRows: 1,
  });
  await sheet.row([`Summary of the lists at ${ukDate(summaries.inspectionDate)} (${summaries.spec})`], { style: 'title' });
  for (const list of summaries.lists) {
    await sheet.row([]);
    await sheet.row([list.title, `${list.rows} ${list.rows === 1 ? 'row' : 'rows'}`], { style: 'title' });
    for (const f of list.figures) await sheet.row(figureCells(f));
    for (const t of list.tables) {
      await sheet.row([]);
      await writeTable(sheet, t);
    }
  }
  await sheet.close();
}

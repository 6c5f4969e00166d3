/**
 * The workbook's `Data quality` sheet: every finding, in words, with where to find it in the source
 * (list, source file or sheet, the row as Excel numbers it, the column's template header).
 *
 * In a pseudonymised copy the sheet gives only counts by list, column, rule and severity: a
 * message may quote a value (a date of birth, an id) and a source row points back at the
 * original extract, so neither leaves in a copy meant for wider sharing.
 */
import type { AnnexASpec } from '../../../shared/annexa/spec-schema.ts';
import type { Finding } from '../model.ts';
import type { XlsxWriter } from '../../xlsx/xlsx-writer.ts';

export const DATA_QUALITY_SHEET = 'Data quality';

type Findings = Iterable<Finding> | AsyncIterable<Finding>;

/** "List 7" and the column's header as the template spells it, from the spec's keys. */
export function findingPlace(spec: AnnexASpec): (finding: Finding) => { list: string; column: string } {
  const lists = new Map(spec.lists.map((l) => [l.key, l]));
  return (finding) => {
    const list = lists.get(finding.list);
    const column = finding.column === null ? '' : (list?.columns.find((c) => c.key === finding.column)?.header ?? finding.column);
    return { list: list ? `List ${list.number}` : finding.list, column };
  };
}

/** Writes the sheet with every finding; returns how many. */
export async function writeFindingsSheet(workbook: XlsxWriter, spec: AnnexASpec, findings: Findings): Promise<number> {
  const sheet = await workbook.sheet(DATA_QUALITY_SHEET, {
    columns: [
      { kind: 'text', width: 9 },
      { kind: 'text', width: 28 },
      { kind: 'number', width: 7 },
      { kind: 'text', width: 36 },
      { kind: 'text', width: 22 },
      { kind: 'text', width: 9 },
      { kind: 'text', width: 90 },
    ],
    frozenRows: 2,
    autoFilterRow: 2,
  });
  const place = findingPlace(spec);
  await sheet.row(['Data quality: every finding, to fix or look at before the lists go out'], { style: 'title' });
  await sheet.row(['List', 'Source', 'Row', 'Column', 'Rule', 'Severity', 'Message'], { style: 'header' });
  let count = 0;
  for await (const f of findings) {
    const { list, column } = place(f);
    await sheet.row([list, f.source, f.row, column, f.rule, f.severity, f.message]);
    count += 1;
  }
  if (count === 0) await sheet.row(['', '', null, '', '', '', 'No findings: every check passed.']);
  await sheet.close();
  return count;
}

/** Writes the sheet with counts only (the pseudonymised copy); returns how many findings were counted. */
export async function writeFindingCountsSheet(workbook: XlsxWriter, spec: AnnexASpec, findings: Findings): Promise<number> {
  const place = findingPlace(spec);
  const counts = new Map<string, { list: string; column: string; rule: string; severity: string; n: number; order: number }>();
  const listOrder = new Map(spec.lists.map((l) => [l.key, l.number]));
  let total = 0;
  for await (const f of findings) {
    const { list, column } = place(f);
    const key = JSON.stringify([f.list, f.column, f.rule, f.severity]);
    const entry = counts.get(key);
    if (entry) entry.n += 1;
    else counts.set(key, { list, column, rule: f.rule, severity: f.severity, n: 1, order: listOrder.get(f.list) ?? 99 });
    total += 1;
  }
  const sheet = await workbook.sheet(DATA_QUALITY_SHEET, {
    columns: [
      { kind: 'text', width: 9 },
      { kind: 'text', width: 36 },
      { kind: 'text', width: 22 },
      { kind: 'text', width: 9 },
      { kind: 'number', width: 10 },
    ],
    frozenRows: 2,
    autoFilterRow: 2,
  });
  await sheet.row(['Data quality: findings counted by list, column and rule (this copy leaves out messages and source rows)'], { style: 'title' });
  await sheet.row(['List', 'Column', 'Rule', 'Severity', 'Findings'], { style: 'header' });
  const rows = [...counts.values()].sort((a, b) => a.order - b.order || a.column.localeCompare(b.column) || a.rule.localeCompare(b.rule) || a.severity.localeCompare(b.severity));
  for (const r of rows) await sheet.row([r.list, r.column, r.rule, r.severity, r.n]);
  if (rows.length === 0) await sheet.row(['', 'No findings: every check passed.']);
  await sheet.close();
  return total;
}

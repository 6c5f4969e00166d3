/**
 * The Annex A workbook in Ofsted's layout: sheets `List_1` … `List_11`, row 1 the list's title
 * (merged across its columns, as the template has it), row 2 the headers exactly as the template
 * spells them, data from row 3 in the spec's column order; then `Data quality` and `Summary`.
 *
 * Rows are streamed list by list from the caller, so 113,000 rows never sit in memory at once. The
 * file appears at `path` only when it is complete: it is written beside it under a temporary name
 * and renamed at the end, and removed if anything fails, so a half-written workbook of child-level
 * data is never left where someone might send it.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { AnnexASummaries } from '../../../shared/annexa/summaries.ts';
import type { AnnexASpec, ListSpec } from '../../../shared/annexa/spec-schema.ts';
import type { Finding, ListRow } from '../model.ts';
import { headerRowHeight, sheetColumns } from './columns.ts';
import { writeFindingCountsSheet, writeFindingsSheet } from './data-quality-sheet.ts';
import { writeSummarySheet } from './summary-sheet.ts';
import { columnLetter, XlsxWriter } from '../../xlsx/xlsx-writer.ts';
import { MemorySink } from '../../xlsx/zip-writer.ts';
import type { CellInput } from '../../xlsx/xlsx-writer.ts';

export type Rows = Iterable<ListRow> | AsyncIterable<ListRow>;

export interface WorkbookInput {
  spec: AnnexASpec;
  /** The rows of one list, in the order they are to be written; called once per list, in list order. */
  rows(list: ListSpec): Rows;
  findings: Iterable<Finding> | AsyncIterable<Finding>;
  summaries: AnnexASummaries;
  /**
   * A copy for wider sharing (its rows already pseudonymised by the caller): the data-quality sheet
   * then gives counts only, never a message or source row that could point back at a person.
   */
  pseudonymised?: boolean;
}

export interface WorkbookResult {
  path: string;
  /** Data rows written to each list sheet. */
  lists: { list: string; sheet: string; rows: number }[];
  findings: number;
  bytes: number;
}

async function writeList(workbook: XlsxWriter, spec: AnnexASpec, list: ListSpec, rows: Rows): Promise<number> {
  const codeSets = new Map(spec.codeSets.map((s) => [s.key, s]));
  const columns = sheetColumns(list, codeSets);
  const last = columnLetter(list.columns.length - 1);
  const sheet = await workbook.sheet(list.sheet, {
    columns,
    frozenRows: 2,
    autoFilterRow: 2,
    merges: list.columns.length > 1 ? [`A1:${last}1`] : [],
  });
  await sheet.row([list.title], { style: 'title' });
  await sheet.row(
    list.columns.map((c) => c.header),
    { style: 'header', height: headerRowHeight(list, columns) },
  );
  const keys = list.columns.map((c) => c.key);
  const cells: CellInput[] = new Array<CellInput>(keys.length);
  let count = 0;
  for await (const row of rows) {
    if (row.list !== list.key) throw new Error(`A row of ${row.list} was given for ${list.key} (${row.source}, row ${row.row}).`);
    for (let i = 0; i < keys.length; i++) cells[i] = row.values[keys[i]];
    await sheet.row(cells);
    count += 1;
  }
  await sheet.close();
  return count;
}

/** Every sheet, in order, into an open writer. */
async function writeSheets(workbook: XlsxWriter, input: WorkbookInput): Promise<{ lists: WorkbookResult['lists']; findings: number }> {
  const lists: WorkbookResult['lists'] = [];
  for (const list of input.spec.lists) {
    const rows = await writeList(workbook, input.spec, list, input.rows(list));
    lists.push({ list: list.key, sheet: list.sheet, rows });
  }
  const findings = input.pseudonymised
    ? await writeFindingCountsSheet(workbook, input.spec, input.findings)
    : await writeFindingsSheet(workbook, input.spec, input.findings);
  await writeSummarySheet(workbook, input.summaries);
  await workbook.finish();
  return { lists, findings };
}

/** Writes the workbook to `path` (replacing any file there once the new one is complete). */
export async function writeAnnexAWorkbook(path: string, input: WorkbookInput): Promise<WorkbookResult> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.partial`);
  const workbook = await XlsxWriter.create(temporary);
  try {
    const { lists, findings } = await writeSheets(workbook, input);
    await rename(temporary, path);
    return { path, lists, findings, bytes: (await stat(path)).size };
  } catch (error) {
    await workbook.abort();
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * The workbook as bytes, never touching the disk: for the app, which hands it to the user to save
 * where they choose (child-level data is written nowhere else).
 */
export async function annexAWorkbookBytes(input: WorkbookInput): Promise<{ bytes: Uint8Array; lists: WorkbookResult['lists']; findings: number }> {
  const sink = new MemorySink();
  const { lists, findings } = await writeSheets(XlsxWriter.into(sink), input);
  return { bytes: sink.bytes(), lists, findings };
}

/**
 * The request log as an Excel workbook, for the inspection's own records or to send on: one row per
 * request (newest received first), every field, its links as paths (a document's present path, with
 * its page; the query of a search; the label of anything else), one per line in the cell.
 *
 * Times are real Excel date-times shown dd/mm/yyyy hh:mm, in this computer's local time (Excel has no
 * time zones, and the people reading it think in UK wall-clock time; see times.ts). The header row is
 * frozen and filters every column. Every text is written as text, never a formula (the writer's rule).
 */
import { isOverdue, minutesOpen, type InspectorRequest } from '../../shared/requests.ts';
import { XlsxWriter, type CellInput, type SheetColumn } from '../xlsx/xlsx-writer.ts';
import { MemorySink } from '../xlsx/zip-writer.ts';
import { linkAsText } from './links.ts';
import { localWallClock } from '../../shared/dates.ts';

const STATUS_LABEL: Record<InspectorRequest['status'], string> = { new: 'New', 'in-progress': 'In progress', answered: 'Answered', withdrawn: 'Withdrawn' };

const COLUMNS: { header: string; column: SheetColumn; value: (r: InspectorRequest, now: Date) => CellInput }[] = [
  { header: 'ID', column: { kind: 'number', width: 6 }, value: (r) => r.id },
  { header: 'Received', column: { kind: 'datetime', width: 17 }, value: (r) => localWallClock(r.received) },
  { header: 'Inspector', column: { kind: 'text', width: 20 }, value: (r) => r.inspector },
  { header: 'Request', column: { kind: 'text', width: 60 }, value: (r) => r.text },
  { header: 'Due', column: { kind: 'datetime', width: 17 }, value: (r) => (r.due ? localWallClock(r.due) : null) },
  { header: 'Priority', column: { kind: 'text', width: 9 }, value: (r) => (r.priority === 'high' ? 'High' : 'Normal') },
  { header: 'Owner', column: { kind: 'text', width: 20 }, value: (r) => r.owner },
  { header: 'Framework', column: { kind: 'id', width: 14 }, value: (r) => r.frameworkId },
  { header: 'Judgement', column: { kind: 'id', width: 12 }, value: (r) => r.judgementId },
  { header: 'Status', column: { kind: 'text', width: 12 }, value: (r) => STATUS_LABEL[r.status] },
  { header: 'Answered', column: { kind: 'datetime', width: 17 }, value: (r) => (r.answered ? localWallClock(r.answered) : null) },
  { header: 'Closed', column: { kind: 'datetime', width: 17 }, value: (r) => (r.closed ? localWallClock(r.closed) : null) },
  { header: 'Minutes open', column: { kind: 'number', width: 9 }, value: (r, now) => minutesOpen(r, now) },
  { header: 'Overdue', column: { kind: 'text', width: 9 }, value: (r, now) => (isOverdue(r, now) ? 'Yes' : 'No') },
  { header: 'Response', column: { kind: 'text', width: 60 }, value: (r) => r.response },
  { header: 'Links', column: { kind: 'text', width: 70 }, value: (r) => r.links.map(linkAsText).join('\n') },
];

/** The header names, in order (for tests and for anyone reading the sheet by name). */
export const LOG_HEADERS = COLUMNS.map((c) => c.header);

/** The workbook's bytes, built in memory: a log is a few hundred rows at most. */
export async function requestLogWorkbook(requests: readonly InspectorRequest[], now = new Date()): Promise<Uint8Array<ArrayBuffer>> {
  const sink = new MemorySink();
  const book = XlsxWriter.into(sink);
  const sheet = await book.sheet('Requests', { columns: COLUMNS.map((c) => c.column), frozenRows: 1, autoFilterRow: 1 });
  await sheet.row(LOG_HEADERS, { style: 'header' });
  for (const r of requests) await sheet.row(COLUMNS.map((c) => c.value(r, now)));
  await sheet.close();
  await book.finish();
  return new Uint8Array(sink.bytes());
}

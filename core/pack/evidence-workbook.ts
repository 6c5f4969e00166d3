/**
 * The pack's `Evidence index.xlsx`: the evidence as a list anyone can sort and filter in Excel,
 * each row linking to the file's copy inside the pack.
 *
 * Sheet `Evidence`: one row per evidence item and criterion it is tagged against, in the
 * framework's order (an item tagged to three criteria gives three rows, all linking to its one
 * copy), with every field of the item and the tag: judgement, criterion, strength, note, title,
 * what it shows, team, evidence and review dates as real dates (dd/mm/yyyy), status, past review
 * date, changed since tagged, file name, format, size, and the path inside the pack as a relative
 * link, so it opens the file wherever the pack folder is copied (`\\server\share\…` included). The
 * header row is frozen and filters every column. An item no criterion links to (there should be
 * none) still gets a row, with the criterion cells empty, so nothing in the pack is missing here.
 *
 * Sheet `About`: when the pack was made (UK time), the framework, the scope and the counts.
 *
 * Every text is written as text (an inline string in a text-formatted cell), never as a formula:
 * a title of `=HYPERLINK(…)` or `+cmd` shows as typed and stays text if the cell is edited.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PACK_FILES } from '../../shared/pack.ts';
import { MAX_LINKS, XlsxWriter } from '../xlsx/xlsx-writer.ts';
import type { CellInput, SheetColumn } from '../xlsx/xlsx-writer.ts';
import { MemorySink } from '../xlsx/zip-writer.ts';
import type { PackContent, PackItem, PackLink } from './model.ts';
import { ukDateAndTime } from './site/format.ts';

export interface EvidenceIndexResult {
  /** Rows on the Evidence sheet (the header not counted). */
  rows: number;
  /** Rows whose path is a link, and rows whose path is plain text because Excel could take no more links (see MAX_LINKS). */
  links: number;
  linksLeftOut: number;
}

/** The Evidence sheet's columns, in order: the header, the kind of value and the width. */
const EVIDENCE_COLUMNS: { header: string; column: SheetColumn }[] = [
  { header: 'Judgement', column: { kind: 'text', width: 30 } },
  { header: 'Criterion', column: { kind: 'id', width: 10 } },
  { header: 'Criterion title', column: { kind: 'text', width: 40 } },
  { header: 'Strength', column: { kind: 'text', width: 11 } },
  { header: 'Note', column: { kind: 'text', width: 40 } },
  { header: 'Evidence', column: { kind: 'text', width: 40 } },
  { header: 'What it shows', column: { kind: 'text', width: 60 } },
  { header: 'Team', column: { kind: 'text', width: 20 } },
  { header: 'Evidence date', column: { kind: 'date', width: 13 } },
  { header: 'Review by', column: { kind: 'date', width: 12 } },
  { header: 'Status', column: { kind: 'text', width: 10 } },
  { header: 'Past review date', column: { kind: 'text', width: 11 } },
  { header: 'Changed since tagged', column: { kind: 'text', width: 11 } },
  { header: 'File name', column: { kind: 'text', width: 36 } },
  { header: 'Format', column: { kind: 'text', width: 11 } },
  { header: 'Size (KB)', column: { kind: 'number', width: 10 } },
  { header: 'File in this pack', column: { kind: 'text', width: 60 } },
  { header: 'Evidence ID', column: { kind: 'number', width: 11 } },
];

const STATUS_LABEL: Record<PackItem['status'], string> = { draft: 'Draft', approved: 'Approved', retired: 'Retired' };
const STRENGTH_LABEL: Record<PackLink['strength'], string> = { key: 'Key', supporting: 'Supporting' };

function yesNo(value: boolean): string {
  return value ? 'Yes' : 'No';
}

/** Kilobytes as Windows Explorer shows a file's size: rounded up, so a small file is 1 KB, not 0. */
function kilobytes(bytes: number): number {
  return Math.ceil(bytes / 1024);
}

/** The item's cells, the same on each of its rows. */
function itemCells(item: PackItem): CellInput[] {
  return [
    item.title,
    item.summary,
    item.team,
    item.evidenceDate,
    item.reviewBy,
    STATUS_LABEL[item.status],
    yesNo(item.stale),
    yesNo(item.changedSinceTagged),
    item.fileName,
    item.format,
    kilobytes(item.bytes),
    { text: item.path, link: item.path },
    item.evidenceId,
  ];
}

async function writeEvidenceSheet(workbook: XlsxWriter, content: PackContent): Promise<EvidenceIndexResult> {
  const sheet = await workbook.sheet('Evidence', { columns: EVIDENCE_COLUMNS.map((c) => c.column), frozenRows: 1, autoFilterRow: 1 });
  await sheet.row(
    EVIDENCE_COLUMNS.map((c) => c.header),
    { style: 'header', height: 30 },
  );
  const cells = content.items.map(itemCells);
  const linked = new Set<number>();
  for (const judgement of content.judgements) {
    for (const criterion of judgement.criteria) {
      for (const link of criterion.links) {
        const item = cells[link.item];
        if (item === undefined) throw new Error(`Criterion ${criterion.id} links to item ${link.item}, which the pack does not have.`);
        linked.add(link.item);
        await sheet.row([judgement.title, criterion.id, criterion.title, STRENGTH_LABEL[link.strength], link.note, ...item]);
      }
    }
  }
  for (let i = 0; i < cells.length; i++) {
    if (!linked.has(i)) await sheet.row([null, null, null, null, null, ...cells[i]]);
  }
  const result = { rows: sheet.rowCount - 1, links: sheet.linkCount, linksLeftOut: sheet.linksLeftOut };
  await sheet.close();
  return result;
}

async function writeAboutSheet(workbook: XlsxWriter, content: PackContent, evidence: EvidenceIndexResult): Promise<void> {
  const sheet = await workbook.sheet('About', {
    columns: [
      { kind: 'text', width: 44 },
      { kind: 'general', width: 60 },
      { kind: 'number', width: 14 },
      { kind: 'number', width: 14 },
    ],
  });
  const made = ukDateAndTime(content.createdAt);
  const criteria = content.judgements.flatMap((j) => j.criteria);
  const withEvidence = criteria.filter((c) => c.links.length > 0).length;
  const { framework } = content;

  await sheet.row(['Evidence index'], { style: 'title' });
  await sheet.row([]);
  await sheet.row(['Pack made on', made ? { value: made.isoDate, kind: 'date' } : content.createdAt]);
  if (made) await sheet.row(['At (UK time)', made.time]);
  await sheet.row(['Framework', framework.title]);
  await sheet.row(['Judgements in scope', content.judgements.length]);
  if (framework.version) await sheet.row(['Version', framework.version]);
  await sheet.row(['Evidence of these statuses', content.statuses.map((s) => STATUS_LABEL[s]).join(', ')]);
  await sheet.row(['Evidence items', content.items.length]);
  await sheet.row(['Rows in the Evidence sheet (one per item and criterion)', evidence.rows]);
  await sheet.row(['Criteria in scope', criteria.length]);
  await sheet.row(['Criteria with evidence in this pack', withEvidence]);
  await sheet.row(['Criteria with no evidence in this pack', criteria.length - withEvidence]);
  await sheet.row(['Items past their review date', content.items.filter((i) => i.stale).length]);
  await sheet.row(['Items whose file changed since it was tagged', content.items.filter((i) => i.changedSinceTagged).length]);
  await sheet.row(['Made with', `Evidence Store ${content.appVersion}`]);
  await sheet.row([]);

  await sheet.row(['Judgement', 'Criteria', 'With evidence', 'Evidence items'], { style: 'header' });
  for (const judgement of content.judgements) {
    const items = new Set(judgement.criteria.flatMap((c) => c.links.map((l) => l.item)));
    await sheet.row([judgement.title, judgement.criteria.length, judgement.criteria.filter((c) => c.links.length > 0).length, items.size]);
  }
  await sheet.row([]);
  await sheet.row(["The links in the Evidence sheet open the files in this pack's evidence folder: keep this workbook in the pack's folder."]);
  if (evidence.linksLeftOut > 0) {
    await sheet.row([
      `${evidence.linksLeftOut} rows show their file's path as text, not a link: Excel holds at most ${MAX_LINKS.toLocaleString('en-GB')} links in a sheet.`,
    ]);
  }
  await sheet.close();
}

/** Both sheets into an open writer, then the workbook's own parts. */
async function writeWorkbook(workbook: XlsxWriter, content: PackContent): Promise<EvidenceIndexResult> {
  const evidence = await writeEvidenceSheet(workbook, content);
  await writeAboutSheet(workbook, content, evidence);
  await workbook.finish();
  return evidence;
}

/**
 * Writes `Evidence index.xlsx` into the pack folder `packDir` (replacing one there once the new one
 * is complete: it is written under a temporary name beside it and renamed, and removed on failure).
 */
export async function writeEvidenceIndex(packDir: string, content: PackContent): Promise<EvidenceIndexResult & { path: string; bytes: number }> {
  const path = join(packDir, PACK_FILES.workbook);
  const temporary = join(packDir, `.${PACK_FILES.workbook}.${randomBytes(6).toString('hex')}.partial`);
  const workbook = await XlsxWriter.create(temporary);
  try {
    const result = await writeWorkbook(workbook, content);
    await rename(temporary, path);
    return { ...result, path, bytes: (await stat(path)).size };
  } catch (error) {
    await workbook.abort();
    await rm(temporary, { force: true });
    throw error;
  }
}

/** The same workbook as bytes, never touching the disk. */
export async function evidenceIndexBytes(content: PackContent): Promise<EvidenceIndexResult & { bytes: Uint8Array }> {
  const sink = new MemorySink();
  const result = await writeWorkbook(XlsxWriter.into(sink), content);
  return { ...result, bytes: sink.bytes() };
}

/**
 * `annexa validate` and `annexa build`: Annex A from case-management extracts, for scripts. The
 * same API methods as the app's Annex A screen, with the child-level data in memory: a check from
 * the command line leaves no child's data behind anywhere but the workbook it was asked to write.
 * The core records the import and the workbook in the audit log of the index the session opened
 * (cli/main.ts), or of none when there is no index: the output says which.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AnnexaFinding, AnnexaImportReport } from '../../shared/annexa/api.ts';
import { annexASpec } from '../../shared/annexa/index.ts';
import type { Api } from '../../shared/contract.ts';
import { ApiCallError } from '../../shared/api-error.ts';
import { UsageError } from '../args.ts';

export interface AnnexaOptions {
  action: string | undefined;
  files: string[];
  inspectionDate?: string;
  mapping?: string;
  spec?: string;
  out?: string;
  pseudonymise: boolean;
  json: boolean;
  /** The index whose audit log records this run, or why it is not recorded (no index, or it is locked to us). */
  auditLog: { index: string; notRecorded: string | null };
}

const USAGE = 'Usage: evidence-store annexa validate|build <file>... --inspection-date YYYY-MM-DD [--out FILE.xlsx] [--mapping FILE] [--spec ID] [--db FILE] [--json]';

export async function runAnnexa(api: Api, options: AnnexaOptions): Promise<number> {
  if (options.action !== 'validate' && options.action !== 'build') throw new UsageError(USAGE);
  if (!options.files.length) throw new UsageError(`Name the extracts to read.\n${USAGE}`);
  if (!options.inspectionDate) throw new UsageError(`--inspection-date is needed: the lists' windows and ages are worked out from it.\n${USAGE}`);
  if (options.action === 'build' && !options.out) throw new UsageError(`--out FILE.xlsx says where to write the workbook.\n${USAGE}`);
  let mapping: string | undefined;
  if (options.mapping) {
    try {
      mapping = await readFile(options.mapping, 'utf8');
    } catch (error) {
      throw new UsageError(`The mapping file “${options.mapping}” could not be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
    }
  }
  let report: AnnexaImportReport;
  try {
    report = await api.call('annexa.import', {
      files: options.files.map((f) => ({ path: resolve(f) })),
      inspectionDate: options.inspectionDate,
      specId: options.spec,
      mapping,
    });
  } catch (error) {
    // Nothing readable was given: the files' fault, not the command line's (exit 1, not 2).
    if (error instanceof ApiCallError && error.field === 'files') {
      console.error(`evidence-store annexa: ${error.message}`);
      return 1;
    }
    throw error;
  }
  const spec = annexASpec(report.specId)!;
  const listName = (key: string) => `List ${spec.lists.find((l) => l.key === key)?.number ?? key}`;
  const headerOf = (list: string, column: string | null) =>
    column === null ? null : (spec.lists.find((l) => l.key === list)?.columns.find((c) => c.key === column)?.header.trim() ?? column);
  const findings = (await allFindings(api)).map((f) => ({
    list: listName(f.list),
    source: f.source,
    row: f.row,
    column: headerOf(f.list, f.column),
    rule: f.rule,
    severity: f.severity,
    message: f.message,
  }));
  const lists = report.lists.map((l) => ({ list: listName(l.list), rows: l.rows, source: l.source }));

  let written: { out: string; bytes: number } | null = null;
  if (options.action === 'build') {
    const bytes = await api.call('annexa.workbook', { pseudonymise: options.pseudonymise });
    const out = resolve(options.out!);
    await writeFile(out, bytes);
    written = { out, bytes: bytes.byteLength };
  }

  if (options.json) {
    const auditLog = options.auditLog.notRecorded === null ? options.auditLog.index : null;
    console.log(JSON.stringify({ rows: report.rows, lists, findings, unreadable: report.unreadable, unrecognised: report.unrecognised, ...(written ?? {}), auditLog }));
  } else {
    printReport(report, lists, findings, listName);
    if (written) console.log(`\nWorkbook${options.pseudonymise ? ' (pseudonymised)' : ''} written to ${written.out}`);
    console.log(auditLine(options.auditLog));
  }
  // The command ran whatever it found; a file it could not read is a failure to do what was asked.
  return report.unreadable.length ? 1 : 0;
}

/** Where this run was recorded, or why it was not. */
function auditLine({ index, notRecorded }: AnnexaOptions['auditLog']): string {
  return notRecorded === null ? `Recorded in the audit log of ${index} (evidence-store audit lists it).` : `Not recorded in an audit log: ${notRecorded}`;
}

/** Every finding, page by page. */
async function allFindings(api: Api): Promise<AnnexaFinding[]> {
  const out: AnnexaFinding[] = [];
  for (;;) {
    const page = await api.call('annexa.findings', { offset: out.length, limit: 1000 });
    out.push(...page.findings);
    if (!page.findings.length || out.length >= page.total) return out;
  }
}

function printReport(
  report: AnnexaImportReport,
  lists: { list: string; rows: number; source: string }[],
  findings: { list: string; source: string | null; row: number | null; column: string | null; severity: string; message: string }[],
  listName: (key: string) => string,
): void {
  console.log(`${report.rows} rows in ${lists.length} list(s); ${report.errors} error(s), ${report.warnings} warning(s); ${report.changes} value(s) normalised (${report.seconds} s)`);
  for (const l of lists) console.log(`  ${l.list.padEnd(8)} ${String(l.rows).padStart(7)} rows  ${l.source}`);
  if (report.missingLists.length) console.log(`Not given: ${report.missingLists.map(listName).join(', ')}`);
  for (const u of report.unreadable) console.log(`Could not read: ${u.message}`);
  for (const u of report.unrecognised) console.log(`Not a list: ${u.source}: ${u.reason}`);
  for (const f of findings) {
    const where = [f.source, f.row === null ? null : `row ${f.row}`, f.column].filter(Boolean).join(', ');
    console.log(`${f.severity === 'error' ? 'error  ' : 'warning'} ${f.list}${where ? ` (${where})` : ''}: ${f.message}`);
  }
}

/**
 * Building the Annex A workbook from stored rows in one call, for the API handler and the CLI:
 * a first pass over the rows for the summaries, a second to write them (pseudonymised, for the
 * shareable copy). `rows(list)` is therefore read twice and must give the same rows each time (a
 * query of the Annex A store does).
 *
 * The summaries are always worked out from the original rows, so the inspectors' workbook and the
 * shareable copy show the same figures.
 */
import type { AnnexASummaries } from '../../../shared/annexa/summaries.ts';
import type { AnnexASpec, ListSpec } from '../../../shared/annexa/spec-schema.ts';
import type { Finding } from '../model.ts';
import { createSummariser } from '../summaries.ts';
import { Pseudonymiser } from './pseudonymise.ts';
import { annexAWorkbookBytes, writeAnnexAWorkbook } from './workbook.ts';
import type { Rows, WorkbookInput, WorkbookResult } from './workbook.ts';

export interface BuildInput {
  spec: AnnexASpec;
  /** `YYYY-MM-DD`. */
  inspectionDate: string;
  rows(list: ListSpec): Rows;
  findings: Iterable<Finding> | AsyncIterable<Finding>;
  /** Write the copy for wider sharing instead of the inspectors' workbook. */
  pseudonymise?: boolean;
}

export interface BuildResult extends WorkbookResult {
  summaries: AnnexASummaries;
  /** For a pseudonymised copy: how many distinct ids were replaced, per column key. */
  replacedIds?: Record<string, number>;
}

/** Where the workbook goes: a file, or bytes in memory. */
export type BuildTarget = { path: string } | { memory: true };

export async function buildAnnexAWorkbook(path: string, input: BuildInput): Promise<BuildResult> {
  const built = await build({ path }, input);
  return built as BuildResult;
}

/** The workbook as bytes (for the app to hand to the user), with what it holds. */
export async function buildAnnexAWorkbookBytes(input: BuildInput): Promise<{ bytes: Uint8Array; lists: WorkbookResult['lists']; findings: number; summaries: AnnexASummaries }> {
  return (await build({ memory: true }, input)) as { bytes: Uint8Array; lists: WorkbookResult['lists']; findings: number; summaries: AnnexASummaries };
}

async function build(target: BuildTarget, input: BuildInput): Promise<object> {
  const summariser = createSummariser(input.spec, input.inspectionDate);
  for (const list of input.spec.lists) for await (const row of input.rows(list)) summariser.add(row);
  const summaries = summariser.result();
  const pseudonymiser = input.pseudonymise ? new Pseudonymiser(input.spec) : null;
  const workbookInput: WorkbookInput = {
    spec: input.spec,
    rows: pseudonymiser ? (list) => pseudonymiser.rows(input.rows(list)) : input.rows,
    findings: input.findings,
    summaries,
    pseudonymised: pseudonymiser !== null,
  };
  const result = 'path' in target ? await writeAnnexAWorkbook(target.path, workbookInput) : await annexAWorkbookBytes(workbookInput);
  return pseudonymiser ? { ...result, summaries, replacedIds: pseudonymiser.replaced() } : { ...result, summaries };
}

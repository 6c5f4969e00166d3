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
import { writeAnnexAWorkbook } from './workbook.ts';
import type { Rows, WorkbookResult } from './workbook.ts';

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

export async function buildAnnexAWorkbook(path: string, input: BuildInput): Promise<BuildResult> {
  const summariser = createSummariser(input.spec, input.inspectionDate);
  for (const list of input.spec.lists) for await (const row of input.rows(list)) summariser.add(row);
  const summaries = summariser.result();
  if (!input.pseudonymise) {
    const result = await writeAnnexAWorkbook(path, { spec: input.spec, rows: input.rows, findings: input.findings, summaries });
    return { ...result, summaries };
  }
  const pseudonymiser = new Pseudonymiser(input.spec);
  const result = await writeAnnexAWorkbook(path, {
    spec: input.spec,
    rows: (list) => pseudonymiser.rows(input.rows(list)),
    findings: input.findings,
    summaries,
    pseudonymised: true,
  });
  return { ...result, summaries, replacedIds: pseudonymiser.replaced() };
}

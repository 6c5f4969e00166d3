/**
 * One Annex A job from start to end, the same in a worker and in the calling thread:
 *
 * - import: read the files → recognise each table's list and map its columns (the user's saved
 *   mapping first) → normalise every row, listing each change → validate the lists → replace the
 *   stored import in one transaction (a failure leaves the previous import as it was);
 * - workbook: the stored import as Ofsted's workbook, in memory, plain or pseudonymised.
 */
import type { AnnexaImportReport, AnnexaListReport, AnnexaProgress } from '../../shared/annexa/api.ts';
import { annexASpec } from '../../shared/annexa/index.ts';
import type { AnnexASpec } from '../../shared/annexa/spec-schema.ts';
import { ApiFailure } from '../api/errors.ts';
import { buildAnnexAWorkbookBytes } from './build/build.ts';
import type { AnnexaJob, ImportRequest, WorkbookRequest } from './jobs.ts';
import { MappingFileError, parseMappingFile } from './mapping-file.ts';
import type { Change, Finding, ListRow, RawCell } from './model.ts';
import { createNormaliser } from './normalise/normaliser.ts';
import { readSources, type SourceFile, type SourceInput } from './read/index.ts';
import { recogniseSources } from './recognise.ts';
import { allFindings, beginImport, importMeta, iterateRows, type AnnexaDb } from './store.ts';
import { summariseAnnexA } from './summaries.ts';
import { validateLists } from './validate/validate.ts';

type Progress = (progress: AnnexaProgress) => void;

/** Rows are written to the store in batches this big: one statement per row, one flush per batch. */
const BATCH = 2000;
/** Sample values shown per column on the mapping screen. */
const SAMPLES = 3;

export async function runJob(job: AnnexaJob, db: AnnexaDb, onProgress: Progress): Promise<unknown> {
  return job.kind === 'import' ? runImport(job, db, onProgress) : runWorkbook(job, db, onProgress);
}

function specOf(id: string): AnnexASpec {
  const spec = annexASpec(id);
  if (!spec) throw new ApiFailure('not-found', `There is no Annex A version “${id}”.`);
  return spec;
}

/** A cell as the mapping screen shows it. */
function sample(cell: RawCell): string | null {
  if (cell === null) return null;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  const text = String(cell).trim();
  return text ? text.slice(0, 60) : null;
}

function* allRows(byList: Map<string, ListRow[]>): Generator<ListRow> {
  for (const rows of byList.values()) yield* rows;
}

/** How a CSV was read, when it is worth a look: not UTF-8, so accented letters may have been guessed. */
function readingNotes(file: SourceFile | undefined): string[] {
  if (!file || file.format !== 'csv' || !file.encoding || /^utf-?(8|16)/iu.test(file.encoding)) return [];
  return [`${file.name} is not UTF-8, so it was read as ${file.encoding}: check that accented letters and quotes look right in the samples.`];
}

export async function runImport(job: ImportRequest, db: AnnexaDb, onProgress: Progress): Promise<AnnexaImportReport> {
  const started = performance.now();
  const spec = specOf(job.specId);
  let saved;
  try {
    saved = job.mapping === null ? undefined : parseMappingFile(job.mapping, spec).lists;
  } catch (error) {
    if (error instanceof MappingFileError) throw new ApiFailure('invalid-argument', error.message, 'mapping');
    throw error;
  }
  onProgress({ phase: 'reading', done: 0, total: job.files.length, secondsLeft: null, message: null });
  const inputs: SourceInput[] = job.files.map((f) => ('path' in f ? f.path : { name: f.name, bytes: f.bytes }));
  const files = await readSources(inputs);
  const found = recogniseSources(files, spec, { saved });

  const writer = beginImport(db);
  try {
    const byList = new Map<string, ListRow[]>();
    const lists: AnnexaListReport[] = [];
    const normaliserFindings: Finding[] = [];
    let changeCount = 0;
    let done = 0;
    let lastReport = 0;
    for (const { table, recognition } of found.recognised) {
      const listKey = recognition.list!;
      const list = spec.lists.find((l) => l.key === listKey)!;
      const mapping = recognition.mapping!;
      const normalise = createNormaliser(spec, listKey, mapping, { inspectionDate: job.inspectionDate });
      const samples = new Map<number, string[]>();
      // Headers still short of their samples: once none is, the rows are not looked at for them.
      let sampling = table.headers.length;
      let rows = byList.get(listKey);
      if (!rows) byList.set(listKey, (rows = []));
      let batch: ListRow[] = [];
      let changes: Change[] = [];
      let count = 0;
      for await (const raw of table.rows) {
        const result = normalise(table.source, raw);
        rows.push(result.row);
        batch.push(result.row);
        for (const c of result.changes) changes.push(c);
        for (const f of result.findings) normaliserFindings.push(f);
        for (let index = 0; sampling > 0 && index < table.headers.length; index++) {
          const seen = samples.get(index) ?? [];
          if (seen.length >= SAMPLES) continue;
          const value = sample(raw.cells[index] ?? null);
          if (value === null || seen.includes(value)) continue;
          samples.set(index, [...seen, value]);
          if (seen.length + 1 === SAMPLES) sampling--;
        }
        count++;
        if (batch.length >= BATCH) {
          writer.rows(batch);
          writer.changes(changes);
          changeCount += changes.length;
          batch = [];
          changes = [];
          done += BATCH;
          // Progress a few times a second at most; the total is not known until every file is read.
          if (performance.now() - lastReport > 250) {
            lastReport = performance.now();
            onProgress({ phase: 'reading', done, total: null, secondsLeft: null, message: table.source });
          }
        }
      }
      writer.rows(batch);
      writer.changes(changes);
      changeCount += changes.length;
      done += batch.length;
      lists.push({
        list: listKey,
        number: list.number,
        name: list.name,
        source: table.source,
        rows: count,
        confidence: recognition.confidence,
        headers: table.headers,
        headerSamples: table.headers.map((_, i) => samples.get(i) ?? []),
        columns: list.columns.map((c) => {
          const index = mapping.columns[c.key] ?? null;
          return { column: c.key, header: c.header, required: c.required, from: index === null ? null : table.headers[index], samples: index === null ? [] : (samples.get(index) ?? []) };
        }),
        dropped: mapping.unmapped,
        notes: [...recognition.notes, ...readingNotes(files.find((f) => f.file === table.file))],
      });
    }

    onProgress({ phase: 'validating', done, total: done, secondsLeft: null, message: null });
    const findings = [...normaliserFindings, ...validateLists(spec, byList, { inspectionDate: job.inspectionDate })];
    onProgress({ phase: 'storing', done, total: done, secondsLeft: null, message: null });
    writer.findings(findings);

    const report: AnnexaImportReport = {
      specId: spec.id,
      inspectionDate: job.inspectionDate,
      importedAt: new Date().toISOString(),
      unreadable: found.unreadable,
      unrecognised: found.notRecognised
        .filter((t) => !t.recognition.quiet)
        .map((t) => ({ source: t.table.source, reason: t.recognition.reason ?? 'It does not look like any Annex A list.' })),
      lists,
      missingLists: spec.lists.filter((l) => !byList.has(l.key)).map((l) => l.key),
      rows: done,
      changes: changeCount,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
    };
    if (!lists.length) {
      // Nothing usable: keep the previous import rather than replace it with nothing.
      writer.abandon();
      const why = [...report.unreadable.map((u) => u.message), ...report.unrecognised.map((u) => `${u.source}: ${u.reason}`)];
      throw new ApiFailure('invalid-argument', `No Annex A list was found in these files.${why.length ? ` ${why.join(' ')}` : ''}`, 'files');
    }
    const summaries = await summariseAnnexA(spec, job.inspectionDate, allRows(byList));
    writer.finish({ specId: spec.id, inspectionDate: job.inspectionDate, importedAt: report.importedAt, report, summaries });
    onProgress({ phase: 'done', done, total: done, secondsLeft: 0, message: null });
    return report;
  } catch (error) {
    writer.abandon();
    onProgress({ phase: 'failed', done: 0, total: null, secondsLeft: null, message: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}

async function runWorkbook(job: WorkbookRequest, db: AnnexaDb, onProgress: Progress): Promise<Uint8Array> {
  const meta = importMeta(db);
  if (!meta) throw new ApiFailure('not-found', 'Nothing has been imported yet: import the extracts first.');
  const spec = specOf(meta.specId);
  onProgress({ phase: 'building', done: 0, total: null, secondsLeft: null, message: null });
  const built = await buildAnnexAWorkbookBytes({
    spec,
    inspectionDate: meta.inspectionDate,
    // Read from the store each time it is asked (the summaries read every list, then the workbook does).
    rows: (list) => iterateRows(db, list.key),
    findings: allFindings(db),
    pseudonymise: job.pseudonymise,
  });
  onProgress({ phase: 'done', done: 0, total: null, secondsLeft: 0, message: null });
  return built.bytes;
}

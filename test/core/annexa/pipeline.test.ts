/**
 * Annex A through the API, as the app screen and the CLI use it: messy extracts in, every list
 * recognised, values normalised, findings stored, the workbook out (in a worker, as in the app),
 * and the workbook read back by our own importer giving the same data.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { annexASpec, DEFAULT_ANNEX_A_SPEC_ID } from '../../../shared/annexa/index.ts';
import type { AnnexaImportReport } from '../../../shared/annexa/api.ts';
import type { AnnexASummaries } from '../../../shared/annexa/summaries.ts';
import type { Dispatch } from '../../../core/api/dispatch.ts';
import type { ListRow, RawCell } from '../../../core/annexa/model.ts';
import { createNormaliser } from '../../../core/annexa/normalise/normaliser.ts';
import { readSourceBytes } from '../../../core/annexa/read/index.ts';
import { recogniseSources } from '../../../core/annexa/recognise.ts';
import { cleanAnnexA, CLEAN_INSPECTION_DATE } from '../../helpers/annexa-clean.ts';
import { messyTable } from '../../helpers/annexa-messy.ts';
import { tempDir } from '../../helpers/temp.ts';
import { testCore, testHost } from '../../helpers/core.ts';

const spec = annexASpec(DEFAULT_ANNEX_A_SPEC_ID)!;

function csvCell(cell: RawCell): string {
  if (cell === null) return '';
  const text = cell instanceof Date ? `${String(cell.getUTCDate()).padStart(2, '0')}/${String(cell.getUTCMonth() + 1).padStart(2, '0')}/${cell.getUTCFullYear()}` : String(cell);
  return /[",\n]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The clean dataset, one messy CSV extract per list (system headers, bare codes, odd dates), as a case-management system gives them. */
function writeExtracts(dir: string, clean: Map<string, ListRow[]>): { files: string[]; rowsAt: Map<string, ListRow> } {
  const files: string[] = [];
  const rowsAt = new Map<string, ListRow>();
  for (const [list, rows] of clean) {
    const table = messyTable(spec, list, rows);
    // Rows are numbered as a spreadsheet shows the file: header on line 1, data from line 2.
    const lines = [table.headers.map(csvCell).join(','), ...table.rows.map((r) => r.cells.map(csvCell).join(','))];
    const file = join(dir, `${list}-extract.csv`);
    writeFileSync(file, `${lines.join('\r\n')}\r\n`);
    files.push(file);
    rows.forEach((r, i) => rowsAt.set(`${list}-extract.csv:${i + 2}`, r));
  }
  return { files, rowsAt };
}

async function call<T>(dispatch: Dispatch, method: string, input: object): Promise<T> {
  const r = await dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.data as T;
}

describe('Annex A through the API', () => {
  it('imports messy extracts of every list, normalises them to the clean values, and finds nothing wrong in correct data', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const { dispatch } = core.api(testHost);
    const clean = cleanAnnexA(spec, { children: 120 });
    const { files, rowsAt } = writeExtracts(dir, clean);
    const progress: string[] = [];
    core.subscribe((event, p) => event === 'annexa.progress' && progress.push((p as { phase: string }).phase));

    const report = await call<AnnexaImportReport>(dispatch, 'annexa.import', { files: files.map((path) => ({ path })), inspectionDate: CLEAN_INSPECTION_DATE });
    expect(report.lists.map((l) => l.list).sort()).toEqual(spec.lists.map((l) => l.key).sort());
    expect(report).toMatchObject({ missingLists: [], unreadable: [], errors: 0, specId: spec.id });
    expect(report.changes).toBeGreaterThan(0);
    expect(report.lists.find((l) => l.list === 'list1')!.columns.find((c) => c.column === 'gender')).toMatchObject({ from: expect.any(String), samples: expect.arrayContaining([expect.any(String)]) });
    expect(progress).toContain('done');
    // The child-level data went to its own file beside the index, not into the index.
    expect(existsSync(join(dir, 'annex-a.db'))).toBe(true);

    // Every stored row holds the clean values, whatever form the extract gave them in.
    for (const [at, expected] of [...rowsAt].filter((_, i) => i % 7 === 0)) {
      const [source, row] = at.split(':');
      const stored = await call<{ cells: { column: string; value: unknown }[] }>(dispatch, 'annexa.row', { source, row: Number(row) });
      expect(Object.fromEntries(stored.cells.map((c) => [c.column, c.value])), at).toEqual(expected.values);
    }
    // Every change is listed, and pages of the list join up without a gap or a repeat.
    type Page = { total: number; changes: { source: string; row: number; column: string }[] };
    const first = await call<Page>(dispatch, 'annexa.changes', { limit: 7 });
    const second = await call<Page>(dispatch, 'annexa.changes', { offset: 7, limit: 7 });
    const both = await call<Page>(dispatch, 'annexa.changes', { limit: 14 });
    expect(first.total).toBe(report.changes);
    expect([...first.changes, ...second.changes]).toEqual(both.changes);
    expect(new Set(both.changes.map((c) => `${c.source}:${c.row}:${c.column}`)).size).toBe(14);
    const status = await call<AnnexaImportReport>(dispatch, 'annexa.status', {});
    expect(status.rows).toBe(report.rows);
    const summary = await call<AnnexASummaries>(dispatch, 'annexa.summary', {});

    expect(summary.lists.find((l) => l.list === 'list1')!.rows).toBe(clean.get('list1')!.length);
  });

  it('builds the workbook in a worker, and our importer reads it back as the same data; the pseudonymised copy holds no original id', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const { dispatch } = core.api(testHost);
    const clean = cleanAnnexA(spec, { children: 60, seed: 7 });
    const { files } = writeExtracts(dir, clean);
    await call(dispatch, 'annexa.import', { files: files.map((path) => ({ path })), inspectionDate: CLEAN_INSPECTION_DATE });

    const workbook = await dispatch('annexa.workbook', {});
    if (!workbook.ok) throw new Error(workbook.error.message);
    const bytes = workbook.data as Uint8Array;
    const read = readSourceBytes('Annex A.xlsx', 'Annex A.xlsx', bytes);
    const found = recogniseSources([read], spec);
    expect(found.recognised.map((r) => r.recognition.list).sort()).toEqual(spec.lists.map((l) => l.key).sort());
    for (const { table, recognition } of found.recognised) {
      const normalise = createNormaliser(spec, recognition.list!, recognition.mapping!, { inspectionDate: CLEAN_INSPECTION_DATE });
      const back: ListRow['values'][] = [];
      for await (const row of table.rows) back.push(normalise(table.source, row).row.values);
      expect(back, recognition.list!).toEqual(clean.get(recognition.list!)!.map((r) => r.values));
    }

    const copy = await dispatch('annexa.workbook', { pseudonymise: true });
    if (!copy.ok) throw new Error(copy.error.message);
    const text = readSourceBytes('copy.xlsx', 'copy.xlsx', copy.data as Uint8Array);
    const ids = new Set([...clean.values()].flat().map((r) => String(r.values.childId ?? r.values.adopterId)));
    for (const table of text.tables) {
      for await (const row of table.rows) for (const cell of row.cells) expect(ids.has(String(cell)), `${table.source} row ${row.row}`).toBe(false);
    }
  });

  it('keeps the previous import when a new one finds no list, and deletes every child’s data in one act', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const { dispatch } = core.api(testHost);
    const { files } = writeExtracts(dir, cleanAnnexA(spec, { children: 20 }));
    await call(dispatch, 'annexa.import', { files: files.map((path) => ({ path })), inspectionDate: CLEAN_INSPECTION_DATE });
    writeFileSync(join(dir, 'notes.csv'), 'Meeting,Notes\nMonday,Planning\n');
    const refused = await dispatch('annexa.import', { files: [{ path: join(dir, 'notes.csv') }], inspectionDate: CLEAN_INSPECTION_DATE });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/No Annex A list was found/u) } });
    expect((await call<AnnexaImportReport>(dispatch, 'annexa.status', {})).lists).toHaveLength(11);

    await call(dispatch, 'annexa.clear', {});
    expect(existsSync(join(dir, 'annex-a.db'))).toBe(false);
    expect(await call(dispatch, 'annexa.status', {})).toBeNull();
    expect(await call(dispatch, 'annexa.findings', {})).toMatchObject({ total: 0 });
    expect(await dispatch('annexa.workbook', {})).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // Asking what is there does not make the file again.
    expect(existsSync(join(dir, 'annex-a.db'))).toBe(false);
  });

  it('imports a file handed over as bytes (a browser upload), and maps columns with a saved mapping for a system', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const { dispatch } = core.api(testHost);
    // A system whose contact extract names columns no synonym covers.
    writeFileSync(
      join(dir, 'contacts.csv'),
      'Ref,Sx,Eth,Born,Yrs,When,Who\n12345,M,WBRI,01/02/2015,9,01/02/2024,2A\n67890,F,ZZZZ,03/04/2016,7,05/02/2024,6\n',
    );
    const mapping = JSON.stringify({
      schema: 'evidence-store/annex-a-mapping@1',
      system: 'Frontdoor',
      lists: { list1: { childId: 'Ref', gender: 'Sx', ethnicity: 'Eth', dateOfBirth: 'Born', age: 'Yrs', dateOfContact: 'When', contactSource: 'Who' } },
    });
    expect(await dispatch('annexa.saveMapping', { system: 'Frontdoor', json: mapping })).toEqual({ ok: true, data: { ok: true } });
    expect(await dispatch('annexa.saveMapping', { system: 'Broken', json: '{"schema": 1}' })).toMatchObject({ ok: false, error: { code: 'invalid-argument', field: 'json' } });
    const { staged } = await call<{ staged: string }>(dispatch, 'annexa.stage', { name: 'contacts.csv', base64: readFileSync(join(dir, 'contacts.csv')).toString('base64') });
    const report = await call<AnnexaImportReport>(dispatch, 'annexa.import', { files: [{ staged }], inspectionDate: '2024-03-15', system: 'frontdoor' });
    expect(report.lists).toEqual([expect.objectContaining({ list: 'list1', rows: 2, source: 'contacts.csv' })]);
    // The screen shows what each header holds, mapped or not, and a row's own changes.
    expect(report.lists[0].headerSamples[report.lists[0].headers.indexOf('Sx')]).toEqual(['M', 'F']);
    const onRow = await call<{ total: number; changes: { row: number; column: string; to: string }[] }>(dispatch, 'annexa.changes', { source: 'contacts.csv', row: 2 });
    expect(onRow.changes.every((c) => c.row === 2)).toBe(true);
    expect(onRow.changes).toContainEqual(expect.objectContaining({ column: 'gender', to: 'a) Male' }));
    // The findings of one row only, for the row panel.
    expect(await call(dispatch, 'annexa.findings', { source: 'contacts.csv', row: 3 })).toMatchObject({ total: 1, findings: [{ rule: 'code-unknown', row: 3 }] });
    expect(await call(dispatch, 'annexa.findings', { source: 'contacts.csv', row: 2 })).toMatchObject({ total: 0 });
    const row = await call<{ cells: { column: string; value: unknown }[] }>(dispatch, 'annexa.row', { source: 'contacts.csv', row: 2 });
    expect(Object.fromEntries(row.cells.map((c) => [c.column, c.value]))).toMatchObject({ childId: '12345', gender: 'a) Male', ethnicity: 'a) WBRI', dateOfContact: '2024-02-01' });
    // An upload is held for one import request only, even one refused before it starts.
    const { staged: refusedUpload } = await call<{ staged: string }>(dispatch, 'annexa.stage', { name: 'contacts.csv', base64: 'MSwy' });
    expect(await dispatch('annexa.import', { files: [{ staged: refusedUpload }], inspectionDate: '2024-03-15', specId: 'no-such-version' })).toMatchObject({ ok: false });
    expect(await dispatch('annexa.import', { files: [{ staged: refusedUpload }], inspectionDate: '2024-03-15' })).toMatchObject({ ok: false, error: { code: 'not-found', field: 'files' } });
    // An upload is held only until it is imported.
    expect(await dispatch('annexa.import', { files: [{ staged }], inspectionDate: '2024-03-15' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('says when a CSV was not UTF-8 and its letters were read in a guessed code page', async () => {
    const dir = tempDir();
    const { dispatch } = testCore(dir).api(testHost);
    const text = 'Person ID,Sex,Ethnicity,DOB,Contact Date,Contact Source\n1001,M,WBRI,01/02/2015,01/02/2024,2A Chloë’s school\n';
    writeFileSync(join(dir, 'contacts.csv'), Buffer.from(text.replace('’', '\x92').replace('ë', '\xeb'), 'latin1'));
    const report = await call<AnnexaImportReport>(dispatch, 'annexa.import', { files: [{ path: join(dir, 'contacts.csv') }], inspectionDate: '2024-03-15' });
    expect(report.lists[0].notes).toContainEqual(expect.stringMatching(/contacts\.csv is not UTF-8, so it was read as windows-1252/u));
  });
});

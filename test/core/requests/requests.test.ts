import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { tempDir } from '../../helpers/temp.ts';
import { testCore, testHost } from '../../helpers/core.ts';
import { evidenceLibrary } from '../../helpers/evidence-fixture.ts';
import type { Core } from '../../../core/core.ts';
import type { Dispatch } from '../../../core/api/dispatch.ts';
import { verifyPack } from '../../../core/pack/verify.ts';
import { currentUser } from '../../../core/evidence/user.ts';
import { isOverdue, type InspectorRequest } from '../../../shared/requests.ts';

const before = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/London';
});
afterAll(() => {
  if (before === undefined) delete process.env.TZ;
  else process.env.TZ = before;
});

async function call<T>(dispatch: Dispatch, method: string, input: unknown): Promise<T> {
  const r = await dispatch(method, input);
  if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
  return r.data as T;
}

async function setUp(): Promise<{ core: Core; dispatch: Dispatch; root: string; doc: (name: string) => number; dir: string }> {
  const dir = tempDir();
  const core = testCore(dir);
  const { root, doc } = await evidenceLibrary(core, dir);
  return { core, dispatch: core.api(testHost).dispatch, root, doc, dir };
}

describe('the request log', () => {
  it('logs a request with local times stored as UTC, and keeps every change in its history', async () => {
    const { dispatch } = await setUp();
    const added = await call<InspectorRequest>(dispatch, 'requests.add', { text: 'Latest QA report for the front door', inspector: 'Sam Patel', due: '2026-06-02T14:30' });
    expect(added).toMatchObject({ status: 'new', priority: 'normal', owner: '', due: '2026-06-02T13:30:00.000Z', answered: null, closed: null, response: '', links: [] });
    expect(Date.now() - Date.parse(added.received)).toBeLessThan(60_000);
    const edited = await call<InspectorRequest>(dispatch, 'requests.update', { id: added.id, fields: { owner: 'Ali', priority: 'high', text: added.text } });
    expect(edited).toMatchObject({ owner: 'Ali', priority: 'high' });
    const started = await call<InspectorRequest>(dispatch, 'requests.setStatus', { id: added.id, status: 'in-progress' });
    expect(started.history.map((h) => h.action)).toEqual(['logged', 'edited', 'status']);
    // Only what changed is recorded, with who changed it.
    expect(started.history[1].detail).toEqual({ owner: { from: '', to: 'Ali' }, priority: { from: 'normal', to: 'high' } });
    expect(started.history.every((h) => h.user === currentUser())).toBe(true);
  });

  it('records the answer time, clears it on reopening, and refuses moves the rules do not allow', async () => {
    const { dispatch } = await setUp();
    const { id } = await call<InspectorRequest>(dispatch, 'requests.add', { text: 'Audit of case 1312', inspector: 'Jo', due: '2020-01-01T09:00' });
    const answered = await call<InspectorRequest>(dispatch, 'requests.setStatus', { id, status: 'answered' });
    expect(answered.answered).not.toBeNull();
    expect(answered.closed).toBe(answered.answered);
    expect(isOverdue(answered, new Date())).toBe(false);
    expect(await dispatch('requests.setStatus', { id, status: 'withdrawn' })).toMatchObject({ ok: false, error: { code: 'invalid-argument', field: 'status' } });
    const reopened = await call<InspectorRequest>(dispatch, 'requests.setStatus', { id, status: 'in-progress' });
    expect(reopened).toMatchObject({ status: 'in-progress', answered: null, closed: null });
    expect(isOverdue(reopened, new Date())).toBe(true);
    expect(await dispatch('requests.setStatus', { id, status: 'new' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await dispatch('requests.get', { id: 999 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('links documents, evidence and searches, shown with their titles and present paths, and refuses what is not there', async () => {
    const { dispatch, doc, root } = await setUp();
    const { id } = await call<InspectorRequest>(dispatch, 'requests.add', { text: 'Pathway plans', inspector: 'Jo' });
    const item = await call<{ id: number }>(dispatch, 'evidence.save', { documentId: doc('housing.txt'), fields: { title: 'Housing pathway' } });
    await call(dispatch, 'requests.link', { id, link: { kind: 'document', documentId: doc('pathway-plans.txt'), page: 1 } });
    await call(dispatch, 'requests.link', { id, link: { kind: 'evidence', evidenceId: item.id } });
    const linked = await call<InspectorRequest>(dispatch, 'requests.link', { id, link: { kind: 'search', query: '"pathway plan"' } });
    expect(linked.links).toMatchObject([
      { kind: 'document', label: 'pathway plans', path: join(root, 'pathway-plans.txt'), page: 1 },
      { kind: 'evidence', label: 'Housing pathway', path: null },
      { kind: 'search', label: '"pathway plan"', query: '"pathway plan"' },
    ]);
    expect(await dispatch('requests.link', { id, link: { kind: 'document', documentId: 9999 } })).toMatchObject({ ok: false, error: { code: 'not-found', field: 'link.documentId' } });
    expect(await dispatch('requests.link', { id, link: { kind: 'evidence', evidenceId: 9999 } })).toMatchObject({ ok: false, error: { code: 'not-found', field: 'link.evidenceId' } });
    const unlinked = await call<InspectorRequest>(dispatch, 'requests.unlink', { id, linkId: linked.links[2].id });
    expect(unlinked.links).toHaveLength(2);
    expect(unlinked.history.map((h) => h.action)).toEqual(['logged', 'linked', 'linked', 'linked', 'unlinked']);
  });

  it('links an Annex A list’s figures, or its findings as filtered, named by list and filter; refuses a list or rule that does not exist', async () => {
    const { dispatch } = await setUp();
    const { id } = await call<InspectorRequest>(dispatch, 'requests.add', { text: 'Children in need with errors', inspector: 'Jo' });
    await call(dispatch, 'requests.link', { id, link: { kind: 'annexa', list: 'list3', note: 'the figures of the Annex A summaries' } });
    await call(dispatch, 'requests.link', { id, link: { kind: 'annexa', list: 'list6', filter: { severity: 'error', rule: 'date-order' }, note: '12 findings when linked' } });
    await call(dispatch, 'requests.link', { id, link: { kind: 'annexa', list: 'list6', filter: {} } });
    const linked = await call<InspectorRequest>(dispatch, 'requests.link', { id, link: { kind: 'annexa', filter: { severity: 'warning' } } });
    expect(linked.links.map((l) => ({ label: l.label, list: l.list, filter: l.filter, query: l.query, note: l.note }))).toEqual([
      { label: 'Annex A List 3: Referral', list: 'list3', filter: null, query: null, note: 'the figures of the Annex A summaries' },
      { label: 'Annex A List 6: Children in Need — findings: errors only, rule date-order', list: 'list6', filter: { severity: 'error', rule: 'date-order' }, query: null, note: '12 findings when linked' },
      { label: 'Annex A List 6: Children in Need — all findings', list: 'list6', filter: {}, query: null, note: '' },
      { label: 'Annex A all lists — findings: warnings only', list: null, filter: { severity: 'warning' }, query: null, note: '' },
    ]);
    expect(linked.history.at(-1)).toMatchObject({ action: 'linked', detail: { kind: 'annexa', filter: { severity: 'warning' } } });
    expect(await dispatch('requests.link', { id, link: { kind: 'annexa', list: 'list6', filter: { rule: 'no-such-rule' } } })).toMatchObject({
      ok: false, error: { code: 'invalid-argument', field: 'link.filter.rule' },
    });
    expect(await dispatch('requests.link', { id, link: { kind: 'annexa', list: 'list6', filter: { severity: 'error', extra: 1 } } })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await dispatch('requests.link', { id, link: { kind: 'annexa', list: 'list99', filter: {} } })).toMatchObject({ ok: false, error: { code: 'invalid-argument', field: 'link.list' } });
    expect((await call<InspectorRequest>(dispatch, 'requests.get', { id })).links).toHaveLength(4);
  });

  it('shows a linked document at the path its file has now', async () => {
    const { core, dispatch, doc, root } = await setUp();
    const { id } = await call<InspectorRequest>(dispatch, 'requests.add', { text: 'Housing', inspector: 'Jo' });
    await call(dispatch, 'requests.link', { id, link: { kind: 'document', documentId: doc('housing.txt') } });
    mkdirSync(join(root, 'moved'));
    renameSync(join(root, 'housing.txt'), join(root, 'moved', 'housing.txt'));
    await core.indexer.scanRoot(1);
    expect((await call<InspectorRequest>(dispatch, 'requests.get', { id })).links[0]).toMatchObject({ label: 'housing', path: join(root, 'moved', 'housing.txt') });
  });

  it('answers by document path, refusing a path that is not indexed and changing nothing', async () => {
    const { dispatch, root, dir } = await setUp();
    const { id } = await call<InspectorRequest>(dispatch, 'requests.add', { text: 'Supervision', inspector: 'Jo' });
    const missing = join(dir, 'not-indexed.pdf');
    expect(await dispatch('requests.answer', { id, response: 'Here', documentPaths: [join(root, 'housing.txt'), missing] })).toMatchObject({
      ok: false, error: { code: 'not-found', field: 'documentPaths.1', message: expect.stringContaining(missing) },
    });
    expect((await call<InspectorRequest>(dispatch, 'requests.get', { id })).links).toEqual([]);
    const answered = await call<InspectorRequest>(dispatch, 'requests.answer', { id, response: 'The audit and its action plan.', documentPaths: [join(root, 'supervision-audit.txt')] });
    expect(answered).toMatchObject({ status: 'answered', response: 'The audit and its action plan.', links: [{ kind: 'document', path: join(root, 'supervision-audit.txt') }] });
    expect(answered.answered).not.toBeNull();
    const open = await call<InspectorRequest[]>(dispatch, 'requests.list', { statuses: ['new', 'in-progress'] });
    expect(open).toEqual([]);
    await call(dispatch, 'requests.setStatus', { id, status: 'in-progress' });
    await call(dispatch, 'requests.setStatus', { id, status: 'withdrawn' });
    expect(await dispatch('requests.answer', { id, response: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('lists newest received first, filtered by status', async () => {
    const { dispatch } = await setUp();
    await call(dispatch, 'requests.add', { text: 'Monday', inspector: 'Jo', received: '2026-11-30T09:00' });
    const wed = await call<InspectorRequest>(dispatch, 'requests.add', { text: 'Wednesday', inspector: 'Jo', received: '2026-12-02T09:00' });
    await call(dispatch, 'requests.add', { text: 'Tuesday', inspector: 'Jo', received: '2026-12-01T09:00' });
    await call(dispatch, 'requests.setStatus', { id: wed.id, status: 'withdrawn' });
    expect((await call<InspectorRequest[]>(dispatch, 'requests.list', {})).map((r) => r.text)).toEqual(['Wednesday', 'Tuesday', 'Monday']);
    expect((await call<InspectorRequest[]>(dispatch, 'requests.list', { statuses: ['withdrawn'] })).map((r) => r.text)).toEqual(['Wednesday']);
  });

  it('exports the log to Excel: one row per request, real date-times, links as paths', async () => {
    const { dispatch, root } = await setUp();
    const a = await call<InspectorRequest>(dispatch, 'requests.add', { text: 'QA report', inspector: 'Sam', received: '2026-12-02T09:15', due: '2026-12-02T14:30', owner: 'Ali' });
    await call(dispatch, 'requests.answer', { id: a.id, response: 'Attached', documentPaths: [join(root, 'housing.txt')] });
    await call(dispatch, 'requests.link', { id: a.id, link: { kind: 'search', query: 'front door' } });
    await call(dispatch, 'requests.link', { id: a.id, link: { kind: 'annexa', list: 'list6', filter: { severity: 'error' }, note: '12 findings when linked' } });
    await call(dispatch, 'requests.add', { text: '=HYPERLINK("x")', inspector: 'Jo', received: '2026-06-01T10:00' });
    const bytes = await call<Uint8Array>(dispatch, 'requests.export', {});
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Requests')!;
    expect(sheet.rowCount).toBe(3);
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const cell = (row: number, header: string) => sheet.getRow(row).getCell(headers.indexOf(header) + 1);
    expect(cell(2, 'Request').value).toBe('QA report');
    // Excel has no zones: the wall-clock time typed (local), read back by exceljs as if UTC.
    expect(cell(2, 'Received').value).toEqual(new Date('2026-12-02T09:15:00.000Z'));
    expect(cell(2, 'Received').numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(cell(2, 'Due').value).toEqual(new Date('2026-12-02T14:30:00.000Z'));
    expect(cell(2, 'Answered').value).toBeInstanceOf(Date);
    expect(cell(2, 'Status').value).toBe('Answered');
    expect(cell(2, 'Owner').value).toBe('Ali');
    expect(cell(2, 'Links').value).toBe(`${join(root, 'housing.txt')}\nsearch: front door\nAnnex A List 6: Children in Need — findings: errors only: 12 findings when linked`);
    expect(cell(3, 'Received').value).toEqual(new Date('2026-06-01T10:00:00.000Z'));
    expect(cell(3, 'Request').value).toBe('=HYPERLINK("x")');
    expect(cell(3, 'Due').value).toBeNull();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
  });

  it('exports an answer as a verified folder with the files and a note, and replaces it the second time', async () => {
    const { dispatch, root, dir } = await setUp();
    const { id } = await call<InspectorRequest>(dispatch, 'requests.add', { text: 'Care leavers housing', inspector: 'Jo' });
    await call(dispatch, 'requests.link', { id, link: { kind: 'annexa', list: 'list10', filter: { rule: 'mandatory-blank' }, note: '3 findings when linked' } });
    await call(dispatch, 'requests.answer', { id, response: 'Housing pathway attached.', documentPaths: [join(root, 'housing.txt'), join(root, 'pathway-plans.txt')] });
    const destination = join(dir, 'Answer 1');
    const result = await call<{ folder: string; files: number; ok: boolean }>(dispatch, 'requests.exportAnswer', { id, destination });
    expect(result).toMatchObject({ folder: destination, files: 4, ok: true });
    expect(readFileSync(join(destination, 'documents', 'housing.txt'), 'utf8')).toContain('Supported lodgings');
    const note = readFileSync(join(destination, 'response.txt'), 'utf8');
    expect(note).toContain('Housing pathway attached.');
    expect(note).toContain('documents/pathway-plans.txt');
    expect(note).toContain('- Annex A List 10: Adoption — findings: rule mandatory-blank: 3 findings when linked');
    expect(await verifyPack(destination)).toMatchObject({ ok: true, files: 4 });
    await call(dispatch, 'requests.answer', { id, response: 'Second answer.', documentPaths: [] });
    await call(dispatch, 'requests.exportAnswer', { id, destination });
    expect(readFileSync(join(destination, 'response.txt'), 'utf8')).toContain('Second answer.');
    // A folder holding other things is refused, never replaced.
    const other = join(dir, 'Other');
    mkdirSync(other);
    writeFileSync(join(other, 'keep.txt'), 'mine');
    expect(await dispatch('requests.exportAnswer', { id, destination: other })).toMatchObject({ ok: false, error: { code: 'invalid-argument', field: 'destination' } });
    expect(existsSync(join(other, 'keep.txt'))).toBe(true);
  });
});

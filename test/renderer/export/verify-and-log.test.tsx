// @vitest-environment jsdom
/** The "Verify a pack" and "Export log" tabs against a fake API. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ApiCallError } from '../../../shared/api-error.ts';
import type { PackLogEntry } from '../../../shared/pack.ts';
import { resetExportSession, updateExportSession } from '../../../renderer/src/export/export-session.ts';
import { fakeApi, show } from './fake-api.tsx';

const PACK = '\\\\server\\share\\Inspection\\Pack';

function entry(patch: Partial<PackLogEntry>): PackLogEntry {
  return {
    id: 1,
    at: '2024-03-14T09:30:00.000Z',
    user: 'jsmith',
    destination: PACK,
    frameworkId: 'ilacs-2026',
    judgementIds: [],
    statuses: ['approved'],
    include: [],
    audience: 'shared',
    outcome: 'done',
    evidence: 42,
    files: 44,
    bytes: 1.5 * 1024 * 1024,
    seconds: 12,
    message: null,
    ...patch,
  };
}

beforeEach(() => {
  localStorage.clear();
  resetExportSession();
});
afterEach(cleanup);

async function verifyPack(path: string) {
  fireEvent.change(screen.getByTestId('verify-path'), { target: { value: path } });
  fireEvent.click(screen.getByTestId('verify-start'));
}

describe('verifying a pack', () => {
  it('checks the folder typed and says all is well in one line', async () => {
    updateExportSession({ tab: 'verify' });
    const fake = fakeApi();
    show(fake);
    await verifyPack(PACK);
    expect((await screen.findByTestId('verify-ok')).textContent).toBe('All 44 files match the manifest');
    expect(fake.of('pack.verify')).toEqual([{ path: PACK }]);
    expect(screen.getByTestId('verify-announce').textContent).toBe('All 44 files match the manifest.');
  });

  it('lists what is missing, what changed and what was added, by their paths inside the pack', async () => {
    updateExportSession({ tab: 'verify' });
    const fake = fakeApi({
      verify: {
        ok: false,
        files: 44,
        missing: ['evidence/1 Leaders/Plan.pdf'],
        changed: ['index.html', 'evidence/2 Help/Audit.docx'],
        extra: ['evidence/2 Help/notes.txt'],
        problems: [],
      },
    });
    show(fake);
    await verifyPack(PACK);
    const notOk = await screen.findByTestId('verify-not-ok');
    expect(notOk.textContent).toContain('This pack is not as it was written');
    expect(notOk.textContent).toContain('Checked against the manifest’s 44 files: 1 missing, 2 changed, 1 not in the manifest.');
    expect(within(screen.getByTestId('verify-missing')).getByRole('heading').textContent).toBe('Missing (1)');
    expect(within(screen.getByTestId('verify-missing')).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['evidence/1 Leaders/Plan.pdf']);
    expect(within(screen.getByTestId('verify-changed')).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['index.html', 'evidence/2 Help/Audit.docx']);
    expect(within(screen.getByTestId('verify-extra')).getByRole('heading').textContent).toBe('Not in the manifest (1)');
    expect(within(screen.getByTestId('verify-extra')).getByRole('listitem').textContent).toBe('evidence/2 Help/notes.txt');
    expect(screen.queryByTestId('verify-problems')).toBeNull();
    expect(screen.getByTestId('verify-announce').textContent).toBe('The pack is not as it was written: 1 missing, 2 changed, 1 not in the manifest.');
  });

  it('a manifest that was tampered with is not ok, and its unreadable lines are listed', async () => {
    updateExportSession({ tab: 'verify' });
    show(fakeApi({ verify: { ok: false, files: 43, missing: [], changed: [], extra: [], problems: ['line 12: ../../Windows/win.ini is outside the pack'] } }));
    await verifyPack(PACK);
    const problems = await screen.findByTestId('verify-problems');
    expect(within(problems).getByRole('heading').textContent).toBe('Manifest lines that could not be trusted (1)');
    expect(within(problems).getByRole('listitem').textContent).toBe('line 12: ../../Windows/win.ini is outside the pack');
    expect(screen.queryByTestId('verify-ok')).toBeNull();
  });

  it('a folder that is not a pack is said beside the field', async () => {
    updateExportSession({ tab: 'verify' });
    const message = 'D:\\Photos is not a pack: it has no manifest-sha256.txt.';
    show(fakeApi({ verify: new ApiCallError('invalid-argument', message, 'path') }));
    await verifyPack('D:\\Photos');
    const input = screen.getByTestId('verify-path');
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    expect(input.closest('.fui-Field')!.textContent).toContain(message);
  });

  it('starts from where the last pack was written', async () => {
    const fake = fakeApi();
    show(fake);
    fireEvent.change(await screen.findByTestId('export-destination'), { target: { value: PACK } });
    await waitFor(() => expect(screen.getByTestId('export-start').getAttribute('aria-disabled')).not.toBe('true'));
    fireEvent.click(screen.getByTestId('export-start'));
    await screen.findByTestId('export-done');
    fireEvent.click(screen.getByRole('tab', { name: 'Verify a pack' }));
    expect((await screen.findByTestId('verify-path') as HTMLInputElement).value).toBe(PACK);
  });
});

describe('the export log', () => {
  it('lists exports newest first with British dates, who, where, the scope, the sizes and the outcome', async () => {
    updateExportSession({ tab: 'log' });
    show(
      fakeApi({
        log: [
          entry({ id: 1, at: '2024-03-14T09:30:00.000Z' }),
          entry({
            id: 2,
            at: '2024-03-15T16:05:00.000Z',
            user: 'akhan',
            destination: '\\\\server\\share\\Children\\Inspection 2024\\Ofsted pack for the inspectors',
            judgementIds: ['leaders', 'help'],
            statuses: ['draft', 'approved'],
            include: ['annexa', 'self-evaluation'],
            outcome: 'failed',
            message: 'The shared drive stopped answering.',
            evidence: 3,
            files: 3,
            bytes: 2048,
          }),
        ],
      }),
    );
    const table = await screen.findByTestId('export-log-table');
    const rows = within(table).getAllByRole('row').slice(1);
    const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((c) => c.textContent);
    const [newest, older] = rows.map(cells);
    expect(newest[0]).toMatch(/^15\/03\/2024 \d\d:05$/u);
    expect(newest.slice(1)).toEqual([
      'akhan',
      // In full, however long: it is what people copy into File Explorer.
      '\\\\server\\share\\Children\\Inspection 2024\\Ofsted pack for the inspectors',
      'ILACS 2026 · 2 judgements · draft, approved · Annex A (pseudonymised), self-evaluation',
      '3',
      '3',
      '2.0 KB',
      'FailedThe shared drive stopped answering.',
    ]);
    expect(older[0]).toMatch(/^14\/03\/2024 \d\d:30$/u);
    expect(older.slice(1)).toEqual(['jsmith', PACK, 'ILACS 2026 · all judgements · approved', '42', '44', '1.5 MB', 'Written and verified']);
  });

  it('says what the log is for while it is empty', async () => {
    updateExportSession({ tab: 'log' });
    show(fakeApi({ log: [] }));
    expect((await screen.findByTestId('export-log-empty')).textContent).toContain('No pack has been exported from this index yet.');
  });

  it('is read again after an export ends', async () => {
    const fake = fakeApi();
    show(fake);
    fireEvent.click(screen.getByRole('tab', { name: 'Export log' }));
    await screen.findByTestId('export-log-empty');
    expect(fake.of('pack.log')).toHaveLength(1);
    fireEvent.click(screen.getByRole('tab', { name: 'New pack' }));
    fireEvent.change(await screen.findByTestId('export-destination'), { target: { value: PACK } });
    await waitFor(() => expect(screen.getByTestId('export-start').getAttribute('aria-disabled')).not.toBe('true'));
    fireEvent.click(screen.getByTestId('export-start'));
    await screen.findByTestId('export-done');
    fireEvent.click(screen.getByRole('tab', { name: 'Export log' }));
    await waitFor(() => expect(fake.of('pack.log')).toHaveLength(2));
  });
});

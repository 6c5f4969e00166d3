// @vitest-environment jsdom
/**
 * The "New pack" tab against a fake API: what it asks pack.preview as the choices change, what the
 * extras and the audience send, what pack.export is sent, what the progress events show, and how
 * each ending (written and verified, cancelled, refused folder, failure) is told.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ApiCallError } from '../../../shared/api-error.ts';
import { resetExportSession } from '../../../renderer/src/export/export-session.ts';
import { exportResult, fakeApi, preview, show, type Fake } from './fake-api.tsx';

const SHARE = '\\\\server\\share\\Inspection\\Pack';
const MB = 1024 * 1024;

const lastPreview = (fake: Fake) => fake.of('pack.preview').at(-1);

async function previewed(fake: Fake, expected: Record<string, unknown>) {
  await waitFor(() => expect(lastPreview(fake)).toEqual(expected));
}

async function ready(fake: Fake) {
  show(fake);
  await screen.findByRole('checkbox', { name: 'Children in care' });
  await waitFor(() => expect(screen.getByTestId('export-preview-totals')).toBeTruthy());
}

function typeDestination(path = SHARE) {
  fireEvent.change(screen.getByTestId('export-destination'), { target: { value: path } });
}

async function startExport() {
  const button = screen.getByTestId('export-start');
  await waitFor(() => expect(button.getAttribute('aria-disabled')).not.toBe('true'));
  fireEvent.click(button);
}

beforeEach(() => {
  localStorage.clear();
  resetExportSession();
});
afterEach(cleanup);

describe('choosing what goes in', () => {
  it('starts from the default framework, all its judgements and approved evidence, and previews that', async () => {
    const fake = fakeApi();
    await ready(fake);
    expect((screen.getByRole('combobox', { name: /Framework/u }) as HTMLSelectElement).value).toBe('ilacs-2026');
    for (const name of ['The impact of leaders', 'Help and protection', 'Children in care']) {
      expect((screen.getByRole('checkbox', { name }) as HTMLInputElement).checked).toBe(true);
    }
    expect((screen.getByRole('checkbox', { name: /^Approved/u }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: /^Draft/u }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole('checkbox', { name: /^Retired/u }) as HTMLInputElement).checked).toBe(false);
    // Every judgement is sent as [] — "all of the framework's" in the contract.
    await previewed(fake, { scope: { frameworkId: 'ilacs-2026', judgementIds: [], statuses: ['approved'] }, include: [], audience: 'shared' });
  });

  it('asks again, once, a moment after the judgements and statuses stop changing', async () => {
    const fake = fakeApi();
    await ready(fake);
    const before = fake.of('pack.preview').length;
    fireEvent.click(screen.getByRole('checkbox', { name: 'Children in care' }));
    fireEvent.click(screen.getByRole('checkbox', { name: /^Draft/u }));
    fireEvent.click(screen.getByRole('checkbox', { name: /^Retired/u }));
    await previewed(fake, {
      scope: { frameworkId: 'ilacs-2026', judgementIds: ['leaders', 'help'], statuses: ['draft', 'approved', 'retired'] },
      include: [],
      audience: 'shared',
    });
    expect(fake.of('pack.preview').length).toBe(before + 1);

    fireEvent.click(screen.getByRole('checkbox', { name: /^Retired/u }));
    fireEvent.click(screen.getByRole('button', { name: 'All judgements' }));
    await previewed(fake, { scope: { frameworkId: 'ilacs-2026', judgementIds: [], statuses: ['draft', 'approved'] }, include: [], audience: 'shared' });
  });

  it('"None" leaves nothing to export and says so; another framework starts from all of its judgements', async () => {
    const fake = fakeApi();
    await ready(fake);
    fireEvent.click(screen.getByRole('button', { name: 'None of the judgements' }));
    expect((screen.getByRole('checkbox', { name: 'Help and protection' }) as HTMLInputElement).checked).toBe(false);
    expect(screen.getByTestId('export-preview').textContent).toContain('Choose at least one judgement to include.');
    typeDestination();
    expect(screen.getByTestId('export-start').getAttribute('aria-disabled')).toBe('true');

    const asked = fake.of('pack.preview').length;
    fireEvent.change(screen.getByRole('combobox', { name: /Framework/u }), { target: { value: 'ilacs-2023' } });
    expect(await screen.findByRole('checkbox', { name: 'Care (2023)' })).toBeTruthy();
    await previewed(fake, { scope: { frameworkId: 'ilacs-2023', judgementIds: [], statuses: ['approved'] }, include: [], audience: 'shared' });
    expect(fake.of('pack.preview').length).toBe(asked + 1);
  });

  it('shows the totals, each judgement and what needs attention, with the missing titles behind a button', async () => {
    const fake = fakeApi({
      preview: preview({
        missing: [
          { evidenceId: 7, title: 'Audit of strategy meetings' },
          { evidenceId: 9, title: 'Care leavers survey' },
        ],
        changedSinceTagged: 3,
        renamed: 1,
        personalData: 2,
      }),
    });
    await ready(fake);
    const totals = screen.getByTestId('export-preview-totals').textContent;
    expect(totals).toContain('42');
    expect(totals).toContain('40');
    expect(totals).toContain('1.5 MB');
    const rows = within(screen.getByTestId('export-preview-judgements')).getAllByRole('row');
    expect(rows[2].textContent).toContain('Help and protection');
    expect(rows[2].textContent).toContain('30');

    const missing = screen.getByTestId('export-preview-missing');
    expect(missing.textContent).toContain('2 items are left out: no file holds their content any more');
    const toggle = within(missing).getByRole('button', { name: 'Show the 2 titles' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(within(missing).getByText('Audit of strategy meetings').closest('ul')!.hidden).toBe(true);
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(within(missing).getByText('Audit of strategy meetings').closest('ul')!.hidden).toBe(false);

    expect(screen.getByTestId('export-preview-changed').textContent).toContain('3 items have changed since tagged');
    expect(screen.getByTestId('export-preview-renamed').textContent).toContain('1 file is renamed in the pack to be safe on Windows');
    expect(screen.getByTestId('export-preview-personal').textContent).toContain('2 items are marked as holding personal data');
    expect(screen.getByTestId('export-preview-announce').textContent).toBe('The pack would hold 42 evidence items, 40 files, 1.5 MB.');
  });

  it('an empty scope says what to do, and nothing can be exported', async () => {
    const fake = fakeApi({ preview: preview({ evidence: 0, files: 0, bytes: 0, judgements: [] }) });
    show(fake);
    const empty = await screen.findByTestId('export-preview-empty');
    expect(empty.textContent).toBe(
      'No approved evidence for these judgements yet — tag documents in Search or Library and mark them approved, or include drafts.',
    );
    typeDestination();
    expect(screen.getByTestId('export-start').getAttribute('aria-disabled')).toBe('true');
    // The button stays reachable from the keyboard and says why it does nothing.
    const button = screen.getByTestId('export-start');
    expect(document.getElementById(button.getAttribute('aria-describedby')!)!.textContent).toBe('There is no evidence to export for these choices.');
    fireEvent.click(button);
    fireEvent.keyDown(button, { key: 'Enter', ctrlKey: true });
    expect(fake.of('pack.export')).toEqual([]);
  });
});

describe('the extras', () => {
  it('the Annex A workbook cannot be ticked until the extracts are imported, and says so', async () => {
    const fake = fakeApi({ preview: preview({ annexa: null, selfEvaluation: false }) });
    await ready(fake);
    const annexa = screen.getByRole('checkbox', { name: 'The Annex A workbook' }) as HTMLInputElement;
    expect(annexa.disabled).toBe(true);
    const hint = document.getElementById(annexa.getAttribute('aria-describedby')!)!;
    expect(hint.textContent).toContain('Import the Annex A extracts first');
    expect((screen.getByRole('checkbox', { name: 'The self-evaluation (Word)' }) as HTMLInputElement).disabled).toBe(true);
  });

  it('with an import, the audience is the shared drive (pseudonymised) until the inspection team is chosen, which is asked again before export', async () => {
    const fake = fakeApi({ preview: preview({ annexa: { importedAt: '2024-03-14T09:30:00.000Z', inspectionDate: '2024-03-18' }, selfEvaluation: true }) });
    await ready(fake);
    // The self-evaluation goes in by default once there is one; Annex A only when ticked.
    await previewed(fake, { scope: { frameworkId: 'ilacs-2026', judgementIds: [], statuses: ['approved'] }, include: ['self-evaluation'], audience: 'shared' });
    const annexa = screen.getByRole('checkbox', { name: 'The Annex A workbook' }) as HTMLInputElement;
    expect(annexa.checked).toBe(false);
    fireEvent.click(annexa);
    const shared = screen.getByRole('radio', { name: 'Anyone on the shared drive — pseudonymised copy' }) as HTMLInputElement;
    expect(shared.checked).toBe(true);
    await previewed(fake, { scope: { frameworkId: 'ilacs-2026', judgementIds: [], statuses: ['approved'] }, include: ['annexa', 'self-evaluation'], audience: 'shared' });
    expect(screen.queryByTestId('export-child-level-warning')).toBeNull();

    fireEvent.click(screen.getByRole('radio', { name: 'The inspection team only — child-level workbook' }));
    expect(screen.getByTestId('export-child-level-warning').textContent).toContain('Export it only to a folder that nobody but the inspection team can open');
    await previewed(fake, {
      scope: { frameworkId: 'ilacs-2026', judgementIds: [], statuses: ['approved'] },
      include: ['annexa', 'self-evaluation'],
      audience: 'inspection-team',
    });

    typeDestination();
    await startExport();
    // `hidden: true`: in jsdom, Fluent's focus manager (tabster) now and then marks an open dialog
    // aria-hidden on a timer, which no browser does (axe in Chromium checks the real thing); what is
    // tested here is what the dialog asks and what each answer does.
    const dialog = await screen.findByRole('alertdialog', { hidden: true });
    expect(dialog.textContent).toContain(SHARE);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel', hidden: true }));
    await waitFor(() => expect(screen.queryByRole('alertdialog', { hidden: true })).toBeNull());
    expect(fake.of('pack.export')).toEqual([]);

    fireEvent.click(screen.getByTestId('export-start'));
    fireEvent.click(within(await screen.findByRole('alertdialog', { hidden: true })).getByRole('button', { name: 'Export with child-level data', hidden: true }));
    await waitFor(() => expect(fake.of('pack.export')).toHaveLength(1));
    expect(fake.of('pack.export')[0]).toMatchObject({ audience: 'inspection-team', include: ['annexa', 'self-evaluation'], destination: SHARE });
  });
});

describe('exporting', () => {
  it('sends the destination and the choices, shows progress with the time left, then the verified pack, and moves the focus to it', async () => {
    const fake = fakeApi({ holdExport: true });
    await ready(fake);
    fireEvent.click(screen.getByRole('checkbox', { name: /^Draft/u }));
    typeDestination(`  ${SHARE} `);
    await waitFor(() => expect((lastPreview(fake)!.scope as { statuses: string[] }).statuses).toEqual(['draft', 'approved']));
    await startExport();

    await waitFor(() => expect(fake.of('pack.export')).toHaveLength(1));
    expect(fake.of('pack.export')[0]).toEqual({
      scope: { frameworkId: 'ilacs-2026', judgementIds: [], statuses: ['draft', 'approved'] },
      include: [],
      audience: 'shared',
      destination: SHARE,
    });
    expect(screen.getByTestId('export-announce').getAttribute('role')).toBe('status');

    act(() => fake.emit({ phase: 'copying', done: 50 * MB, total: 200 * MB, files: 12, secondsLeft: 125, message: null }));
    const progress = screen.getByTestId('export-progress');
    expect(progress.textContent).toContain('Copying the evidence files…');
    expect(screen.getByTestId('export-time-left').textContent).toBe('about 2 minutes left');
    expect(screen.getByTestId('export-progress-detail').textContent).toBe('50 MB of 200 MB · 12 files');
    expect(within(progress).getByRole('progressbar').getAttribute('aria-valuetext')).toBe('Copying the evidence files, 50 MB of 200 MB · 12 files, about 2 minutes left');
    expect(screen.getByTestId('export-announce').textContent).toBe('Copying the evidence files…');
    // The running count does not change what a screen reader is told; a new phase does.
    act(() => fake.emit({ phase: 'copying', done: 150 * MB, total: 200 * MB, files: 30, secondsLeft: 40, message: null }));
    expect(screen.getByTestId('export-time-left').textContent).toBe('less than a minute left');
    expect(screen.getByTestId('export-announce').textContent).toBe('Copying the evidence files…');
    act(() => fake.emit({ phase: 'verifying', done: 0, total: 201 * MB, files: 44, secondsLeft: null, message: null }));
    expect(screen.getByTestId('export-announce').textContent).toBe('Checking every file against the manifest…');

    act(() => fake.release());
    const done = await screen.findByTestId('export-done');
    expect(done.textContent).toContain('42 evidence items in 44 files, 1.5 MB, in 12 seconds.');
    expect(done.textContent).toContain('30 evidence files copied from their folders; 10 files kept from the pack that was there, unchanged.');
    expect(screen.getByTestId('verify-ok').textContent).toBe('All 44 files match the manifest');
    expect((screen.getByTestId('export-pack-path') as HTMLInputElement).value).toBe(SHARE);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'The pack is written' }));
    expect(screen.getByTestId('export-announce').textContent).toBe('The pack is written. All 44 files match the manifest.');
    // Events are listened to only while an export runs.
    expect(fake.listeners()).toBe(0);
    // The next visit starts from the same folder.
    expect(localStorage.getItem('export.destination')).toBe(SHARE);
  });

  it('Cancel asks the app to stop and says the destination was left as it was', async () => {
    const fake = fakeApi({ holdExport: true });
    await ready(fake);
    typeDestination();
    await startExport();
    await screen.findByTestId('export-progress');
    fireEvent.click(screen.getByTestId('export-cancel'));
    await waitFor(() => expect(fake.of('pack.cancel')).toEqual([{}]));
    const cancelled = await screen.findByTestId('export-cancelled');
    expect(cancelled.textContent).toContain(`Nothing was changed: ${SHARE} was left as it was.`);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Export cancelled' }));
    expect(screen.queryByTestId('export-failed')).toBeNull();
  });

  it('a folder the app refuses is said beside the destination field, which gets the focus', async () => {
    const message = 'That folder holds other files, so it is not replaced. Choose an empty folder or the one the last pack went to.';
    const fake = fakeApi({ exportOutcome: new ApiCallError('invalid-argument', message, 'destination') });
    await ready(fake);
    typeDestination('C:\\Users\\me\\Documents');
    await startExport();
    const input = screen.getByTestId('export-destination');
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    const described = (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '');
    expect(described.join(' ')).toContain(message);
    expect(document.activeElement).toBe(input);
    expect(screen.queryByTestId('export-failed')).toBeNull();
    // Correcting the path clears the refusal.
    typeDestination(SHARE);
    expect(input.getAttribute('aria-invalid')).not.toBe('true');
  });

  it('a failure says why, that the destination was left as it was, and Try again exports again', async () => {
    const fake = fakeApi({ exportOutcome: new ApiCallError('unavailable', 'The shared drive stopped answering. Check the connection and try again.') });
    await ready(fake);
    typeDestination();
    await startExport();
    const failed = await screen.findByTestId('export-failed');
    expect(failed.textContent).toContain('The shared drive stopped answering.');
    expect(failed.textContent).toContain(`${SHARE} was left as it was.`);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'The pack was not written' }));
    fireEvent.click(screen.getByTestId('export-retry'));
    await waitFor(() => expect(fake.of('pack.export')).toHaveLength(2));
  });

  it('a failure that already says the destination was kept is not told twice', async () => {
    const fake = fakeApi({ exportOutcome: new ApiCallError('internal', 'The disk is full. The destination was left as it was.') });
    await ready(fake);
    typeDestination();
    await startExport();
    const failed = await screen.findByTestId('export-failed');
    expect(failed.textContent!.match(/left as it was/gu)).toHaveLength(1);
  });

  it('Ctrl+Enter exports from anywhere on the tab', async () => {
    const fake = fakeApi();
    await ready(fake);
    typeDestination();
    await waitFor(() => expect(screen.getByTestId('export-start').getAttribute('aria-disabled')).not.toBe('true'));
    fireEvent.keyDown(screen.getByTestId('export-destination'), { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(fake.of('pack.export')).toHaveLength(1));
    expect(await screen.findByTestId('export-done')).toBeTruthy();
  });

  it('keeps running when the person leaves the area, and shows where it got to on return', async () => {
    const fake = fakeApi({ holdExport: true });
    const first = (await (async () => {
      const r = show(fake);
      await screen.findByRole('checkbox', { name: 'Children in care' });
      return r;
    })());
    await waitFor(() => expect(screen.getByTestId('export-preview-totals')).toBeTruthy());
    typeDestination();
    await startExport();
    await screen.findByTestId('export-progress');
    first.unmount();
    act(() => fake.emit({ phase: 'writing', done: 1, total: 4, files: 40, secondsLeft: 3, message: null }));
    show(fake);
    expect((await screen.findByTestId('export-progress')).textContent).toContain('Writing the index, the Excel index and the manifest…');
    expect(screen.getByRole('tab', { name: 'New pack (exporting…)' })).toBeTruthy();
    act(() => fake.release());
    expect(await screen.findByTestId('export-done')).toBeTruthy();
  });
});

describe('the destination field', () => {
  it('in browser mode there is no folder picker, and the hint says to paste a path', async () => {
    const fake = fakeApi({ canPickFolders: false });
    await ready(fake);
    await waitFor(() => expect(fake.of('app.info')).toHaveLength(1));
    expect(screen.queryByTestId('export-destination-pick')).toBeNull();
    expect(screen.getByTestId('export-new').textContent).toContain('Type or paste the folder’s path, for example \\\\server\\share\\Inspection\\Pack');
  });

  it('on the desktop, Choose folder… fills in the folder picked', async () => {
    const fake = fakeApi({ canPickFolders: true, picked: 'D:\\Packs\\Ofsted' });
    await ready(fake);
    fireEvent.click(await screen.findByTestId('export-destination-pick'));
    await waitFor(() => expect((screen.getByTestId('export-destination') as HTMLInputElement).value).toBe('D:\\Packs\\Ofsted'));
  });

  it('starts from the folder the last pack went to', async () => {
    localStorage.setItem('export.destination', SHARE);
    resetExportSession();
    await ready(fakeApi());
    expect((screen.getByTestId('export-destination') as HTMLInputElement).value).toBe(SHARE);
    expect(exportResult().pack).toBe(SHARE);
  });
});

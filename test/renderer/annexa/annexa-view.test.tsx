// @vitest-environment jsdom
/**
 * The Annex A area against a fake API: what it sends (uploads staged, staged again for a
 * re-import, the mapping file), what it says while an import runs (the live region once per
 * phase), the question before replacing an import, and drops taken from the library.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { AnnexaImportReport, AnnexaProgress } from '../../../shared/annexa/api.ts';
import { ApiProvider } from '../../../renderer/src/api/ApiContext.tsx';
import type { ClientApi } from '../../../renderer/src/api/types.ts';
import { AnnexaView } from '../../../renderer/src/annexa/AnnexaView.tsx';
import { updateSession } from '../../../renderer/src/annexa/session.ts';

const CSV = 'Person ID,Sex,Contact Date,Contact Origin\n1001,M,12/01/2024,2A\n';

function report(importedAt = '2024-03-14T09:30:00.000Z', from: string | null = null): AnnexaImportReport {
  return {
    specId: 'annex-a-2024',
    inspectionDate: '2024-03-15',
    importedAt,
    unreadable: [{ file: 'old.xls', message: 'old.xls could not be read: it is an Excel 97-2003 workbook. Save it as .xlsx and add it again.' }],
    unrecognised: [],
    lists: [
      {
        list: 'list1', number: 1, name: 'Contacts', source: 'contacts.csv', rows: 1, confidence: 0.7,
        headers: ['Person ID', 'Sex', 'Contact Date', 'Contact Origin'],
        headerSamples: [['1001'], ['M'], ['12/01/2024'], ['2A']],
        columns: [
          { column: 'childId', header: 'Child Unique ID', required: true, from: 'Person ID', samples: ['1001'] },
          { column: 'gender', header: 'Gender', required: true, from: 'Sex', samples: ['M'] },
          { column: 'dateOfContact', header: 'Date of Contact', required: true, from: 'Contact Date', samples: ['12/01/2024'] },
          { column: 'contactSource', header: 'Contact Source', required: true, from, samples: from ? ['2A'] : [] },
        ],
        dropped: from ? [] : ['Contact Origin'],
        notes: [],
      },
    ],
    missingLists: [], rows: 1, changes: 2, errors: from ? 0 : 1, warnings: 0, seconds: 0.1,
  };
}

interface Fake {
  api: ClientApi;
  calls: { method: string; input: Record<string, unknown> }[];
  emit: (p: AnnexaProgress) => void;
  /** Resolves the import that is waiting. */
  release: () => void;
}

function fakeApi(current: AnnexaImportReport | null, holdImport = false): Fake {
  const listeners = new Set<(p: AnnexaProgress) => void>();
  const calls: Fake['calls'] = [];
  let staged = 0;
  let release = () => {};
  let stored = current;
  const api = {
    transport: 'http',
    on: (_event: string, listener: (p: AnnexaProgress) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    call: async (method: string, input: Record<string, unknown>) => {
      calls.push({ method, input });
      switch (method) {
        case 'annexa.status':
          return stored;
        case 'annexa.specs':
          return [{ id: 'annex-a-2024', title: 'Annex A 2024', source: 'UNVERIFIED against Ofsted: a test.', basedOn: null, isDefault: true }];
        case 'annexa.mappings':
          return [];
        case 'annexa.stage':
          return { staged: `s${++staged}` };
        case 'annexa.import': {
          if (holdImport) await new Promise<void>((resolve) => (release = resolve));
          stored = report('2024-03-15T10:00:00.000Z', typeof input.mapping === 'string' ? 'Contact Origin' : null);
          return stored;
        }
        case 'annexa.findings':
          return { total: 0, findings: [], counts: [] };
        default:
          throw new Error(`not faked: ${method}`);
      }
    },
  } as unknown as ClientApi;
  return { api, calls, emit: (p) => listeners.forEach((l) => l(p)), release: () => release() };
}

function show(fake: Fake) {
  render(
    <FluentProvider theme={webLightTheme}>
      <ApiProvider value={fake.api}>
        <AnnexaView />
      </ApiProvider>
    </FluentProvider>,
  );
}

async function addFileAndDate() {
  const input = await screen.findByTestId('annexa-file-input');
  fireEvent.change(input, { target: { files: [new File([CSV], 'contacts.csv', { type: 'text/csv' })] } });
  fireEvent.change(screen.getByRole('textbox', { name: /Inspection date/u }), { target: { value: '15/03/2024' } });
}

const reading = (done: number): AnnexaProgress => ({ phase: 'reading', done, total: null, secondsLeft: null, message: 'contacts.csv' });

beforeEach(() => {
  updateSession({ pending: [], last: null, step: null });
  localStorage.clear();
});
afterEach(cleanup);

describe('the Annex A area', () => {
  it('uploads the extract, says what the import is doing once per phase, then shows the mapping', async () => {
    const fake = fakeApi(null, true);
    show(fake);
    await addFileAndDate();
    fireEvent.click(screen.getByTestId('annexa-import'));
    await waitFor(() => expect(fake.calls.some((c) => c.method === 'annexa.import')).toBe(true));

    act(() => fake.emit(reading(12000)));
    expect(screen.getByTestId('annexa-progress').textContent).toContain('Reading the extracts: 12,000 rows so far (contacts.csv)…');
    const announce = screen.getByTestId('annexa-progress-announce');
    expect(announce.getAttribute('role')).toBe('status');
    expect(announce.textContent).toBe('Reading the extracts…');
    act(() => fake.emit(reading(24000)));
    expect(screen.getByTestId('annexa-progress').textContent).toContain('24,000 rows');
    expect(announce.textContent).toBe('Reading the extracts…');
    act(() => fake.emit({ phase: 'validating', done: 24000, total: 24000, secondsLeft: null, message: null }));
    expect(announce.textContent).toBe('Checking 24,000 rows against the Annex A rules…');

    act(() => fake.release());
    expect(await screen.findByRole('heading', { name: '2. Check the column mapping' })).toBeTruthy();
    const stage = fake.calls.find((c) => c.method === 'annexa.stage')!;
    expect(stage.input.name).toBe('contacts.csv');
    expect(atob(stage.input.base64 as string)).toBe(CSV);
    expect(fake.calls.find((c) => c.method === 'annexa.import')!.input).toMatchObject({ files: [{ staged: 's1' }], inspectionDate: '2024-03-15', specId: 'annex-a-2024' });
    // Unreadable files are listed with the API's reason.
    expect(screen.getByTestId('annexa-import-problems').textContent).toContain('Save it as .xlsx');
    // The date is remembered for next time.
    expect(localStorage.getItem('annexa.inspectionDate')).toBe('2024-03-15');
  });

  it('a fixed column re-imports the same extract, staged again, with a mapping file naming it', async () => {
    const fake = fakeApi(null);
    show(fake);
    await addFileAndDate();
    fireEvent.click(screen.getByTestId('annexa-import'));
    await screen.findByRole('heading', { name: '2. Check the column mapping' });
    const row = document.querySelector('tr[data-column="contactSource"]') as HTMLElement;
    expect(row.dataset.missing).toBe('true');
    expect(row.textContent).toContain('Missing');
    expect((screen.getByTestId('annexa-reimport') as HTMLButtonElement).disabled).toBe(true);

    fireEvent.change(within(row).getByRole('combobox', { name: 'Source column for Contact Source (List 1: Contacts)' }), { target: { value: 'Contact Origin' } });
    expect(row.textContent).toContain('Changed');
    fireEvent.click(screen.getByTestId('annexa-reimport'));
    expect(await screen.findByText(/Imported again with your columns: 0 errors/u)).toBeTruthy();

    const stages = fake.calls.filter((c) => c.method === 'annexa.stage');
    expect(stages.map((s) => s.input.name)).toEqual(['contacts.csv', 'contacts.csv']);
    const again = fake.calls.filter((c) => c.method === 'annexa.import')[1].input;
    expect(again).toMatchObject({ files: [{ staged: 's2' }], inspectionDate: '2024-03-15', specId: 'annex-a-2024' });
    expect(JSON.parse(again.mapping as string)).toMatchObject({ schema: 'evidence-store/annex-a-mapping@1', lists: { list1: { contactSource: 'Contact Origin', childId: 'Person ID' } } });
    await waitFor(() => expect((document.querySelector('tr[data-column="contactSource"]') as HTMLElement).dataset.missing).toBeUndefined());
  });

  it('asks before replacing the current import, naming when it was made; Cancel imports nothing', async () => {
    const fake = fakeApi(report());
    updateSession({ step: 'add' });
    show(fake);
    await addFileAndDate();
    fireEvent.click(screen.getByTestId('annexa-import'));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toMatch(/Replace the lists imported on 14\/03\/2024 \d\d:30\?/u);
    expect(dialog.textContent).toContain('If none of the new files is an Annex A list, the current lists are kept');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(fake.calls.some((c) => c.method === 'annexa.import' || c.method === 'annexa.stage')).toBe(false);
  });

  it('takes files dropped anywhere on the window as extracts; the library’s folder drop never sees them', async () => {
    const fake = fakeApi(report());
    show(fake);
    await screen.findByRole('heading', { name: '3. Findings' });
    let library = 0;
    const folderDrop = () => library++;
    window.addEventListener('drop', folderDrop);
    try {
      const drop = new Event('drop', { bubbles: true, cancelable: true });
      const file = new File([CSV], 'dropped.csv', { type: 'text/csv' });
      Object.defineProperty(drop, 'dataTransfer', { value: { types: ['Files'], files: [file] } });
      act(() => {
        document.body.dispatchEvent(drop);
      });
      expect(library).toBe(0);
      expect(drop.defaultPrevented).toBe(true);
      expect(await screen.findByRole('heading', { name: '1. Add the extracts' })).toBeTruthy();
      expect(screen.getByTestId('annexa-extracts').textContent).toContain('dropped.csv');
    } finally {
      window.removeEventListener('drop', folderDrop);
    }
  });
});

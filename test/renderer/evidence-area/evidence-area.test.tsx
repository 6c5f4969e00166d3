// @vitest-environment jsdom
/**
 * The Evidence area against a real core (SQLite in a temp folder, the API's own dispatch): the
 * table's columns and marks, sorting from the headers, filtering by words and facets, ticking a run
 * with Shift, setting the status of the ticked items and undoing it, opening a row's document, and
 * the empty state.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { ApiProvider } from '../../../renderer/src/api/ApiContext.tsx';
import type { ClientApi } from '../../../renderer/src/api/types.ts';
import { EvidenceArea } from '../../../renderer/src/evidence-area/EvidenceArea.tsx';
import { ApiCallError } from '../../../shared/api-error.ts';
import type { ApiError } from '../../../shared/contract.ts';
import { saveEvidence } from '../../../core/evidence/evidence.ts';
import { tempDir } from '../../helpers/temp.ts';
import { testCore, testHost } from '../../helpers/core.ts';
import { evidenceLibrary } from '../../helpers/evidence-fixture.ts';

beforeAll(() => {
  // jsdom has no layout: the area measures its width (0 here: the filters stay beside the table).
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});
afterEach(cleanup);

/** The real core behind the renderer's API interface. */
async function library(options: { empty?: boolean } = {}) {
  const dir = tempDir();
  const core = testCore(dir);
  const { doc } = await evidenceLibrary(core, dir);
  const { dispatch } = core.api(testHost);
  if (!options.empty) {
    saveEvidence(core.db, doc('pathway-plans.txt'), { title: 'Pathway plans', team: 'Care Leavers', reviewBy: '2020-01-02', evidenceDate: '2024-05-01' }, 'Alice');
    saveEvidence(core.db, doc('supervision-audit.txt'), { title: 'Supervision audit', team: 'Social Work', status: 'approved' }, 'Bob');
    saveEvidence(core.db, doc('housing.txt'), { title: 'Housing offer', team: 'Care Leavers' }, 'Alice');
  }
  const api = {
    transport: 'http',
    on: () => () => undefined,
    call: async (method: string, input: unknown) => {
      const r = await dispatch(method, input);
      if (!r.ok) throw new ApiCallError((r.error as ApiError).code, r.error.message);
      return r.data;
    },
  } as unknown as ClientApi;
  const status = (title: string) => core.db.prepare('SELECT status FROM evidence WHERE title = ?').pluck().get(title);
  /** More evidence items, straight into the index (documents of their own, not files). */
  const addItems = (n: number) =>
    core.db.transaction(() => {
      const now = new Date().toISOString();
      for (let i = 1; i <= n; i++) {
        const documentId = core.db
          .prepare("INSERT INTO documents (sha256, format, status, title, extracted_at) VALUES (?, 'pdf', 'indexed', ?, ?)")
          .run(`extra-${i}`, `Extra ${i}`, now).lastInsertRowid;
        core.db
          .prepare('INSERT INTO evidence (document_id, title, tagged_sha256, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
          .run(documentId, `Extra item ${String(i).padStart(3, '0')}`, `extra-${i}`, now, now);
      }
    })();
  return { api, doc, status, addItems };
}

function show(api: ClientApi, onOpenDocument = vi.fn(), onGoToSearch = vi.fn()) {
  render(
    <FluentProvider theme={webLightTheme}>
      <ApiProvider value={api}>
        <EvidenceArea onOpenDocument={onOpenDocument} onGoToSearch={onGoToSearch} />
      </ApiProvider>
    </FluentProvider>,
  );
  return { onOpenDocument, onGoToSearch };
}

const titles = () => screen.queryAllByTestId('evidence-title').map((t) => t.textContent);
const header = (name: string) => screen.getByRole('columnheader', { name: new RegExp(`^${name}`, 'u') });
const tickBox = (title: string) => screen.getByRole('checkbox', { name: `Tick ${title}` });

describe('the Evidence area', () => {
  it('lists every item in title order, with its status, dates as the app writes them, and overdue review in words', async () => {
    const { api } = await library();
    show(api);
    await waitFor(() => expect(titles()).toEqual(['Housing offer', 'Pathway plans', 'Supervision audit']));
    expect(screen.getByTestId('evidence-summary').textContent).toBe('3 evidence items');
    const pathway = screen.getByText('Pathway plans').closest('tr')!;
    expect(within(pathway).getByTestId('evidence-review').textContent).toMatch(/Overdue/u);
    expect(within(pathway).getByTestId('evidence-status').textContent).toBe('Draft');
    expect(within(pathway).getByText('Alice')).toBeTruthy();
    expect(header('Title').getAttribute('aria-sort')).toBe('ascending');
  });

  it('sorts from the column headers, the second click reversing', async () => {
    const { api } = await library();
    show(api);
    await waitFor(() => expect(titles()).toHaveLength(3));
    fireEvent.click(within(header('Owner')).getByRole('button'));
    await waitFor(() => expect(titles()).toEqual(['Housing offer', 'Pathway plans', 'Supervision audit']));
    expect(header('Owner').getAttribute('aria-sort')).toBe('ascending');
    expect(header('Title').getAttribute('aria-sort')).toBe('none');
    fireEvent.click(within(header('Owner')).getByRole('button'));
    await waitFor(() => expect(titles()).toEqual(['Supervision audit', 'Housing offer', 'Pathway plans']));
    expect(header('Owner').getAttribute('aria-sort')).toBe('descending');
  });

  it('filters by words and by the facets, with counts beside each', async () => {
    const { api } = await library();
    show(api);
    await waitFor(() => expect(titles()).toHaveLength(3));
    const team = screen.getByRole('checkbox', { name: /Social Work\s*1/u });
    fireEvent.click(team);
    await waitFor(() => expect(titles()).toEqual(['Supervision audit']));
    expect(screen.getByTestId('evidence-summary').textContent).toBe('1 of 3 evidence items');
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(titles()).toHaveLength(3));
    fireEvent.change(screen.getByRole('searchbox', { name: /Filter evidence by words/u }), { target: { value: 'housing' } });
    await waitFor(() => expect(titles()).toEqual(['Housing offer']));
  });

  it('ticks a run with Shift, sets their status, and undoes it', async () => {
    const { api, status } = await library();
    show(api);
    await waitFor(() => expect(titles()).toHaveLength(3));
    fireEvent.click(tickBox('Housing offer'));
    fireEvent.click(tickBox('Supervision audit'), { shiftKey: true });
    expect(screen.getByTestId('evidence-ticked').textContent).toBe('3 ticked');
    fireEvent.click(tickBox('Pathway plans'));
    expect(screen.getByTestId('evidence-ticked').textContent).toBe('2 ticked');
    fireEvent.click(screen.getByTestId('set-status'));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Retired' }));
    await waitFor(() => expect(screen.getByTestId('bulk-status-message').textContent).toMatch(/2 evidence items set to Retired/u));
    expect([status('Housing offer'), status('Supervision audit'), status('Pathway plans')]).toEqual(['retired', 'retired', 'draft']);
    await waitFor(() => expect(screen.getByText('Housing offer').closest('tr')!.querySelector('[data-testid="evidence-status"]')!.textContent).toBe('Retired'));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(screen.getByTestId('bulk-status-message').textContent).toMatch(/Undone: 2 evidence items set back/u));
    expect([status('Housing offer'), status('Supervision audit')]).toEqual(['draft', 'approved']);
  });

  it('shows pages of 100, and “Tick all” ticks every item that matches, on every page', async () => {
    const { api, addItems } = await library();
    addItems(102);
    show(api);
    await waitFor(() => expect(titles()).toHaveLength(100));
    expect(screen.getByRole('navigation', { name: 'Pages of evidence' }).textContent).toMatch(/Rows 1–100 of 105/u);
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(titles()).toHaveLength(5));
    expect(screen.getByRole('button', { name: 'Next' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Tick every item on this page' }));
    expect(screen.getByTestId('evidence-ticked').textContent).toBe('5 ticked');
    fireEvent.click(screen.getByRole('button', { name: 'Tick all 105' }));
    expect(screen.getByTestId('evidence-ticked').textContent).toBe('105 ticked');
  });

  it('opens a row’s document from its title', async () => {
    const { api, doc } = await library();
    const { onOpenDocument } = show(api);
    await waitFor(() => expect(titles()).toHaveLength(3));
    fireEvent.click(screen.getByText('Pathway plans'));
    expect(onOpenDocument).toHaveBeenCalledWith(doc('pathway-plans.txt'), 1);
  });

  it('explains how documents become evidence when there is none', async () => {
    const { api } = await library({ empty: true });
    const { onGoToSearch } = show(api);
    const empty = await screen.findByTestId('evidence-empty');
    expect(empty.textContent).toMatch(/becomes evidence when you tag it/u);
    fireEvent.click(within(empty).getByRole('button', { name: 'Go to Search' }));
    expect(onGoToSearch).toHaveBeenCalled();
  });
});

// @vitest-environment jsdom
/**
 * The framework form against a fake API that checks each save with the real schema (as the core
 * does): adding, renaming and reordering criteria saves the framework with the change; deleting a
 * criterion warns how many evidence items are tagged to it; Undo puts back the framework before.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { ApiProvider } from '../../../renderer/src/api/ApiContext.tsx';
import type { ClientApi } from '../../../renderer/src/api/types.ts';
import { FrameworkEditor } from '../../../renderer/src/frameworks/FrameworkEditor.tsx';
import type { FrameworkSummary } from '../../../shared/contract.ts';
import { formatErrors, parseFramework } from '../../../shared/frameworks/parse.ts';
import type { Framework } from '../../../shared/frameworks/schema.ts';

beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});
afterEach(cleanup);

const PLAN = {
  schema: 'evidence-store/framework@1',
  id: 'our-plan',
  title: 'Our improvement plan',
  shortTitle: 'Our plan',
  owner: 'Children’s services',
  version: 'March',
  kind: 'improvement-plan',
  gradeScale: [],
  judgements: [
    {
      id: 'r1',
      title: 'Recommendation 1: supervision',
      graded: false,
      criteria: [
        { id: 'R1.1', title: 'Monthly supervision', description: 'Workers are supervised monthly.', keywords: ['supervision'] },
        { id: 'R1.2', title: 'Reflective supervision', description: 'Supervision reflects on practice.', keywords: ['reflective'] },
        { id: 'R1.3', title: 'Audit of supervision', description: 'Supervision is audited.', keywords: ['audit'] },
      ],
    },
  ],
};

const summary = (builtIn = false): FrameworkSummary => ({
  id: PLAN.id, title: PLAN.title, shortTitle: PLAN.shortTitle, kind: 'improvement-plan', builtIn, isDefault: false, judgements: 1, criteria: 3,
});

function fakeApi(tagged: Record<string, number> = {}) {
  let stored = JSON.stringify(PLAN, null, 2);
  const saves: Framework[] = [];
  const api = {
    transport: 'http',
    on: () => () => undefined,
    call: async (method: string, input: Record<string, unknown>) => {
      switch (method) {
        case 'frameworks.get':
          return { framework: { id: PLAN.id, title: PLAN.title, judgements: [] }, json: stored };
        case 'frameworks.save': {
          const parsed = parseFramework(input.json as string);
          if (!parsed.ok) throw new Error(formatErrors(parsed.errors));
          stored = input.json as string;
          saves.push(parsed.framework);
          return { ...summary(), id: parsed.framework.id };
        }
        case 'coverage.get':
          return {
            frameworkId: input.frameworkId,
            evidenceCount: 0,
            judgements: [{ id: 'r1', title: '', gaps: 0, approved: 0, draft: 0, stale: 0, key: 0, supporting: 0, criteria: Object.entries(tagged).map(([id, n]) => ({ id, title: id, parentId: null, depth: 1, gap: false, approved: n, draft: 0, stale: 0, key: n, supporting: 0 })) }],
          };
        default:
          throw new Error(`unexpected ${method}`);
      }
    },
  } as unknown as ClientApi;
  return { api, saves, last: () => saves.at(-1)! };
}

function show(api: ClientApi, builtIn = false) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <ApiProvider value={api}>
        <FrameworkEditor summary={summary(builtIn)} takenIds={[PLAN.id]} onClose={() => {}} onSaved={async () => {}} />
      </ApiProvider>
    </FluentProvider>,
  );
}

const ids = (f: Framework) => f.judgements[0].criteria.map((c) => c.id);
const rows = () => screen.getAllByTestId('form-criterion').map((r) => r.getAttribute('data-criterion'));

describe('the framework form', () => {
  it('adds a criterion to a judgement, with the next id suggested', async () => {
    const fake = fakeApi();
    show(fake.api);
    fireEvent.click(await screen.findByRole('button', { name: /Add a criterion to Recommendation 1/u }));
    const form = screen.getByRole('form', { name: /New criterion/u });
    expect((within(form).getByRole('textbox', { name: /^Id/u }) as HTMLInputElement).value).toBe('R1.4');
    fireEvent.change(within(form).getByRole('textbox', { name: /^Title/u }), { target: { value: 'Supervision training' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /^Description/u }), { target: { value: 'Managers are trained to supervise.' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /^Keywords/u }), { target: { value: 'training, supervisors' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add criterion' }));
    await waitFor(() => expect(fake.saves).toHaveLength(1));
    expect(fake.last().judgements[0].criteria.at(-1)).toEqual({ id: 'R1.4', title: 'Supervision training', description: 'Managers are trained to supervise.', keywords: ['training', 'supervisors'] });
    await waitFor(() => expect(rows()).toEqual(['R1.1', 'R1.2', 'R1.3', 'R1.4']));
  });

  it('shows the schema’s words when a new criterion is incomplete, and saves nothing', async () => {
    const fake = fakeApi();
    show(fake.api);
    fireEvent.click(await screen.findByRole('button', { name: /Add a criterion to Recommendation 1/u }));
    fireEvent.click(screen.getByRole('button', { name: 'Add criterion' }));
    await waitFor(() => expect(screen.getByTestId('editor-message').textContent).toMatch(/Not saved: "title" is empty \(in criterion "R1\.4"\)/u));
    expect(screen.getByTestId('editor-message').textContent).not.toMatch(/Line \d+/u);
    expect(fake.saves).toHaveLength(0);
    // What was typed is still there to correct.
    expect(screen.getByRole('form', { name: /New criterion/u })).toBeTruthy();
  });

  it('renames a criterion and a judgement', async () => {
    const fake = fakeApi();
    show(fake.api);
    fireEvent.click(await screen.findByRole('button', { name: 'Rename R1.2 Reflective supervision' }));
    const field = screen.getByRole('textbox', { name: 'New title for R1.2' });
    fireEvent.change(field, { target: { value: 'Reflective group supervision' } });
    // Enter in a form's field submits it (the browser's implicit submission; jsdom needs it said).
    fireEvent.submit(field.closest('form')!);
    await waitFor(() => expect(fake.last()?.judgements[0].criteria[1].title).toBe('Reflective group supervision'));

    fireEvent.click(await screen.findByRole('button', { name: /Rename the judgement/u }));
    fireEvent.change(screen.getByRole('textbox', { name: /New title for the judgement/u }), { target: { value: 'Recommendation 1: supervision and oversight' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.last().judgements[0].title).toBe('Recommendation 1: supervision and oversight'));
    expect(fake.saves).toHaveLength(2);
  });

  it('moves criteria up and down, keeping the focus on the moved one, and Undo puts the order back', async () => {
    const fake = fakeApi();
    show(fake.api);
    fireEvent.click(await screen.findByRole('button', { name: 'Move R1.1 down' }));
    await waitFor(() => expect(fake.saves).toHaveLength(1));
    expect(ids(fake.last())).toEqual(['R1.2', 'R1.1', 'R1.3']);
    await waitFor(() => expect(rows()).toEqual(['R1.2', 'R1.1', 'R1.3']));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move R1.1 down' })));
    fireEvent.click(screen.getByRole('button', { name: 'Move R1.3 up' }));
    await waitFor(() => expect(fake.saves).toHaveLength(2));
    expect(ids(fake.last())).toEqual(['R1.2', 'R1.3', 'R1.1']);
    // The first one cannot go further up: nothing is saved.
    fireEvent.click(screen.getByRole('button', { name: 'Move R1.2 up' }));
    expect(fake.saves).toHaveLength(2);

    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(fake.saves).toHaveLength(3));
    expect(ids(fake.last())).toEqual(['R1.2', 'R1.1', 'R1.3']);
    await waitFor(() => expect(screen.getByTestId('editor-message').textContent).toMatch(/Undone/u));
  });

  it('warns how many evidence items are tagged to a criterion before deleting it', async () => {
    const fake = fakeApi({ 'R1.2': 3 });
    show(fake.api);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete R1.2 Reflective supervision' }));
    const dialog = await screen.findByRole('alertdialog');
    await waitFor(() => expect(within(dialog).getByTestId('delete-criterion-warning').textContent).toMatch(/3 evidence items are tagged to it/u));
    fireEvent.click(await screen.findByRole('button', { name: 'Keep it' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(fake.saves).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Delete R1.3 Audit of supervision' }));
    const second = await screen.findByRole('alertdialog');
    await waitFor(() => expect(within(second).getByTestId('delete-criterion-warning').textContent).toMatch(/No evidence is tagged to it/u));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete criterion' }));
    await waitFor(() => expect(fake.saves).toHaveLength(1));
    expect(ids(fake.last())).toEqual(['R1.1', 'R1.2']);
  });

  it('edits a built-in framework as a copy with an id of its own', async () => {
    const fake = fakeApi();
    show(fake.api, true);
    fireEvent.click(await screen.findByRole('button', { name: 'Move R1.1 down' }));
    await waitFor(() => expect(fake.saves).toHaveLength(1));
    expect(fake.last().id).toBe('our-plan-local');
    expect(fake.last().title).toMatch(/our copy/u);
    await waitFor(() => expect(screen.getByTestId('editor-message').textContent).toMatch(/Saved as your own copy/u));
  });
});

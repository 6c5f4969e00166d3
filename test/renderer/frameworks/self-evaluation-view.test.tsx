// @vitest-environment jsdom
/**
 * The self-evaluation never loses what was typed, against a fake API: text typed and left at once
 * (another judgement, the area closed) is saved; a judgement opened again waits for that save; a
 * save that fails keeps the text on screen; typing on while a save is on its way is not undone.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { ApiProvider } from '../../../renderer/src/api/ApiContext.tsx';
import type { ClientApi } from '../../../renderer/src/api/types.ts';
import { SelfEvaluationView } from '../../../renderer/src/frameworks/SelfEvaluationView.tsx';
import type { SelfEvaluation } from '../../../shared/contract.ts';

beforeAll(() => {
  // jsdom has no layout: Fluent's message bar (the save error) measures itself with a ResizeObserver.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});
afterEach(cleanup);

const KNOW = 'What we know about the quality and impact of practice';

interface Fake {
  api: ClientApi;
  saves: SelfEvaluation[];
  /** Makes the next saves fail (true) or hang until released (a function is returned). */
  failSaves(on: boolean): void;
  holdSaves(): () => void;
}

function fakeApi(frameworkId: string): Fake {
  const stored = new Map<string, SelfEvaluation>();
  const saves: SelfEvaluation[] = [];
  let failing = false;
  let hold: Promise<void> | null = null;
  const blank = (judgementId: string): SelfEvaluation => ({ frameworkId, judgementId, know: '', how: '', next: '', grade: null, evidenceIds: [], updatedAt: null });
  const api = {
    transport: 'http',
    on: () => () => undefined,
    call: async (method: string, input: Record<string, unknown>) => {
      switch (method) {
        case 'frameworks.get':
          return {
            framework: {
              id: frameworkId, title: 'Test framework', judgements: [{ id: 'j1', title: 'Leaders', criteria: [] }, { id: 'j2', title: 'Children in care', criteria: [] }],
            },
            json: '{}',
          };
        case 'evidence.list':
          return [];
        case 'selfEvaluation.get':
          return stored.get(input.judgementId as string) ?? blank(input.judgementId as string);
        case 'selfEvaluation.save': {
          if (hold) await hold;
          if (failing) throw new Error('The index is read-only.');
          const s = { ...(input as unknown as SelfEvaluation), updatedAt: new Date().toISOString() };
          saves.push(s);
          stored.set(s.judgementId, s);
          return s;
        }
        default:
          throw new Error(`unexpected ${method}`);
      }
    },
  } as unknown as ClientApi;
  return {
    api,
    saves,
    failSaves: (on) => {
      failing = on;
    },
    holdSaves: () => {
      let release = () => {};
      hold = new Promise<void>((resolve) => {
        release = () => {
          hold = null;
          resolve();
        };
      });
      return release;
    },
  };
}

function show(fake: Fake, frameworkId: string) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <ApiProvider value={fake.api}>
        <SelfEvaluationView frameworkId={frameworkId} onOpenDocument={() => {}} />
      </ApiProvider>
    </FluentProvider>,
  );
}

const know = () => screen.findByRole('textbox', { name: KNOW }) as Promise<HTMLTextAreaElement>;
const judgement = (name: string) => fireEvent.click(screen.getByRole('tab', { name }));

describe('the self-evaluation keeps what was typed', () => {
  it('saves text left at once for another judgement, and shows it again there', async () => {
    const fake = fakeApi('fw-switch');
    show(fake, 'fw-switch');
    fireEvent.change(await know(), { target: { value: 'Leaders know their services well.' } });
    judgement('Children in care');
    await waitFor(() => expect(fake.saves.map((s) => [s.judgementId, s.know])).toEqual([['j1', 'Leaders know their services well.']]));
    expect((await know()).value).toBe('');
    judgement('Leaders');
    await waitFor(async () => expect((await know()).value).toBe('Leaders know their services well.'));
  });

  it('saves when the area is closed, and comes back to the same judgement with its text', async () => {
    const fake = fakeApi('fw-close');
    const view = show(fake, 'fw-close');
    await know();
    judgement('Children in care');
    fireEvent.change(await know(), { target: { value: 'Care plans are reviewed on time.' } });
    view.unmount();
    await waitFor(() => expect(fake.saves.map((s) => [s.judgementId, s.know])).toEqual([['j2', 'Care plans are reviewed on time.']]));
    show(fake, 'fw-close');
    await waitFor(async () => expect((await know()).value).toBe('Care plans are reviewed on time.'));
    expect(screen.getByRole('tab', { name: 'Children in care' }).getAttribute('aria-selected')).toBe('true');
  });

  it('saves a moment after the typing stops, without a click', async () => {
    const fake = fakeApi('fw-pause');
    show(fake, 'fw-pause');
    fireEvent.change(await know(), { target: { value: 'Typed, then a pause.' } });
    expect(fake.saves).toHaveLength(0);
    await waitFor(() => expect(fake.saves.map((s) => s.know)).toEqual(['Typed, then a pause.']), { timeout: 3000 });
    await waitFor(() => expect(screen.getByTestId('self-evaluation-state').textContent).toMatch(/^Saved /u));
  });

  it('keeps text whose save failed on screen, across switching, and says it is not saved', async () => {
    const fake = fakeApi('fw-fail');
    show(fake, 'fw-fail');
    fake.failSaves(true);
    fireEvent.change(await know(), { target: { value: 'Not lost when the index refuses it.' } });
    judgement('Children in care');
    await know();
    judgement('Leaders');
    await waitFor(async () => expect((await know()).value).toBe('Not lost when the index refuses it.'));
    await waitFor(() => expect(screen.getByTestId('self-evaluation-state').textContent).toBe('Not saved yet: your text is kept here'), { timeout: 3000 });
    // Once the index takes it again, Save saves it.
    fake.failSaves(false);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.saves.map((s) => s.know)).toEqual(['Not lost when the index refuses it.']));
  });

  it('does not undo typing that went on while a save was on its way', async () => {
    const fake = fakeApi('fw-slow');
    show(fake, 'fw-slow');
    const release = fake.holdSaves();
    fireEvent.change(await know(), { target: { value: 'First words' } });
    fireEvent.submit(screen.getByTestId('self-evaluation-form'));
    fireEvent.change(await know(), { target: { value: 'First words, and more' } });
    release();
    await waitFor(() => expect(fake.saves[0]?.know).toBe('First words'));
    expect((await know()).value).toBe('First words, and more');
    await waitFor(() => expect(fake.saves.map((s) => s.know)).toEqual(['First words', 'First words, and more']), { timeout: 3000 });
  });
});

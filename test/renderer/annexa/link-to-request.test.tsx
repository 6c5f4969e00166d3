// @vitest-environment jsdom
/**
 * "Link to request" in the Annex A area, against a fake API: a list's figures from the summaries,
 * and the findings as the filters show them (the list, rule and severity chosen, and how many
 * findings there are), each sent to requests.link for the open request chosen.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { AnnexaFinding, AnnexaImportReport } from '../../../shared/annexa/api.ts';
import type { AnnexASummaries } from '../../../shared/annexa/summaries.ts';
import { FindingsStep } from '../../../renderer/src/annexa/FindingsStep.tsx';
import { SummariesStep } from '../../../renderer/src/annexa/SummariesStep.tsx';
import { fakeApi, request, show } from '../requests/fake-api.tsx';

afterEach(cleanup);

const REPORT: AnnexaImportReport = {
  specId: 'annex-a-2024', inspectionDate: '2024-03-15', importedAt: '2024-03-14T09:30:00.000Z', unreadable: [], unrecognised: [], lists: [],
  missingLists: [], rows: 40, changes: 0, errors: 12, warnings: 3, seconds: 0.1,
};

const COUNTS = [
  { list: 'list6', rule: 'date-order', severity: 'error' as const, count: 10 },
  { list: 'list6', rule: 'code-prefix', severity: 'warning' as const, count: 3 },
  { list: 'list8', rule: 'mandatory-blank', severity: 'error' as const, count: 2 },
];

const finding = (list: string, rule: string, severity: 'error' | 'warning', row: number): AnnexaFinding => ({
  list, source: `${list}.csv`, row, column: null, rule, severity, message: `${rule} on row ${row}`,
});

/** The findings the filters sent select, with the counts over all of them (as annexa.findings gives them). */
function findings(input: Record<string, unknown>) {
  const matching = COUNTS.filter((c) => (!input.list || c.list === input.list) && (!input.rule || c.rule === input.rule) && (!input.severity || c.severity === input.severity));
  const all = matching.flatMap((c) => Array.from({ length: c.count }, (_, i) => finding(c.list, c.rule, c.severity, i + 2)));
  return { total: all.length, findings: all.slice(0, 50), counts: COUNTS };
}

async function linkToFirstOpenRequest(button: string) {
  fireEvent.click(await screen.findByRole('button', { name: button }));
  fireEvent.click(await screen.findByRole('menuitem', { name: '#2 Jane Inspector: Children in need with errors' }));
}

describe('Link the findings to a request', () => {
  const log = () => [request({ id: 1, text: 'answered one', status: 'answered' }), request({ id: 2, text: 'Children in need with errors' })];

  it('sends the list and the filters chosen, with how many findings they show', async () => {
    const fake = fakeApi(log(), (method, input) => (method === 'annexa.findings' ? findings(input) : undefined));
    show(fake, <FindingsStep report={REPORT} />);
    fireEvent.change(await screen.findByTestId('annexa-filter-list'), { target: { value: 'list6' } });
    fireEvent.change(screen.getByTestId('annexa-filter-severity'), { target: { value: 'error' } });
    await waitFor(() => expect(screen.getByTestId('annexa-findings-page').textContent).toContain('10'));
    await linkToFirstOpenRequest('Link these findings to a request');
    await waitFor(() =>
      expect(fake.of('requests.link')).toEqual([{ id: 2, link: { kind: 'annexa', list: 'list6', filter: { severity: 'error' }, note: '10 findings when linked' } }]),
    );
    await screen.findByText('Linked to request #2');
  });

  it('is offered only once the findings of the filters chosen have come, so the count it sends is theirs', async () => {
    let release = () => {};
    const fake = fakeApi(log(), (method, input) => {
      if (method !== 'annexa.findings') return undefined;
      if (input.severity !== 'warning') return findings(input);
      return new Promise((resolve) => (release = () => resolve(findings(input))));
    });
    show(fake, <FindingsStep report={REPORT} />);
    await screen.findByRole('button', { name: 'Link these findings to a request' });
    fireEvent.change(screen.getByTestId('annexa-filter-severity'), { target: { value: 'warning' } });
    await waitFor(() => expect(fake.of('annexa.findings').at(-1)).toMatchObject({ severity: 'warning' }));
    expect(screen.queryByRole('button', { name: 'Link these findings to a request' })).toBeNull();
    release();
    await linkToFirstOpenRequest('Link these findings to a request');
    await waitFor(() => expect(fake.of('requests.link')).toEqual([{ id: 2, link: { kind: 'annexa', filter: { severity: 'warning' }, note: '3 findings when linked' } }]));
  });

  it('with no filters, links every list’s findings', async () => {
    const fake = fakeApi(log(), (method, input) => (method === 'annexa.findings' ? findings(input) : undefined));
    show(fake, <FindingsStep report={REPORT} />);
    await screen.findByTestId('annexa-filter-rule');
    fireEvent.change(screen.getByTestId('annexa-filter-rule'), { target: { value: 'mandatory-blank' } });
    await waitFor(() => expect(screen.getByTestId('annexa-findings-page').textContent).toContain('2'));
    fireEvent.change(screen.getByTestId('annexa-filter-rule'), { target: { value: '' } });
    await waitFor(() => expect(screen.getByTestId('annexa-findings-page').textContent).toContain('15'));
    await linkToFirstOpenRequest('Link these findings to a request');
    await waitFor(() => expect(fake.of('requests.link')).toEqual([{ id: 2, link: { kind: 'annexa', filter: {}, note: '15 findings when linked' } }]));
  });
});

describe('Link a list’s figures to a request', () => {
  const SUMMARIES: AnnexASummaries = {
    inspectionDate: '2024-03-15',
    spec: 'annex-a-2024',
    lists: [
      { list: 'list1', title: 'List 1: Contacts', rows: 4, figures: [], tables: [] },
      { list: 'list6', title: 'List 6: Children in Need', rows: 9, figures: [], tables: [] },
    ],
  };

  it('sends the list shown, with a note saying it is its figures', async () => {
    const fake = fakeApi([request({ id: 2, text: 'Children in need with errors' })], (method) => (method === 'annexa.summary' ? SUMMARIES : undefined));
    show(fake, <SummariesStep importedAt="2024-03-14T09:30:00.000Z" />);
    fireEvent.click(await screen.findByRole('tab', { name: '6. Children in Need' }));
    await linkToFirstOpenRequest('Link these figures to a request');
    await waitFor(() =>
      expect(fake.of('requests.link')).toEqual([{ id: 2, link: { kind: 'annexa', list: 'list6', note: 'the figures of the Annex A summaries' } }]),
    );
  });
});

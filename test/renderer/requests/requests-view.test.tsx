// @vitest-environment jsdom
/**
 * The Requests screens against a fake API, with the clock fixed (only Date is faked, so React's
 * timers run): what logging sends, how Today sorts, a request leaving "Overdue" once answered, the
 * board's moves, linking a search result, and the Excel download.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { SearchResult } from '../../../shared/contract.ts';
import { LogRequestDialog } from '../../../renderer/src/requests/LogRequestDialog.tsx';
import { RequestsView } from '../../../renderer/src/requests/RequestsView.tsx';
import { ResultItem } from '../../../renderer/src/search/ResultItem.tsx';
import { fakeApi, request, show } from './fake-api.tsx';

// Wednesday 13 March 2024, 10:00 local time.
const NOW = new Date(2024, 2, 13, 10, 0);
const at = (h: number, m = 0) => new Date(2024, 2, 13, h, m).toISOString();
const noop = () => undefined;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('Log a request', () => {
  it('sends the words, inspector, received now, due as an ISO time, priority and judgement; Enter in the words saves', async () => {
    const fake = fakeApi([request({ id: 1, inspector: 'Sam Patel' })]);
    const onClose = vi.fn();
    show(fake, <LogRequestDialog open onClose={onClose} />);
    const text = await screen.findByTestId('request-text');
    await waitFor(() => expect(document.activeElement).toBe(text));
    fireEvent.change(text, { target: { value: 'The latest QA report for the front door' } });
    fireEvent.change(screen.getByTestId('request-inspector'), { target: { value: 'Sam Patel' } });
    fireEvent.change(screen.getByTestId('request-due'), { target: { value: '2024-03-13T11:30' } });
    fireEvent.click(screen.getByRole('radio', { name: 'High' }));
    await screen.findByRole('option', { name: 'Children in care' });
    fireEvent.change(screen.getByTestId('request-judgement'), { target: { value: 'care' } });
    fireEvent.keyDown(text, { key: 'Enter' });
    await waitFor(() => expect(fake.of('requests.add')).toHaveLength(1));
    expect(fake.of('requests.add')[0]).toEqual({
      text: 'The latest QA report for the front door',
      inspector: 'Sam Patel',
      received: NOW.toISOString(),
      due: at(11, 30),
      priority: 'high',
      owner: '',
      frameworkId: 'ilacs-2026',
      judgementId: 'care',
    });
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(screen.getByTestId('log-request-announce').textContent).toBe('Request 2 logged for Sam Patel.');
    // Earlier inspectors are offered as suggestions.
    expect(document.querySelector('datalist option[value="Sam Patel"]')).not.toBeNull();
  });

  it('shows the field the app refused beside that field', async () => {
    const fake = fakeApi();
    const { ApiCallError } = await import('../../../shared/api-error.ts');
    const call = fake.api.call.bind(fake.api);
    fake.api.call = (async (method: string, input: never) => {
      if (method === 'requests.add') throw new ApiCallError('invalid-argument', 'Due must be a date and time.', 'due');
      return call(method as never, input);
    }) as typeof fake.api.call;
    show(fake, <LogRequestDialog open onClose={noop} />);
    fireEvent.change(await screen.findByTestId('request-text'), { target: { value: 'Audit of case 1312' } });
    fireEvent.change(screen.getByTestId('request-inspector'), { target: { value: 'Sam' } });
    fireEvent.click(screen.getByTestId('log-request-save'));
    const field = (await screen.findByText('Due must be a date and time.')).closest('.fui-Field');
    expect(field && within(field as HTMLElement).getByTestId('request-due')).toBeTruthy();
  });

  it('refuses to send without the words or the inspector', async () => {
    const fake = fakeApi();
    show(fake, <LogRequestDialog open onClose={noop} />);
    fireEvent.click(await screen.findByTestId('log-request-save'));
    await screen.findByText('Type what the inspector asked for.');
    expect(fake.of('requests.add')).toHaveLength(0);
  });
});

function view(fake: ReturnType<typeof fakeApi>) {
  return show(fake, <RequestsView onOpenDocument={noop} onOpenSearch={noop} onLogRequest={noop} />);
}

const ids = (section: string) => within(screen.getByTestId(section)).queryAllByTestId('request-open').map((b) => b.textContent);

describe('Today', () => {
  const log = () => [
    request({ id: 1, text: 'late a little', received: at(8), due: at(9, 50) }),
    request({ id: 2, text: 'very late', received: at(7), due: at(8) }),
    request({ id: 3, text: 'due in 40 min', received: at(9), due: at(10, 40) }),
    request({ id: 4, text: 'due in 10 min', received: at(9), due: at(10, 10) }),
    request({ id: 5, text: 'due tomorrow', received: at(9), due: new Date(2024, 2, 14, 9).toISOString() }),
    request({ id: 6, text: 'answered', received: at(8), status: 'answered', answered: at(9), closed: at(9) }),
  ];

  it('puts overdue (most late first), due within the hour (soonest first), open and answered today in their lists, with how late in words', async () => {
    view(fakeApi(log()));
    await screen.findByTestId('today-overdue');
    expect(ids('today-overdue')).toEqual(['very late', 'late a little']);
    expect(ids('today-due-soon')).toEqual(['due in 10 min', 'due in 40 min']);
    expect(ids('today-open')).toEqual(['due tomorrow']);
    expect(ids('today-answered')).toEqual(['answered']);
    const late = within(screen.getByTestId('today-overdue')).getAllByTestId('request-late').map((e) => e.textContent);
    expect(late).toEqual(['Overdue by 2 h (due 08:00)', 'Overdue by 10 min (due 09:50)']);
    // Time open in words: received 07:00, now 10:00.
    expect(screen.getByTestId('today-overdue').textContent).toContain('open 3 h');
    expect(screen.getByTestId('week-strip').textContent).toContain('Wed 13/03');
    expect(screen.getByTestId('week-strip').textContent).toContain('6 received: 1 answered, 5 open');
  });

  it('a request leaves the overdue list once answered from its panel', async () => {
    const fake = fakeApi(log());
    view(fake);
    await screen.findByTestId('today-overdue');
    fireEvent.click(within(screen.getByTestId('today-overdue')).getByText('very late'));
    fireEvent.change(await screen.findByTestId('request-response'), { target: { value: 'Sent the QA report, p. 4.' } });
    fireEvent.click(screen.getByTestId('request-answer'));
    await waitFor(() => expect(ids('today-overdue')).toEqual(['late a little']));
    expect(fake.of('requests.answer')[0]).toEqual({ id: 2, response: 'Sent the QA report, p. 4.' });
    expect(ids('today-answered')).toContain('very late');
    expect(screen.getByTestId('requests-announce').textContent).toBe('Request 2 marked answered.');
  });

  it('explains what the area is for when nothing is logged', async () => {
    view(fakeApi());
    expect((await screen.findByTestId('requests-empty')).textContent).toContain('Ctrl+Shift+L');
  });
});

describe('Board', () => {
  it('moves a card with its buttons and with Ctrl+Arrow, each through requests.setStatus', async () => {
    const fake = fakeApi([request({ id: 7, text: 'placements figures' })]);
    view(fake);
    fireEvent.click(await screen.findByRole('tab', { name: 'Board' }));
    const column = await screen.findByTestId('board-new');
    fireEvent.click(within(column).getByRole('button', { name: 'Move to In progress (Ctrl+Right)' }));
    await waitFor(() => expect(within(screen.getByTestId('board-in-progress')).queryByText('placements figures')).not.toBeNull());
    expect(fake.of('requests.setStatus')).toEqual([{ id: 7, status: 'in-progress' }]);
    fireEvent.keyDown(within(screen.getByTestId('board-in-progress')).getByText('placements figures'), { key: 'ArrowRight', ctrlKey: true });
    await waitFor(() => expect(fake.of('requests.setStatus')).toHaveLength(2));
    expect(fake.of('requests.setStatus')[1]).toEqual({ id: 7, status: 'answered' });
  });
});

describe('Link to request from a search result', () => {
  const result: SearchResult = {
    documentId: 42, title: 'Front door QA report', path: 'C:\\QA\\front door.pdf', folder: 'C:\\QA', format: 'pdf', size: 1000, modified: null, pageCount: 9, score: 1,
    hits: [{ page: 4, pageLabel: '4', snippet: [{ text: 'front door', hit: true }] }],
  };

  it('offers the open requests, most recent first, and links the document at the hit’s page', async () => {
    const fake = fakeApi([
      request({ id: 1, text: 'older', received: at(8) }),
      request({ id: 2, text: 'newer', received: at(9) }),
      request({ id: 3, text: 'done', received: at(9, 30), status: 'answered' }),
    ]);
    show(fake, <ul><ResultItem result={result} selected={false} onOpen={noop} onSelect={noop} /></ul>);
    fireEvent.click(screen.getByRole('button', { name: 'Link Front door QA report to a request' }));
    await waitFor(() => expect(screen.getAllByRole('menuitem').map((i) => i.textContent)).toEqual(['#2 Jane Inspector: newer', '#1 Jane Inspector: older']));
    const items = screen.getAllByRole('menuitem');
    fireEvent.click(items[0]);
    await waitFor(() => expect(fake.of('requests.link')).toEqual([{ id: 2, link: { kind: 'document', documentId: 42, page: 4 } }]));
    await screen.findByText('Linked to request #2');
  });
});

describe('Export to Excel', () => {
  it('downloads the bytes requests.export returns as a dated .xlsx', async () => {
    const fake = fakeApi([request({ id: 1 })]);
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => (created.push(b), 'blob:x'));
    URL.revokeObjectURL = vi.fn();
    const clicked: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    view(fake);
    fireEvent.click(await screen.findByTestId('requests-export'));
    await waitFor(() => expect(clicked).toEqual(['Inspector requests 13-03-2024 1000.xlsx']));
    expect(fake.of('requests.export')).toEqual([{}]);
    expect(created[0].size).toBe(4);
    expect(screen.getByTestId('requests-announce').textContent).toContain('was downloaded');
    click.mockRestore();
  });
});

// @vitest-environment jsdom
/**
 * Links made and shown, against a fake API: the evidence panel's "Link this evidence to a request"
 * sends the item, and a request's panel shows a filtered Annex A list by its list and filter with
 * how many findings match it now (and how many did when linked), a list's figures by their note.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { EvidenceItem } from '../../../shared/contract.ts';
import type { RequestLink } from '../../../shared/requests.ts';
import { EvidencePanel } from '../../../renderer/src/evidence/EvidencePanel.tsx';
import { RequestsView } from '../../../renderer/src/requests/RequestsView.tsx';
import { fakeApi, request, show } from './fake-api.tsx';

afterEach(cleanup);
const noop = () => undefined;

describe('Link this evidence to a request', () => {
  const ITEM: EvidenceItem = {
    id: 7, documentId: 42, title: 'Front door QA report', summary: '', team: 'MASH', evidenceDate: null, reviewBy: null, status: 'approved', personalData: false,
    changedSinceTagged: false, fileMissing: false, stale: false, tags: [], createdAt: '2024-03-01T09:00:00.000Z', updatedAt: '2024-03-01T09:00:00.000Z',
  };
  const evidence = (method: string) => {
    if (method === 'evidence.get') return ITEM;
    if (method === 'suggestions.list' || method === 'evidence.history') return [];
    return undefined;
  };

  it('offers the open requests and links the evidence item, not its document', async () => {
    const fake = fakeApi([request({ id: 1, text: 'QA of the front door' }), request({ id: 2, text: 'withdrawn', status: 'withdrawn' })], evidence);
    show(fake, <EvidencePanel documentId={42} documentTitle="Front door QA report" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Link this evidence to a request' }));
    await waitFor(() => expect(screen.getAllByRole('menuitem').map((i) => i.textContent)).toEqual(['#1 Jane Inspector: QA of the front door']));
    fireEvent.click(screen.getByRole('menuitem'));
    await waitFor(() => expect(fake.of('requests.link')).toEqual([{ id: 1, link: { kind: 'evidence', evidenceId: 7 } }]));
    await screen.findByText('Linked to request #1');
  });

  it('is not offered for a document that is not evidence', async () => {
    const fake = fakeApi([request({ id: 1 })], (method) => (method === 'evidence.get' ? null : evidence(method)));
    show(fake, <EvidencePanel documentId={42} documentTitle="Front door QA report" />);
    await screen.findByRole('button', { name: 'Make this evidence' });
    expect(screen.queryByRole('button', { name: 'Link this evidence to a request' })).toBeNull();
  });
});

describe('An Annex A link in the request’s panel', () => {
  const link = (patch: Partial<RequestLink> & { id: number }): RequestLink => ({
    kind: 'annexa', label: 'Annex A', documentId: null, page: null, path: null, evidenceId: null, query: null, list: null, filter: null, note: '', at: '2024-03-13T09:00:00.000Z', ...patch,
  });

  it('shows a filtered list with its findings now and when linked, and a list’s figures by their note', async () => {
    const fake = fakeApi(
      [
        request({
          id: 1,
          text: 'Children in need with errors',
          links: [
            link({ id: 1, label: 'Annex A List 6: Children in Need — findings: errors only', list: 'list6', filter: { severity: 'error' }, note: '12 findings when linked' }),
            link({ id: 2, label: 'Annex A all lists — findings: rule date-order', filter: { rule: 'date-order' } }),
            link({ id: 3, label: 'Annex A List 1: Contacts', list: 'list1', note: 'the figures of the Annex A summaries' }),
          ],
        }),
      ],
      (method, input) => (method === 'annexa.findings' ? { total: input.list === 'list6' ? 9 : 0, findings: [], counts: [] } : undefined),
    );
    show(fake, <RequestsView onOpenDocument={noop} onOpenSearch={noop} onLogRequest={noop} />);
    fireEvent.click(await screen.findByText('Children in need with errors'));
    const links = await screen.findByTestId('request-links');
    await waitFor(() =>
      expect(within(links).getAllByTestId('request-link-annexa').map((l) => l.textContent)).toEqual([
        'List 6: Children in Need — findings: errors only: 9 findings now — 12 findings when linked',
        'all lists — findings: rule date-order: none now',
        'List 1: Contacts — the figures of the Annex A summaries',
      ]),
    );
    // Counted with the link's own list and filter, one finding fetched; a list's figures have nothing to count.
    expect(fake.of('annexa.findings')).toEqual([
      { list: 'list6', severity: 'error', limit: 1 },
      { rule: 'date-order', limit: 1 },
    ]);
  });
});

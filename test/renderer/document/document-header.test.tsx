// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { DocumentDetail } from '../../../shared/contract.ts';
import { DocumentHeader } from '../../../renderer/src/document/DocumentHeader.tsx';
import { formatDate } from '../../../renderer/src/shared/format.ts';

afterEach(cleanup);

const detail = (openRefusal: string | null): DocumentDetail => ({
  id: 1, title: 'Handover notes', format: 'text', sha256: 'x', pageCount: 1, pages: [{ number: 1, label: '1', chars: 10 }],
  author: null, created: null, modified: null, indexed: null, warning: null, openRefusal,
  locations: [{ path: '/share/handover.xyz', rootId: 1, size: 10, modified: '2024-05-01T00:00:00.000Z', missing: false }],
});

function renderHeader(d: DocumentDetail) {
  const onOpen = vi.fn();
  const onReveal = vi.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <DocumentHeader detail={d} onOpen={onOpen} onReveal={onReveal} onClose={() => {}} />
    </FluentProvider>,
  );
  return { onOpen, onReveal };
}

describe('the document header', () => {
  it('opens a document in its own application', () => {
    const { onOpen } = renderHeader(detail(null));
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    expect(onOpen).toHaveBeenCalledOnce();
    expect(screen.queryByTestId('open-refusal')).toBeNull();
  });

  it('will not open what could run as a program, says why, and still offers Show in folder', () => {
    const why = 'Not opened: a “.xyz” file is not a document type Evidence Store opens, and could run as a program. Use “Show in folder” to look at it yourself.';
    const { onOpen, onReveal } = renderHeader(detail(why));
    const open = screen.getByRole('button', { name: 'Open' });
    fireEvent.click(open);
    expect(onOpen).not.toHaveBeenCalled();
    // Reachable by keyboard, and a screen reader hears the reason with the button.
    expect(open.getAttribute('aria-disabled')).toBe('true');
    expect(document.getElementById(open.getAttribute('aria-describedby')!)?.textContent).toBe(why);
    fireEvent.click(screen.getByRole('button', { name: 'Show in folder' }));
    expect(onReveal).toHaveBeenCalledOnce();
  });

  it('labels its dates: the file’s modified date (as the results list shows it) and the created date from its properties', () => {
    const base = detail(null);
    renderHeader({ ...base, created: '2023-02-01T12:00:00.000Z', modified: '2023-03-01T12:00:00.000Z', locations: [{ ...base.locations[0], modified: '2024-05-01T12:00:00.000Z' }] });
    expect(screen.getByTestId('doc-modified').textContent).toBe('Modified 01/05/2024');
    expect(screen.getByTestId('doc-created').textContent).toBe('Created 01/02/2023');
    expect(screen.queryByTestId('doc-indexed')).toBeNull();
  });

  it('labels when Evidence Store read the document, in the same date format as the others', () => {
    renderHeader({ ...detail(null), indexed: '2024-06-03T09:30:00.000Z' });
    expect(screen.getByTestId('doc-indexed').textContent).toBe(`Indexed ${formatDate('2024-06-03T09:30:00.000Z')}`);
    expect(screen.getByTestId('doc-indexed').textContent).toMatch(/^Indexed \d{2}\/\d{2}\/2024$/u);
  });

  it('gives the whole title in its tooltip (a long one is cut after two lines) and lets the path wrap between folders', () => {
    const path = '\\\\server\\share\\Quality Assurance\\handover.xyz';
    renderHeader({ ...detail(null), locations: [{ ...detail(null).locations[0], path }] });
    expect(screen.getByTestId('doc-title').getAttribute('title')).toBe('Handover notes');
    const location = screen.getByRole('list', { name: 'Location' }).querySelector('li span')!;
    expect(location.textContent).toBe(path);
    expect(location.querySelectorAll('wbr')).toHaveLength(5);
  });
});

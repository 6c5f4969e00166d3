// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Segment } from '../../../shared/contract.ts';
import { SheetGrid } from '../../../renderer/src/document/SheetGrid.tsx';

beforeAll(() => {
  // jsdom has no layout: the grid measures its viewport through a ResizeObserver.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});
afterEach(cleanup);

function renderSheet(segments: Segment[]) {
  render(
    <FluentProvider theme={webLightTheme}>
      <SheetGrid segments={segments} label="Sheet Placements" />
    </FluentProvider>,
  );
  return screen.getByRole('table', { name: 'Sheet Placements' });
}

describe('a sheet shown as a table', () => {
  it('has the first row as its column headings and a cell per tab-separated value', () => {
    const table = renderSheet([{ text: 'Team\tChildren\tMoves\nNorth\t12\t3\nSouth\t9', hit: false }]);
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Team', 'Children', 'Moves']);
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]).getAllByRole('cell').map((c) => c.textContent)).toEqual(['North', '12', '3']);
    // A short row keeps its columns: the missing cell is empty, not shifted.
    expect(within(rows[2]).getAllByRole('cell').map((c) => c.textContent)).toEqual(['South', '9', '']);
    expect(table.getAttribute('aria-rowcount')).toBe('3');
    expect(table.getAttribute('aria-colcount')).toBe('3');
  });

  it('marks the cells holding a hit, with the words themselves marked inside', () => {
    const table = renderSheet([
      { text: 'Team\tNote\nNorth\tthe ', hit: false },
      { text: 'kestrel', hit: true },
      { text: ' protocol\nSouth\tnone', hit: false },
    ]);
    const marked = table.querySelectorAll('[data-hit="true"]');
    expect(marked).toHaveLength(1);
    expect(marked[0].textContent).toBe('the kestrel protocol');
    expect(marked[0].querySelector('mark')?.textContent).toBe('kestrel');
  });

  it('draws only the rows near the view of a big sheet, while saying how many there are', () => {
    const lines = ['Id\tName', ...Array.from({ length: 5000 }, (_, i) => `${i + 1}\tChild ${i + 1}`)];
    const table = renderSheet([{ text: lines.join('\n'), hit: false }]);
    expect(table.getAttribute('aria-rowcount')).toBe('5001');
    const drawn = within(table).getAllByRole('row');
    expect(drawn.length).toBeLessThan(100);
    expect(drawn[1].getAttribute('aria-rowindex')).toBe('2');
    expect(drawn[1].textContent).toBe('1Child 1');
  });
});

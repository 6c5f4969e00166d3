import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Segment } from '../../../shared/contract.ts';
import { Segments } from '../search/Segments.tsx';
import { HIT_KEYS_ATTRIBUTE } from '../app/shortcuts.ts';
import { columnWidths, sheetFromSegments, visibleRows, type SheetRow } from './sheet-grid.ts';

/** Every row is one line high, so the rows in view follow from the scroll position alone. */
const ROW_HEIGHT = 30;
/** Padding either side of a cell's text, in CSS pixels. */
const CELL_PADDING = 8;

const useStyles = makeStyles({
  scroller: {
    height: '100%',
    overflow: 'auto',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  table: { minWidth: '100%', fontSize: tokens.fontSizeBase300 },
  row: { display: 'grid', height: `${ROW_HEIGHT}px`, boxSizing: 'border-box', borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  header: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  cell: {
    padding: `0 ${CELL_PADDING}px`,
    lineHeight: `${ROW_HEIGHT - 1}px`,
    whiteSpace: 'pre',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    borderRight: `1px solid ${tokens.colorNeutralStroke3}`,
    textAlign: 'start',
  },
  hit: { backgroundColor: tokens.colorPaletteYellowBackground1, boxShadow: `inset 0 0 0 1px ${tokens.colorPaletteYellowBorder2}` },
  // The cell of the hit "Next hit" went to: a thick outline, not only a colour.
  current: { outline: `3px solid ${tokens.colorNeutralForeground1}`, outlineOffset: '-3px' },
  body: { position: 'relative' },
});

export interface SheetGridProps {
  segments: readonly Segment[];
  /** Where the sheet is, in words ("Sheet Population"), from the API. */
  label: string;
  /** The hit stepped to (0-based, in reading order), or null. */
  currentHit?: number | null;
}

/**
 * A sheet as a table: its first row as the column headings, the rest drawn only where they are in
 * view (a sheet may have tens of thousands of rows), the cells holding a hit marked, and the first
 * such row scrolled into view (then the row of the hit stepped to, its cell outlined).
 */
export function SheetGrid({ segments, label, currentHit = null }: SheetGridProps) {
  const styles = useStyles();
  const sheet = useMemo(() => sheetFromSegments(segments), [segments]);
  const widths = useMemo(() => columnWidths(sheet), [sheet]);
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });

  const [head, ...body] = sheet.rows;
  const columns = widths.map((w) => `calc(${w}ch + ${2 * CELL_PADDING}px)`).join(' ');
  const tableWidth = `calc(${widths.reduce((a, b) => a + b, 0)}ch + ${widths.length * 2 * CELL_PADDING}px)`;

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => setView({ top: element.scrollTop, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    element.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener('scroll', measure);
    };
  }, []);

  // Bring the first hit below the header into view (a third of the way down), once per page.
  useEffect(() => {
    const element = scroller.current;
    const first = sheet.hitRows.find((i) => i > 0);
    if (!element || first === undefined) return;
    element.scrollTop = Math.max(0, (first - 1) * ROW_HEIGHT - element.clientHeight / 3);
  }, [sheet]);

  // The hit stepped to: its row brought to a third of the way down (its cell is outlined when drawn).
  const current = currentHit === null ? undefined : sheet.hitCells[currentHit];
  useEffect(() => {
    const element = scroller.current;
    if (!element || !current || current.row === 0) return;
    element.scrollTop = Math.max(0, (current.row - 1) * ROW_HEIGHT - element.clientHeight / 3);
  }, [current]);

  if (!head) return null;
  // The header row is sticky above the body, so the body's own scroll position starts below it.
  const { start, end } = visibleRows(view.top - ROW_HEIGHT, view.height, ROW_HEIGHT, body.length);

  return (
    <div
      ref={scroller}
      className={styles.scroller}
      tabIndex={0}
      role="region"
      aria-label={`${label}, ${sheet.rows.length} rows`}
      data-testid="sheet-grid"
      {...{ [HIT_KEYS_ATTRIBUTE]: '' }}
    >
      <div role="table" aria-label={label} aria-rowcount={sheet.rows.length} aria-colcount={sheet.columnCount} className={styles.table} style={{ width: tableWidth }}>
        <div role="rowgroup" className={styles.header}>
          <Row row={head} index={0} columns={columns} columnCount={sheet.columnCount} cellRole="columnheader" currentHit={currentHit} currentColumn={current?.row === 0 ? current.column : null} />
        </div>
        <div role="rowgroup" className={styles.body} style={{ height: `${body.length * ROW_HEIGHT}px` }}>
          <div style={{ transform: `translateY(${start * ROW_HEIGHT}px)` }}>
            {body.slice(start, end).map((row, i) => (
              <Row
                key={start + i}
                row={row}
                index={start + i + 1}
                columns={columns}
                columnCount={sheet.columnCount}
                cellRole="cell"
                currentHit={currentHit}
                currentColumn={current?.row === start + i + 1 ? current.column : null}
              />
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}

interface RowProps {
  row: SheetRow;
  index: number;
  columns: string;
  columnCount: number;
  cellRole: 'cell' | 'columnheader';
  currentHit: number | null;
  /** The column of this row's cell holding the current hit, or null. */
  currentColumn: number | null;
}

function Row({ row, index, columns, columnCount, cellRole, currentHit, currentColumn }: RowProps) {
  const styles = useStyles();
  const cells = Array.from({ length: columnCount }, (_, i) => row[i]);
  return (
    <div role="row" aria-rowindex={index + 1} className={styles.row} style={{ gridTemplateColumns: columns }} data-testid="sheet-row">
      {cells.map((cell, i) => (
        <div
          key={i}
          role={cellRole}
          aria-colindex={i + 1}
          className={mergeClasses(styles.cell, cell?.hit && styles.hit, currentColumn === i && styles.current)}
          title={cell && cell.text.length > 20 ? cell.text : undefined}
          data-hit={cell?.hit ? 'true' : undefined}
          data-current-hit={currentColumn === i ? 'true' : undefined}
        >
          {cell ? <Segments segments={cell.segments} currentHit={currentHit} firstHit={cell.firstHit} /> : null}
        </div>
      ))}
    </div>
  );
}

import {
  Checkbox, Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Tooltip, makeStyles, mergeClasses, tokens,
} from '@fluentui/react-components';
import { Clock16Regular, DocumentError16Regular, DocumentSync16Regular, Warning16Filled } from '@fluentui/react-icons';
import type { MouseEvent } from 'react';
import type { EvidenceRow, EvidenceSort } from '../../../shared/evidence-table.ts';
import { STATUS_LABELS } from '../evidence/evidence-form.ts';
import { formatDate } from '../shared/format.ts';
import { matchesShortcut } from '../app/shortcuts.ts';
import { headerState } from './selection.ts';

export type Direction = 'ascending' | 'descending';

/** The columns after the tick box: what each is called, sorted by, and how wide (enough for "Approved" or a date; the title has the rest). */
const COLUMNS: { sort: EvidenceSort; label: string; width: string }[] = [
  { sort: 'title', label: 'Title', width: 'auto' },
  { sort: 'team', label: 'Team', width: '104px' },
  { sort: 'status', label: 'Status', width: '88px' },
  { sort: 'criteria', label: 'Criteria', width: '92px' },
  { sort: 'evidenceDate', label: 'Evidence date', width: '108px' },
  { sort: 'reviewBy', label: 'Review-by', width: '108px' },
  { sort: 'owner', label: 'Owner', width: '84px' },
];

const useStyles = makeStyles({
  // Fixed layout: the columns share the width there is, and long words wrap, so nothing scrolls sideways.
  table: { tableLayout: 'fixed', width: '100%' },
  tick: { width: '44px', boxSizing: 'border-box' },
  header: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  // Widths include the padding; the title keeps what is left (about 200 px at 1024 px with the navigation open).
  headerCell: { fontWeight: tokens.fontWeightSemibold, boxSizing: 'border-box' },
  // Words wrap whole; only a word longer than its column (a code, a path) is broken.
  cell: { overflowWrap: 'break-word', paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS, verticalAlign: 'top' },
  // A date (dd/mm/yyyy) never breaks inside itself; its column is sized to hold one.
  date: { whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  title: { textAlign: 'start' },
  marks: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  mark: { display: 'inline-flex', alignItems: 'center', gap: '2px' },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold, display: 'inline-flex', alignItems: 'center', gap: '2px' },
  soon: { color: tokens.colorPaletteDarkOrangeForeground1, display: 'inline-flex', alignItems: 'center', gap: '2px' },
  key: { fontWeight: tokens.fontWeightSemibold },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
});

export interface EvidenceGridProps {
  rows: EvidenceRow[];
  sort: EvidenceSort;
  direction: Direction;
  onSort: (sort: EvidenceSort) => void;
  selected: ReadonlySet<number>;
  /** A row's box changed; `shift` when Shift was held (tick the run from the last box). */
  onTick: (id: number, on: boolean, shift: boolean) => void;
  onTickPage: (on: boolean) => void;
  onOpen: (row: EvidenceRow) => void;
}

/** The evidence items of one page as a table: sortable headers, a tick box per row, the title opens the document. */
export function EvidenceGrid({ rows, sort, direction, onSort, selected, onTick, onTickPage, onOpen }: EvidenceGridProps) {
  const styles = useStyles();
  const header = headerState(selected, rows.map((r) => r.id));
  return (
    <Table sortable className={styles.table} aria-label="Evidence items" data-testid="evidence-table" size="small">
      <TableHeader className={styles.header}>
        <TableRow>
          <TableHeaderCell className={styles.tick} sortable={false}>
            <Checkbox
              checked={header}
              onChange={() => onTickPage(header !== true)}
              aria-label={header === true ? 'Untick every item on this page' : 'Tick every item on this page'}
            />
          </TableHeaderCell>
          {COLUMNS.map((c) => (
            <TableHeaderCell
              key={c.sort}
              className={styles.headerCell}
              style={c.width === 'auto' ? undefined : { width: c.width }}
              sortDirection={sort === c.sort ? direction : undefined}
              onClick={() => onSort(c.sort)}
              data-sort={c.sort}
            >
              {c.label}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id} className={mergeClasses(selected.has(row.id) && styles.selected)} aria-selected={selected.has(row.id)} data-evidence-id={row.id}>
            <TableCell className={styles.cell}>
              <Checkbox
                checked={selected.has(row.id)}
                aria-label={`Tick ${row.title}`}
                // Shift is read from the click (a change event does not carry it).
                onClick={(event: MouseEvent<HTMLInputElement>) => {
                  event.preventDefault();
                  const { shiftKey, ctrlKey, metaKey, altKey, target } = event;
                  onTick(row.id, !selected.has(row.id), matchesShortcut('evidence-tick-run', { key: '', code: '', shiftKey, ctrlKey, metaKey, altKey, target }));
                }}
              />
            </TableCell>
            <TableCell className={styles.cell}>
              <Link as="button" className={styles.title} onClick={() => onOpen(row)} data-testid="evidence-title">
                {row.title}
              </Link>
              <RowMarks row={row} />
            </TableCell>
            <TableCell className={styles.cell}>{row.team || <span className={styles.muted}>—</span>}</TableCell>
            <TableCell className={styles.cell} data-testid="evidence-status">
              {STATUS_LABELS[row.status]}
            </TableCell>
            <TableCell className={styles.cell}>
              {row.criteria.length ? (
                row.criteria.map((c, i) => (
                  <span key={`${c.frameworkId}/${c.criterionId}`}>
                    {i > 0 && ', '}
                    <span className={c.strength === 'key' ? styles.key : undefined} title={c.strength === 'key' ? 'Key evidence' : 'Supporting evidence'}>
                      {c.criterionId}
                    </span>
                  </span>
                ))
              ) : (
                <span className={styles.muted}>Not tagged</span>
              )}
            </TableCell>
            <TableCell className={mergeClasses(styles.cell, styles.date)}>{formatDate(row.evidenceDate)}</TableCell>
            <TableCell className={styles.cell} data-testid="evidence-review">
              <ReviewBy row={row} />
            </TableCell>
            <TableCell className={styles.cell}>{row.owner || <span className={styles.muted}>—</span>}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The review-by date, with words (not colour alone) when it has passed or is near. */
function ReviewBy({ row }: { row: EvidenceRow }) {
  const styles = useStyles();
  if (!row.reviewBy) return <span className={styles.muted}>—</span>;
  return (
    <>
      <div className={styles.date}>{formatDate(row.reviewBy)}</div>
      {row.review === 'overdue' && (
        <span className={styles.overdue}>
          <Warning16Filled aria-hidden /> Overdue
        </span>
      )}
      {row.review === 'soon' && (
        <span className={styles.soon}>
          <Clock16Regular aria-hidden /> Due soon
        </span>
      )}
    </>
  );
}

/** What else needs attention on the row: the file has gone, or changed since it was tagged. */
function RowMarks({ row }: { row: EvidenceRow }) {
  const styles = useStyles();
  if (!row.fileMissing && !row.changedSinceTagged) return null;
  return (
    <div className={styles.marks}>
      {row.fileMissing && (
        <Tooltip content="No copy of this file was found at the last scan; the evidence is kept." relationship="description">
          <span className={styles.mark}>
            <DocumentError16Regular aria-hidden /> File missing
          </span>
        </Tooltip>
      )}
      {row.changedSinceTagged && (
        <Tooltip content="The file changed after it was tagged: open it to check and confirm." relationship="description">
          <span className={styles.mark}>
            <DocumentSync16Regular aria-hidden /> Changed since tagged
          </span>
        </Tooltip>
      )}
    </div>
  );
}

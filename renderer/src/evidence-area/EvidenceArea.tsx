/**
 * The Evidence area: every evidence item as a table, filtered by words and the same kind of facets
 * as search, sorted by any column, ticked (Shift for a run) to set many items' status at once, and
 * undone. The core filters, sorts and pages (evidence.table), so a library of thousands stays quick.
 */
import {
  Button, DrawerBody, DrawerHeader, DrawerHeaderTitle, Link, MessageBar, MessageBarBody, OverlayDrawer, SearchBox, Spinner, makeStyles, mergeClasses, tokens,
} from '@fluentui/react-components';
import { ChevronLeft16Regular, ChevronRight16Regular, Dismiss20Regular, Filter20Regular } from '@fluentui/react-icons';
import { useEffect, useMemo, useState } from 'react';
import { evidenceItemsText } from '../../../shared/counts.ts';
import { EVIDENCE_FACETS, EVIDENCE_FACET_TITLES, type EvidenceFacet, type EvidenceFilters, type EvidenceSort } from '../../../shared/evidence-table.ts';
import { FacetGroups } from '../shared/FacetGroups.tsx';
import { formatCount } from '../shared/format.ts';
import { useElementWidth } from '../shared/useElementWidth.ts';
import { BulkStatusMessage, SetStatusMenu, useBulkStatus } from './BulkStatus.tsx';
import { EvidenceGrid, type Direction } from './EvidenceGrid.tsx';
import { NO_SELECTION, keepMatching, tick, tickAll, type Selection } from './selection.ts';
import { useEvidenceTable } from './useEvidenceTable.ts';

export const PAGE_SIZE = 100;
/** Below this width the filters leave the side for a drawer, so the table keeps its columns. */
const RAIL_MIN_WIDTH = 1040;
/** Typing pauses this long before the table is asked again. */
const TYPING_MS = 150;

const useStyles = makeStyles({
  view: { display: 'grid', gridTemplateColumns: '220px minmax(0, 1fr)', height: '100%', minHeight: 0 },
  narrow: { gridTemplateColumns: 'minmax(0, 1fr)' },
  rail: { borderRight: `1px solid ${tokens.colorNeutralStroke2}`, overflowY: 'auto', minHeight: 0 },
  main: { display: 'flex', flexDirection: 'column', minHeight: 0, minWidth: 0 },
  toolbar: {
    display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  search: { flex: '1 1 220px', maxWidth: '360px' },
  summary: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  selection: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200 },
  messages: { padding: `0 ${tokens.spacingHorizontalL}` },
  scroll: { flex: 1, overflowY: 'auto', minHeight: 0, padding: `0 ${tokens.spacingHorizontalS}` },
  pager: {
    display: 'flex', alignItems: 'center', justifyContent: 'flex-end', gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, fontSize: tokens.fontSizeBase200,
  },
  empty: { maxWidth: '62ch', padding: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  emptyTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  loading: { padding: tokens.spacingHorizontalXL },
});

export interface EvidenceAreaProps {
  /** Opens the item's document, as a search result opens it. */
  onOpenDocument: (documentId: number, page: number) => void;
  onGoToSearch: () => void;
}

export function EvidenceArea({ onOpenDocument, onGoToSearch }: EvidenceAreaProps) {
  const styles = useStyles();
  const [typed, setTyped] = useState('');
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<EvidenceFilters>({});
  const [sort, setSort] = useState<EvidenceSort>('title');
  const [direction, setDirection] = useState<Direction>('ascending');
  const [page, setPage] = useState(0);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [measure, width] = useElementWidth(20);
  const railBeside = width === 0 || width >= RAIL_MIN_WIDTH;

  useEffect(() => {
    const timer = setTimeout(() => setText(typed.trim()), TYPING_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  // A selection belongs to the words and filters it was made under: changing them starts afresh.
  const selectionKey = JSON.stringify([text, filters]);
  const [selection, setSelection] = useState<{ key: string; value: Selection }>({ key: selectionKey, value: NO_SELECTION });
  const current = selection.key === selectionKey ? selection.value : NO_SELECTION;
  const update = (next: Selection) => setSelection({ key: selectionKey, value: next });
  useEffect(() => setPage(0), [selectionKey]);

  const { table, pending, error } = useEvidenceTable({ text, filters, sort, direction, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
  const ids = useMemo(() => table?.ids ?? [], [table]);
  // Items changed out of the filters (a status set) are no longer ticked.
  const ticked = useMemo(() => (table ? keepMatching(current, ids) : current), [current, ids, table]);
  const bulk = useBulkStatus(() => update(NO_SELECTION));
  // Fewer items than before (a status set under a status filter): back to the last page there is.
  const lastPage = table ? Math.max(0, Math.ceil(table.matched / PAGE_SIZE) - 1) : 0;
  useEffect(() => {
    if (table && page > lastPage) setPage(lastPage);
  }, [table, page, lastPage]);

  const toggleFacet = (facet: string, value: string) => {
    const key = facet as EvidenceFacet;
    const values = new Set(filters[key] ?? []);
    if (values.has(value)) values.delete(value);
    else values.add(value);
    const next: EvidenceFilters = { ...filters, [key]: [...values] };
    if (!values.size) delete next[key];
    // Criteria are chosen within judgements: with no judgement left, no criterion is either.
    if (key === 'judgement' && !values.size) delete next.criterion;
    setFilters(next);
  };
  const filterCount = Object.values(filters).reduce((n, v) => n + (v?.length ?? 0), 0);
  const onSort = (column: EvidenceSort) => {
    if (column === sort) setDirection(direction === 'ascending' ? 'descending' : 'ascending');
    else {
      setSort(column);
      setDirection('ascending');
    }
    setPage(0);
  };

  const facets = (
    <FacetGroups
      label="Evidence filters"
      groups={EVIDENCE_FACETS.map((key) => ({ key, title: EVIDENCE_FACET_TITLES[key], values: table?.facets[key] ?? [] }))}
      isChecked={(facet, value) => (filters[facet as EvidenceFacet] ?? []).includes(value)}
      onToggle={toggleFacet}
    />
  );

  if (table && table.total === 0) return <NoEvidence onGoToSearch={onGoToSearch} />;

  const rows = table?.rows ?? [];
  const first = table && table.matched ? table.offset + 1 : 0;
  const last = table ? table.offset + rows.length : 0;
  const selectedIds = [...ticked.ids];

  return (
    <div ref={measure} className={mergeClasses(styles.view, !railBeside && styles.narrow)} data-testid="evidence-area">
      {railBeside && <div className={styles.rail}>{facets}</div>}
      <section className={styles.main} aria-label="Evidence items">
        <div className={styles.toolbar}>
          <SearchBox
            className={styles.search}
            size="small"
            placeholder="Filter by words"
            aria-label="Filter evidence by words in the title, summary, team, owner or criteria"
            value={typed}
            onChange={(_, data) => setTyped(data.value)}
            data-testid="evidence-filter"
          />
          {!railBeside && (
            <Button size="small" icon={<Filter20Regular />} onClick={() => setFiltersOpen(true)} data-testid="evidence-filters-button">
              {filterCount ? `Filters (${filterCount})` : 'Filters'}
            </Button>
          )}
          {filterCount > 0 && (
            <Button size="small" appearance="subtle" onClick={() => setFilters({})}>
              Clear filters
            </Button>
          )}
          <span className={styles.summary} role="status" aria-live="polite" data-testid="evidence-summary">
            {pending && <Spinner size="extra-tiny" aria-label="Listing evidence" />}
            {table && (table.matched === table.total ? evidenceItemsText(table.total) : `${formatCount(table.matched)} of ${evidenceItemsText(table.total)}`)}
          </span>
          <span className={styles.selection}>
            <SetStatusMenu bulk={bulk} selected={selectedIds} />
            {selectedIds.length > 0 && <span data-testid="evidence-ticked">{formatCount(selectedIds.length)} ticked</span>}
            {table && selectedIds.length > 0 && selectedIds.length < table.matched && (
              <Link as="button" onClick={() => update(tickAll(ticked, ids, true))}>
                Tick all {formatCount(table.matched)}
              </Link>
            )}
            {selectedIds.length > 0 && (
              <Link as="button" onClick={() => update(NO_SELECTION)}>
                Untick all
              </Link>
            )}
          </span>
        </div>
        <div className={styles.messages}>
          <BulkStatusMessage bulk={bulk} />
          {error && (
            <MessageBar intent="error">
              <MessageBarBody>{error}</MessageBarBody>
            </MessageBar>
          )}
        </div>
        <div className={styles.scroll}>
          {!table ? (
            !error && <Spinner className={styles.loading} size="small" label="Listing evidence…" />
          ) : table.matched === 0 ? (
            <div className={styles.empty} data-testid="evidence-no-match">
              <p>No evidence matches {text ? `“${text}”` : 'these filters'}{text && filterCount ? ' with these filters' : ''}.</p>
              <Button
                size="small"
                onClick={() => {
                  setFilters({});
                  setTyped('');
                }}
              >
                Clear the words and filters
              </Button>
            </div>
          ) : (
            <EvidenceGrid
              rows={rows}
              sort={sort}
              direction={direction}
              onSort={onSort}
              selected={ticked.ids}
              onTick={(id, on, shift) => update(tick(ticked, ids, id, on, shift))}
              onTickPage={(on) => update(tickAll(ticked, rows.map((r) => r.id), on))}
              onOpen={(row) => onOpenDocument(row.documentId, 1)}
            />
          )}
        </div>
        {table && table.matched > PAGE_SIZE && (
          <nav className={styles.pager} aria-label="Pages of evidence">
            <span>
              Rows {formatCount(first)}–{formatCount(last)} of {formatCount(table.matched)}
            </span>
            <Button size="small" icon={<ChevronLeft16Regular />} disabled={page === 0} onClick={() => setPage(page - 1)}>
              Previous
            </Button>
            <Button size="small" icon={<ChevronRight16Regular />} iconPosition="after" disabled={page >= lastPage} onClick={() => setPage(page + 1)}>
              Next
            </Button>
          </nav>
        )}
      </section>
      {!railBeside && (
        <OverlayDrawer open={filtersOpen} onOpenChange={(_, data) => setFiltersOpen(data.open)} position="start">
          <DrawerHeader>
            <DrawerHeaderTitle action={<Button appearance="subtle" aria-label="Close the filters" icon={<Dismiss20Regular />} onClick={() => setFiltersOpen(false)} />}>
              Filters
            </DrawerHeaderTitle>
          </DrawerHeader>
          <DrawerBody>{facets}</DrawerBody>
        </OverlayDrawer>
      )}
    </div>
  );
}

/** Nothing is evidence yet: how a document becomes evidence, and the way there. */
function NoEvidence({ onGoToSearch }: { onGoToSearch: () => void }) {
  const styles = useStyles();
  return (
    <div className={styles.empty} data-testid="evidence-empty">
      <h2 className={styles.emptyTitle}>No evidence yet</h2>
      <p>
        A document becomes evidence when you tag it against a criterion: find it in Search, tick it and choose <strong>Tag selected…</strong> (or drag it onto a
        criterion in Coverage), or open it and choose <strong>Make this evidence</strong> in its evidence panel.
      </p>
      <p>Every evidence item then appears here, with its team, status, criteria and dates, to sort, filter and approve in bulk.</p>
      <Button appearance="primary" onClick={onGoToSearch}>
        Go to Search
      </Button>
    </div>
  );
}

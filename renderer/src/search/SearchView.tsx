import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useCallback, useState, type KeyboardEvent } from 'react';
import type { SearchFacets, SearchResponse, SearchResult } from '../../../shared/contract.ts';
import { setDragDocuments } from '../evidence/drag.ts';
import { SelectionBar } from '../evidence/SelectionBar.tsx';
import { useEvidenceByDocument } from '../evidence/useEvidenceByDocument.ts';
import { formatCount, plural } from '../shared/format.ts';
import { Facets } from './Facets.tsx';
import { ResultItem } from './ResultItem.tsx';
import { LinkToRequest } from '../requests/LinkToRequest.tsx';
import { NoFoldersState, NoResultsState } from './SearchEmptyState.tsx';
import { toggleFilter } from './query-edit.ts';
import { RESULTS_PANEL_ATTRIBUTE, setResultsOverlayOpen, useResultsPlacement } from '../document/results-panel.ts';
import type { SearchState } from './useSearch.ts';
import { SaveSearchButton } from './SaveSearchButton.tsx';
import { savedSearchFor, useSavedSearches } from './saved-searches.ts';

const useStyles = makeStyles({
  view: { display: 'grid', gridTemplateColumns: '230px minmax(0, 1fr)', height: '100%', minHeight: 0 },
  narrow: { gridTemplateColumns: 'minmax(0, 1fr)' },
  // An open document has taken the results' place (there was not room for both): out of sight and
  // out of the tab order until the user (or a new search) brings the list back over the document.
  hidden: { visibility: 'hidden' },
  overlay: { position: 'relative', zIndex: 2, backgroundColor: tokens.colorNeutralBackground1, boxShadow: tokens.shadow28 },
  counting: { padding: tokens.spacingHorizontalM },
  rail: { borderRight: `1px solid ${tokens.colorNeutralStroke2}`, overflowY: 'auto', minHeight: 0 },
  main: { display: 'flex', flexDirection: 'column', minHeight: 0, minWidth: 0 },
  summary: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    minHeight: '32px',
    flexWrap: 'wrap',
  },
  summaryText: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
  notes: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} 0` },
  list: { margin: 0, padding: 0, overflowY: 'auto', flex: 1, outline: 'none' },
  more: { padding: tokens.spacingVerticalM, display: 'flex', justifyContent: 'center' },
});

export interface SearchViewProps {
  query: string;
  onQueryChange: (query: string) => void;
  search: SearchState;
  selected: number;
  onSelect: (index: number) => void;
  onOpen: (documentId: number, page: number) => void;
  /** Keyboard handling shared with the search box (Up/Down/Enter). */
  onListKeyDown: (event: KeyboardEvent) => void;
  /** The library has no folders yet. */
  noFolders: boolean;
  onGoToLibrary: () => void;
  /** A document is open beside the results: hide the facet rail to make room. */
  compact: boolean;
  onShowMore: () => void;
}

const NONE: ReadonlySet<number> = new Set();

export function SearchView(props: SearchViewProps) {
  const styles = useStyles();
  const { query, search, compact } = props;
  const response: SearchResponse | null = search.response;
  const placement = useResultsPlacement();
  const shownOver = compact && placement === 'overlay';
  const { onOpen } = props;
  // Opening a result from the list shown over the document puts the list away again.
  const openResult = useCallback(
    (documentId: number, page: number) => {
      if (shownOver) setResultsOverlayOpen(false);
      onOpen(documentId, page);
    },
    [shownOver, onOpen],
  );
  // Ticked results, for "Tag selected…" (and dragging several onto a criterion). A selection belongs
  // to the query it was made on: a new search starts with nothing ticked ("show more" keeps it).
  const selectionKey = query.trim();
  const [selection, setSelection] = useState<{ key: string; ids: ReadonlySet<number> }>({ key: selectionKey, ids: new Set() });
  const checked = selection.key === selectionKey ? selection.ids : NONE;
  const setChecked = useCallback((ids: ReadonlySet<number>) => setSelection({ key: selectionKey, ids }), [selectionKey]);
  const evidence = useEvidenceByDocument(response);
  const savedList = useSavedSearches();
  const saved = savedList.status === 'ready' ? savedSearchFor(savedList.searches, query) : undefined;
  const onCheck = useCallback(
    (documentId: number, on: boolean) => {
      setSelection((prev) => {
        const next = new Set(prev.key === selectionKey ? prev.ids : NONE);
        if (on) next.add(documentId);
        else next.delete(documentId);
        return { key: selectionKey, ids: next };
      });
    },
    [selectionKey],
  );
  const onDragStart = useCallback(
    (dataTransfer: DataTransfer, result: SearchResult) => {
      const ids = checked.has(result.documentId) ? [...checked] : [result.documentId];
      setDragDocuments(dataTransfer, ids, result.title);
    },
    [checked],
  );

  if (props.noFolders) return <NoFoldersState onGoToLibrary={props.onGoToLibrary} />;

  const showFacets = !compact && response !== null && response.total > 0;
  return (
    <div
      className={mergeClasses(styles.view, !showFacets && styles.narrow, compact && placement === 'hidden' && styles.hidden, shownOver && styles.overlay)}
      data-placement={compact ? placement : 'beside'}
      {...{ [RESULTS_PANEL_ATTRIBUTE]: true }}
    >
      {showFacets && (
        <div className={styles.rail}>
          {search.facets ? (
            <Facets facets={search.facets.facets} query={query} onToggle={(field, value) => props.onQueryChange(toggleFilter(query, field, value))} />
          ) : (
            <Spinner size="tiny" label="Counting…" className={styles.counting} />
          )}
        </div>
      )}
      <section className={styles.main} aria-label="Search results">
        <div className={styles.summary} data-testid="search-summary">
          {/* Only the count is live: buttons inside a live region are read out whenever they change. */}
          <span role="status" aria-live="polite" className={styles.summaryText}>
            {search.pending && <Spinner size="extra-tiny" aria-label="Searching" />}
            {response && (
              <span>
                {query.trim() ? `${foundText(response, search.facets)} found` : `All documents (${totalText(response, search.facets)}), newest first`} in {formatCount(response.millis)} ms
              </span>
            )}
          </span>
          {query.trim() !== '' && (
            <>
              <SaveSearchButton query={query.trim()} saved={saved} />
              <LinkToRequest link={saved ? { kind: 'search', query: saved.query, name: saved.name } : { kind: 'search', query: query.trim() }} label="Link this search" />
            </>
          )}
        </div>
        {search.error && (
          <MessageBar intent="error" className={styles.notes} data-testid="search-error">
            <MessageBarBody>{search.error}</MessageBarBody>
          </MessageBar>
        )}
        {response && response.notes.length > 0 && (
          <MessageBar intent="info" className={styles.notes} data-testid="search-notes">
            <MessageBarBody>
              {response.notes.map((note) => (
                <div key={note}>{note}</div>
              ))}
            </MessageBarBody>
          </MessageBar>
        )}
        {response && response.total === 0 && query.trim() !== '' && <NoResultsState query={query} onQueryChange={props.onQueryChange} />}
        {response && response.results.length > 0 && (
          // Focusable so Up/Down work here too, not only in the search box.
          <>
          <SelectionBar
            shown={response.results.map((r) => r.documentId)}
            selected={response.results.filter((r) => checked.has(r.documentId)).map((r) => r.documentId)}
            onSelectAll={(all) => setChecked(all ? new Set(response.results.map((r) => r.documentId)) : new Set())}
            onTagged={() => setChecked(new Set())}
          />
          <ul className={styles.list} role="list" aria-label="Documents found" tabIndex={0} onKeyDown={props.onListKeyDown} id="search-results">
            {response.results.map((result, index) => (
              <ResultItem
                key={result.documentId}
                result={result}
                selected={index === props.selected}
                onOpen={openResult}
                onSelect={() => props.onSelect(index)}
                checked={checked.has(result.documentId)}
                onCheck={onCheck}
                evidence={evidence.get(result.documentId)}
                onDragStart={onDragStart}
              />
            ))}
            {response.results.length < response.total && (
              <li className={styles.more}>
                <Button onClick={props.onShowMore}>
                  Showing {formatCount(response.results.length)} of {totalText(response, search.facets)} — show more
                </Button>
              </li>
            )}
          </ul>
          </>
        )}
      </section>
    </div>
  );
}

/**
 * The number found: exact once the facet counts have come (they count every match), and until
 * then the search's own count, which stops at 1,000 on a big library ("1,000+").
 */
function totalText(response: SearchResponse, facets: SearchFacets | null): string {
  if (facets) return formatCount(facets.total);
  return response.totalCapped ? `${formatCount(response.total)}+` : formatCount(response.total);
}

function foundText(response: SearchResponse, facets: SearchFacets | null): string {
  const total = facets ? facets.total : response.total;
  return !facets && response.totalCapped ? `${formatCount(total)}+ documents` : plural(total, 'document');
}

import { Spinner, Toaster, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { DocumentView } from '../document/DocumentView.tsx';
import { closeResultsOverlay } from '../document/results-panel.ts';
import { closeTopEscapeLayer } from '../document/escape-layers.ts';
import { useEvidenceVersion } from '../evidence/changes.ts';
import { FrameworksView } from '../frameworks/FrameworksView.tsx';
import { TOASTER_ID } from '../library/AddFolder.tsx';
import { LibraryView, type LibraryTab } from '../library/LibraryView.tsx';
import { useFolderDrop } from '../library/useFolderDrop.ts';
import { SearchView } from '../search/SearchView.tsx';
import { SavedSearchesNav } from '../search/SavedSearchesNav.tsx';
import { SettingsView } from '../settings/SettingsView.tsx';
import { useSearch } from '../search/useSearch.ts';
import { StatusBar } from '../status/StatusBar.tsx';
import { AppNav } from './AppNav.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { useAppData } from './AppData.tsx';
import { AREAS, AREA_LABELS, type Area } from './areas.ts';
import { ShortcutsDialog } from './ShortcutsDialog.tsx';
import { matchesShortcut, shortcutFor } from './shortcuts.ts';
import { TopBar } from './TopBar.tsx';
import { DropOverlay } from '../shared/DropOverlay.tsx';
import { useVisuallyHidden } from '../shared/visually-hidden.ts';
import { LogRequestDialog } from '../requests/LogRequestDialog.tsx';

const PAGE_SIZE = 50;

/** Areas whose view has a visible <h1> of its own (the others get the area's name as a screen-reader-only one). */
const AREAS_WITH_OWN_H1: readonly Area[] = ['library', 'settings'];

// Annex A is its own bundle (with both template specifications as data): loaded the first time the area opens.
const AnnexaView = lazy(() => import('../annexa/AnnexaView.tsx').then((m) => ({ default: m.AnnexaView })));
// Export likewise: most sessions never open it.
const ExportView = lazy(() => import('../export/ExportView.tsx').then((m) => ({ default: m.ExportView })));
// Requests likewise (the log dialog itself is small and always there, for Ctrl+Shift+L).
// Evidence likewise.
const EvidenceArea = lazy(() => import('../evidence-area/EvidenceArea.tsx').then((m) => ({ default: m.EvidenceArea })));
const RequestsView = lazy(() => import('../requests/RequestsView.tsx').then((m) => ({ default: m.RequestsView })));

const useStyles = makeStyles({
  app: {
    display: 'grid',
    gridTemplateRows: 'auto minmax(0, 1fr) auto',
    height: '100vh',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  middle: { display: 'flex', minHeight: 0 },
  main: { flex: 1, minWidth: 0, minHeight: 0, position: 'relative' },
  split: { display: 'grid', gridTemplateColumns: 'minmax(320px, 36%) minmax(0, 1fr)', height: '100%' },
  single: { height: '100%' },
  docPane: { borderLeft: `1px solid ${tokens.colorNeutralStroke2}`, minHeight: 0, minWidth: 0 },
});

interface OpenDocument {
  documentId: number;
  page: number;
}

export function App() {
  const styles = useStyles();
  const hidden = useVisuallyHidden();
  const { roots, progress } = useAppData();
  const [area, setArea] = useState<Area>('search');
  const [libraryTab, setLibraryTab] = useState<LibraryTab>('folders');
  const [navOpen, setNavOpen] = useState(true);
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [selected, setSelected] = useState(0);
  const [openDoc, setOpenDoc] = useState<OpenDocument | null>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [logOpen, setLogOpen] = useState(false);
  const searchInput = useRef<HTMLInputElement>(null);
  const dragging = useFolderDrop();

  // Re-run the search when a scan finishes, so new documents appear without retyping.
  // …and when evidence changes (tags and status show on results and in the facets).
  const evidenceVersion = useEvidenceVersion();
  const search = useSearch(query, limit, (progress?.finishedAt ? Date.parse(progress.finishedAt) : 0) + evidenceVersion);
  const results = search.response?.results ?? [];
  useEffect(() => setSelected(0), [search.response]);

  const changeQuery = useCallback((next: string) => {
    setQuery(next);
    setLimit(PAGE_SIZE);
    setArea('search');
  }, []);

  const open = useCallback((documentId: number, page: number) => {
    setOpenDoc({ documentId, page });
    setArea('search');
  }, []);

  // Esc puts away what is on top first: the results list shown over the document, then the document.
  const closeOverlayOrDocument = useCallback(() => {
    // The panel over the document first, then the results over it, then the document itself.
    if (!closeTopEscapeLayer() && !closeResultsOverlay()) setOpenDoc(null);
  }, []);

  const onResultKeys = (event: KeyboardEvent) => {
    if (matchesShortcut('results-move', event)) {
      if (!results.length) return;
      event.preventDefault();
      setSelected((s) => Math.min(results.length - 1, Math.max(0, s + (event.key === 'ArrowDown' ? 1 : -1))));
    } else if (matchesShortcut('results-open', event) && results[selected]) {
      event.preventDefault();
      const r = results[selected];
      open(r.documentId, r.hits[0]?.page ?? 1);
    }
  };

  const onSearchBoxKeys = (event: KeyboardEvent<HTMLInputElement>) => {
    // A search input clears itself on Esc; with a document open, Esc means "close it" instead.
    if (matchesShortcut('close-document', event) && openDoc) {
      event.preventDefault();
      closeOverlayOrDocument();
      return;
    }
    onResultKeys(event);
  };

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      const action = shortcutFor(event);
      if (!action) return;
      // Dialogs and popovers handle their own Esc and keys.
      if (event.target instanceof Element && event.target.closest('[role="dialog"], [role="alertdialog"]')) return;
      switch (action) {
        case 'focus-search':
          event.preventDefault();
          searchInput.current?.focus();
          searchInput.current?.select();
          break;
        case 'close-document':
          // Not when the search box has already handled this Esc (it would close the document too).
          if (openDoc && !event.defaultPrevented) {
            event.preventDefault();
            closeOverlayOrDocument();
          }
          break;
        case 'area-1':
        case 'area-2':
        case 'area-3':
        case 'area-4':
        case 'area-5':
        case 'area-6':
        case 'area-7':
          event.preventDefault();
          setArea(AREAS[Number(action.slice(-1)) - 1]);
          break;
        case 'settings':
          event.preventDefault();
          setArea('settings');
          break;
        case 'show-shortcuts':
          event.preventDefault();
          setShortcutsOpen(true);
          break;
        case 'log-request':
          event.preventDefault();
          setLogOpen(true);
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openDoc, closeOverlayOrDocument]);

  const showFailures = useCallback(() => {
    setArea('library');
    setLibraryTab('failures');
  }, []);

  // Each area has its own error boundary (keyed, so switching areas never carries a failure over).
  const searchView = (
    <ErrorBoundary key="search" area="Search">
      <SearchView
        query={query}
        onQueryChange={changeQuery}
        search={search}
        selected={selected}
        onSelect={setSelected}
        onOpen={open}
        onListKeyDown={onResultKeys}
        noFolders={roots !== null && roots.length === 0}
        onGoToLibrary={() => setArea('library')}
        compact={openDoc !== null}
        onShowMore={() => setLimit((l) => Math.min(200, l + PAGE_SIZE))}
      />
    </ErrorBoundary>
  );

  return (
    <div className={styles.app}>
      <TopBar
        query={query}
        onQueryChange={changeQuery}
        onKeyDown={onSearchBoxKeys}
        inputRef={searchInput}
        navOpen={navOpen}
        onToggleNav={() => setNavOpen((o) => !o)}
        onShowShortcuts={() => setShortcutsOpen(true)}
        resultsShown={area === 'search'}
      />
      <div className={styles.middle}>
        <AppNav open={navOpen} area={area} onAreaChange={setArea} underSearch={<SavedSearchesNav query={query} onRun={changeQuery} />} />
        <main className={styles.main} aria-label={AREA_LABELS[area]}>
          {/* One level-one heading per screen: the area's name, unless the area shows its own. */}
          {!AREAS_WITH_OWN_H1.includes(area) && <h1 className={hidden.hidden}>{AREA_LABELS[area]}</h1>}
          {area === 'settings' ? (
            <ErrorBoundary key="settings" area="Settings">
              <SettingsView />
            </ErrorBoundary>
          ) : area === 'library' ? (
            <ErrorBoundary key="library" area="the Library">
              <LibraryView tab={libraryTab} onTabChange={setLibraryTab} />
            </ErrorBoundary>
          ) : area === 'annexa' ? (
            <ErrorBoundary key="annexa" area="Annex A">
              <Suspense fallback={<Spinner style={{ marginTop: tokens.spacingVerticalXXL }} label="Loading Annex A…" />}>
                <AnnexaView />
              </Suspense>
            </ErrorBoundary>
          ) : area === 'export' ? (
            <ErrorBoundary key="export" area="Export">
              <Suspense fallback={<Spinner style={{ marginTop: tokens.spacingVerticalXXL }} label="Loading Export…" />}>
                <ExportView />
              </Suspense>
            </ErrorBoundary>
          ) : area === 'requests' ? (
            <ErrorBoundary key="requests" area="Requests">
              <Suspense fallback={<Spinner style={{ marginTop: tokens.spacingVerticalXXL }} label="Loading Requests…" />}>
                <RequestsView onOpenDocument={open} onOpenSearch={changeQuery} onLogRequest={() => setLogOpen(true)} />
              </Suspense>
            </ErrorBoundary>
          ) : area === 'evidence' ? (
            <ErrorBoundary key="evidence" area="Evidence">
              <Suspense fallback={<Spinner style={{ marginTop: tokens.spacingVerticalXXL }} label="Loading Evidence…" />}>
                <EvidenceArea onOpenDocument={open} onGoToSearch={() => setArea('search')} />
              </Suspense>
            </ErrorBoundary>
          ) : area === 'frameworks' ? (
            <ErrorBoundary key="frameworks" area="Frameworks and coverage">
              <FrameworksView onOpenDocument={(documentId) => open(documentId, 1)} />
            </ErrorBoundary>
          ) : openDoc ? (
            <div className={styles.split}>
              {searchView}
              <div className={styles.docPane}>
                {/* Keyed by document: opening another one starts with a fresh boundary. */}
                <ErrorBoundary key={openDoc.documentId} area="the document view">
                  <DocumentView
                    key={openDoc.documentId}
                    documentId={openDoc.documentId}
                    page={openDoc.page}
                    query={query}
                    onPageChange={(page) => setOpenDoc({ ...openDoc, page })}
                    onClose={() => setOpenDoc(null)}
                  />
                </ErrorBoundary>
              </div>
            </div>
          ) : (
            <div className={mergeClasses(styles.single)}>{searchView}</div>
          )}
        </main>
      </div>
      <ErrorBoundary area="the status bar" layout="strip">
        <StatusBar onShowFailures={showFailures} />
      </ErrorBoundary>
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
      <ErrorBoundary area="the request log" layout="strip">
        <LogRequestDialog open={logOpen} onClose={() => setLogOpen(false)} />
      </ErrorBoundary>
      <Toaster toasterId={TOASTER_ID} position="bottom-end" offset={{ vertical: 44 }} />
      {dragging && (
        <DropOverlay over="window">Drop a folder to add it to the library</DropOverlay>
      )}
    </div>
  );
}

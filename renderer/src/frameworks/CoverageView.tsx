import { Button, MessageBar, MessageBarBody, Spinner, Tab, TabList, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Dismiss16Regular, Grid20Regular, TextBulletListLtr20Regular } from '@fluentui/react-icons';
import { useEffect, useMemo, useState } from 'react';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { notifyEvidenceChanged } from '../evidence/changes.ts';
import { formatCount, plural } from '../shared/format.ts';
import { gapsText } from '../../../shared/counts.ts';
import { CellEvidence } from './CellEvidence.tsx';
import { CoverageHeatmap, type CellRef } from './CoverageHeatmap.tsx';
import { CoverageList } from './CoverageList.tsx';
import type { SortKey } from './coverage-view.ts';
import { flattenCriteria } from './criteria.ts';
import { DocumentFinder } from './DocumentFinder.tsx';
import { useCoverage } from './useCoverage.ts';
import { useFrameworkView } from './useFrameworks.ts';

const useStyles = makeStyles({
  // No framework tree beside the table: it listed the very rows the heatmap shows, in 220 px the
  // criterion names need (with the side panel open at 1024 wide they wrapped to four lines).
  grid: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', height: '100%', minHeight: 0 },
  // The side panel narrows the table (names then take two lines at most), a little less at 1024.
  withSide: { gridTemplateColumns: 'minmax(0, 1fr) clamp(260px, 26vw, 340px)' },
  main: { display: 'flex', flexDirection: 'column', padding: `0 ${tokens.spacingHorizontalL}`, minHeight: 0, minWidth: 0 },
  // The heatmap's column headings stick to the top of this box: a row scrolled to (a check's link,
  // the keyboard) stops below them, not under them.
  scroll: { flex: 1, minHeight: 0, overflowY: 'auto', paddingBottom: tokens.spacingVerticalL, scrollPaddingTop: '40px' },
  toolbar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
    padding: `${tokens.spacingVerticalS} 0`,
  },
  summary: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  spacer: { flex: 1 },
  side: { overflowY: 'auto', borderLeft: `1px solid ${tokens.colorNeutralStroke2}`, padding: tokens.spacingHorizontalM, minHeight: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  sideHead: { display: 'flex', alignItems: 'center', justifyContent: 'space-between' },
  bar: { marginBottom: tokens.spacingVerticalS },
  center: { padding: tokens.spacingHorizontalXXL },
});

type View = 'heatmap' | 'list';
type Side = 'evidence' | 'find' | null;

export interface CoverageViewProps {
  frameworkId: string;
  /** A criterion to show (from a check's link), or null. */
  focus: string | null;
  onOpenDocument: (documentId: number) => void;
}

// Kept while the app runs, so coming back to the area finds the table as it was left.
const remembered: { view: View; sort: SortKey; onlyGaps: boolean } = { view: 'heatmap', sort: 'gaps', onlyGaps: false };

/** A framework's coverage (heatmap or list), and beside it the evidence behind a chosen cell or documents to tag. */
export function CoverageView({ frameworkId, focus, onOpenDocument }: CoverageViewProps) {
  const styles = useStyles();
  const api = useApi();
  const framework = useFrameworkView(frameworkId);
  const coverage = useCoverage(frameworkId);
  const [view, setView] = useState<View>(remembered.view);
  const [sort, setSort] = useState<SortKey>(remembered.sort);
  const [onlyGaps, setOnlyGaps] = useState(remembered.onlyGaps);
  const [cell, setCell] = useState<CellRef | null>(focus ? { criterionId: focus, column: null } : null);
  const [side, setSide] = useState<Side>(focus ? 'evidence' : null);
  const [dropMessage, setDropMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  useEffect(() => {
    Object.assign(remembered, { view, sort, onlyGaps });
  }, [view, sort, onlyGaps]);
  useEffect(() => {
    setCell(null);
    setSide((s) => (s === 'evidence' ? null : s));
  }, [frameworkId]);

  const criteria = useMemo(() => (framework.status === 'ready' ? flattenCriteria(framework.value) : []), [framework]);
  const judgementNames = useMemo(
    () => new Map(framework.status === 'ready' ? framework.value.judgements.map((j) => [j.id, j.shortTitle ?? j.title] as const) : []),
    [framework],
  );
  const select = (next: CellRef) => {
    setCell(next);
    setSide('evidence');
  };

  const drop = async (criterionId: string, documentIds: number[]) => {
    setDropMessage(null);
    try {
      const items = await api.call('tags.add', { documentIds, frameworkId, criterionId, strength: 'supporting', note: '' });
      notifyEvidenceChanged();
      const what = items.length === 1 ? `“${items[0].title}”` : plural(items.length, 'document');
      setDropMessage({ intent: 'success', text: `Tagged ${what} to ${criterionId} as supporting evidence.` });
    } catch (e) {
      setDropMessage({ intent: 'error', text: errorMessage(e) });
    }
  };

  if (framework.status === 'loading' || (coverage.status === 'loading' && framework.status === 'ready')) return <Spinner className={styles.center} label="Loading coverage…" />;
  if (framework.status === 'error' || coverage.status === 'error') {
    return (
      <MessageBar intent="error" className={styles.center}>
        <MessageBarBody>{framework.status === 'error' ? framework.message : coverage.status === 'error' ? coverage.message : ''}</MessageBarBody>
      </MessageBar>
    );
  }
  if (coverage.status !== 'ready') return null;
  const cov = coverage.value;
  const gaps = cov.judgements.reduce((n, j) => n + j.gaps, 0);
  const total = cov.judgements.reduce((n, j) => n + j.criteria.length, 0);

  return (
    <div className={mergeClasses(styles.grid, side !== null && styles.withSide)}>
      <section className={styles.main} aria-label="Coverage">
        <div className={styles.toolbar}>
          <TabList size="small" selectedValue={view} onTabSelect={(_, d) => setView(d.value as View)} aria-label="Show coverage as">
            <Tab value="heatmap" icon={<Grid20Regular />}>
              Heatmap
            </Tab>
            <Tab value="list" icon={<TextBulletListLtr20Regular />}>
              List
            </Tab>
          </TabList>
          <span className={styles.summary} data-testid="coverage-summary">
            {gaps === 0 ? `Every one of the ${plural(total, 'criterion', 'criteria')} has approved evidence` : `${gapsText(gaps)}, of ${formatCount(total)}`};{' '}
            {plural(cov.evidenceCount, 'evidence item')}
          </span>
          <span className={styles.spacer} />
          <Button size="small" appearance={side === 'find' ? 'primary' : 'secondary'} onClick={() => setSide((s) => (s === 'find' ? null : 'find'))} aria-pressed={side === 'find'}>
            Find documents to tag
          </Button>
        </div>
        <div aria-live="polite">
          {dropMessage && (
            <MessageBar intent={dropMessage.intent} className={styles.bar} data-testid="drop-message">
              <MessageBarBody>{dropMessage.text}</MessageBarBody>
            </MessageBar>
          )}
        </div>
        {cov.evidenceCount === 0 && (
          <MessageBar intent="info" className={styles.bar} data-testid="coverage-empty">
            <MessageBarBody>
              No evidence yet: open a document and choose Make this evidence, or find documents here and drag them onto a criterion. Every criterion is a gap until it has approved evidence.
            </MessageBarBody>
          </MessageBar>
        )}
        {/* One per view: switching starts the other at its top, with the list's Sort and Only gaps in sight. */}
        <div className={styles.scroll} key={view} data-testid="coverage-scroll">
        {view === 'heatmap' ? (
          <CoverageHeatmap coverage={cov} judgementNames={judgementNames} selected={cell} onSelect={select} onDropDocuments={(id, docs) => void drop(id, docs)} />
        ) : (
          <CoverageList
            coverage={cov}
            judgementNames={judgementNames}
            sort={sort}
            onSortChange={setSort}
            onlyGaps={onlyGaps}
            onOnlyGapsChange={setOnlyGaps}
            selected={cell}
            onSelect={select}
            onDropDocuments={(id, docs) => void drop(id, docs)}
          />
        )}
        </div>
      </section>
      {side && (
        <aside className={styles.side} aria-label={side === 'find' ? 'Find documents' : 'Evidence behind the cell'}>
          <div className={styles.sideHead}>
            <TabList size="small" selectedValue={side} onTabSelect={(_, d) => setSide(d.value as Side)}>
              <Tab value="evidence" disabled={!cell}>
                Evidence
              </Tab>
              <Tab value="find">Find documents</Tab>
            </TabList>
            <Button size="small" appearance="subtle" icon={<Dismiss16Regular />} aria-label="Close the side panel" onClick={() => setSide(null)} />
          </div>
          {side === 'evidence' && cell && (
            <CellEvidence frameworkId={frameworkId} cell={cell} criterion={criteria.find((c) => c.id === cell.criterionId)} onOpenDocument={onOpenDocument} />
          )}
          {side === 'find' && <DocumentFinder criterionId={cell?.criterionId ?? null} onOpenDocument={onOpenDocument} />}
        </aside>
      )}
    </div>
  );
}

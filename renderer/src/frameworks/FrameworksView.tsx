import { MessageBar, MessageBarBody, Spinner, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ChecksView } from './ChecksView.tsx';
import { CoverageView } from './CoverageView.tsx';
import { ManageFrameworks } from './ManageFrameworks.tsx';
import { SelfEvaluationView } from './SelfEvaluationView.tsx';
import { useFrameworks } from './useFrameworks.ts';

export type FrameworksTab = 'coverage' | 'checks' | 'self-evaluation' | 'manage';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 },
  head: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    flexWrap: 'wrap',
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalS },
  sub: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, paddingBottom: tokens.spacingVerticalS, flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  body: { flex: 1, minHeight: 0 },
  center: { padding: tokens.spacingHorizontalXXL },
});

let lastTab: FrameworksTab = 'coverage';

export interface FrameworksViewProps {
  onOpenDocument: (documentId: number) => void;
}

/** Frameworks area: coverage of the active framework, the checks, the self-evaluation, and managing frameworks. */
export function FrameworksView({ onOpenDocument }: FrameworksViewProps) {
  const styles = useStyles();
  const { activeId, active, error, setActive } = useFrameworks();
  const [tab, setTabState] = useState<FrameworksTab>(lastTab);
  const [focus, setFocus] = useState<string | null>(null);
  const setTab = (next: FrameworksTab) => {
    lastTab = next;
    setTabState(next);
  };

  return (
    <div className={styles.view} data-testid="frameworks-view">
      <div className={styles.head}>
        <h2 className={styles.title}>{active?.shortTitle ?? 'Frameworks'}</h2>
        <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as FrameworksTab)} aria-label="Frameworks">
          <Tab value="coverage">Coverage</Tab>
          <Tab value="checks">Checks</Tab>
          <Tab value="self-evaluation">Self-evaluation</Tab>
          <Tab value="manage">Manage frameworks</Tab>
        </TabList>
        <span className={styles.sub} title={active?.title}>
          {active?.title}
        </span>
      </div>
      <div className={styles.body}>
        {error && !activeId ? (
          <MessageBar intent="error" className={styles.center}>
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        ) : tab === 'manage' ? (
          <ManageFrameworks
            onShowCoverage={(id) => {
              setActive(id);
              setTab('coverage');
            }}
          />
        ) : !activeId ? (
          <Spinner className={styles.center} label="Loading frameworks…" />
        ) : tab === 'coverage' ? (
          <CoverageView key={`${activeId}:${focus ?? ''}`} frameworkId={activeId} focus={focus} onOpenDocument={onOpenDocument} />
        ) : tab === 'checks' ? (
          <ChecksView
            frameworkId={activeId}
            onOpenDocument={onOpenDocument}
            onShowCriterion={(id) => {
              setFocus(id);
              setTab('coverage');
            }}
          />
        ) : (
          <SelfEvaluationView frameworkId={activeId} onOpenDocument={onOpenDocument} />
        )}
      </div>
    </div>
  );
}

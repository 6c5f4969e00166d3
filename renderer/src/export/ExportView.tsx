import { Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { updateExportSession, useExportSession, type ExportTab } from './export-session.ts';
import { ExportLog } from './ExportLog.tsx';
import { NewPackTab } from './NewPackTab.tsx';
import { VerifyTab } from './VerifyTab.tsx';

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
  sub: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, paddingBottom: tokens.spacingVerticalS, flex: 1, minWidth: '240px' },
  body: { flex: 1, minHeight: 0, overflowY: 'auto', padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}` },
});

/**
 * The Export area: the pack for the shared drive (a folder anyone opens without the app), checking
 * a pack against its manifest, and the log of every export. The choices and a running export live
 * in export-session.ts, so leaving the area mid-copy loses nothing.
 */
export function ExportView() {
  const styles = useStyles();
  const { tab, run } = useExportSession();
  return (
    <div className={styles.view} data-testid="export-view">
      <div className={styles.head}>
        <h2 className={styles.title}>Export</h2>
        <TabList selectedValue={tab} onTabSelect={(_, d) => updateExportSession({ tab: d.value as ExportTab })} aria-label="Export">
          <Tab value="new">{run.kind === 'running' ? 'New pack (exporting…)' : 'New pack'}</Tab>
          <Tab value="verify">Verify a pack</Tab>
          <Tab value="log">Export log</Tab>
        </TabList>
        <span className={styles.sub}>Evidence filed by judgement, with a searchable index, for a shared drive: anyone opens it without Evidence Store.</span>
      </div>
      <div className={styles.body}>{tab === 'new' ? <NewPackTab /> : tab === 'verify' ? <VerifyTab /> : <ExportLog />}</div>
    </div>
  );
}

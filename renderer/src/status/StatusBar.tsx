import { Button, ProgressBar, Text, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircle16Regular, Dismiss16Regular, ErrorCircle16Regular, Pause16Regular, Play16Regular, PlugDisconnected16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { useAppData } from '../app/AppData.tsx';
import { plural } from '../shared/format.ts';
import { failedText } from '../../../shared/counts.ts';
import { useLibraryCounts } from '../library/useLibraryCounts.ts';
import { progressText, progressValue } from './progress-text.ts';
import { RemovalStatus } from './RemovalStatus.tsx';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    minHeight: '32px',
    paddingInline: tokens.spacingHorizontalL,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    fontSize: tokens.fontSizeBase200,
  },
  state: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0, flex: 1 },
  text: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  progress: { width: '160px', flexShrink: 0 },
  controls: { display: 'flex', gap: tokens.spacingHorizontalXS, flexShrink: 0 },
  error: { color: tokens.colorPaletteRedForeground1 },
  offline: { color: tokens.colorPaletteDarkOrangeForeground1, display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

export function StatusBar({ onShowFailures }: { onShowFailures: () => void }) {
  const styles = useStyles();
  const api = useApi();
  const { progress, roots, removal } = useAppData();
  const [controlError, setControlError] = useState<string | null>(null);
  const control = (action: 'pause' | 'resume' | 'cancel') => {
    setControlError(null);
    api.call('scan.control', { action }).catch((e) => setControlError(errorMessage(e)));
  };
  // Counted by the core, as search and the Library count them: a document copied to two folders is one.
  const library = useLibraryCounts();
  const failed = library?.failed ?? 0;
  const offline = (roots ?? []).filter((r) => r.state === 'offline').length;
  const scanning = progress?.state === 'scanning';
  const text = progressText(progress, library);
  const upToDate = progress !== null && !scanning && library !== null && library.folders > 0;

  return (
    <footer className={styles.bar} aria-label="Status">
      {/* Polite live region: screen readers hear "Index up to date" without being interrupted per file. */}
      <div className={styles.state} role="status" aria-live="polite" data-testid="index-status">
        {scanning ? (
          <ProgressBar className={styles.progress} value={progressValue(progress)} aria-label="Indexing progress" thickness="large" />
        ) : upToDate ? (
          <CheckmarkCircle16Regular aria-hidden />
        ) : null}
        <Tooltip content={progress?.currentPath ?? text} relationship="description">
          <Text className={styles.text} size={200}>
            {text}
          </Text>
        </Tooltip>
      </div>
      {scanning && (
        <span className={styles.controls}>
          {progress.paused ? (
            <Button size="small" appearance="subtle" icon={<Play16Regular />} onClick={() => control('resume')}>
              Resume
            </Button>
          ) : (
            <Button size="small" appearance="subtle" icon={<Pause16Regular />} onClick={() => control('pause')}>
              Pause
            </Button>
          )}
          <Tooltip content="Stop this scan; what was indexed so far is kept" relationship="description">
            <Button size="small" appearance="subtle" icon={<Dismiss16Regular />} onClick={() => control('cancel')}>
              Cancel
            </Button>
          </Tooltip>
        </span>
      )}
      <RemovalStatus removal={removal} />
      {controlError && (
        <Text size={200} className={styles.error} role="alert">
          {controlError}
        </Text>
      )}
      {offline > 0 && (
        <span className={styles.offline}>
          <PlugDisconnected16Regular aria-hidden />
          {plural(offline, 'folder')} offline
        </span>
      )}
      {failed > 0 && (
        <Button size="small" appearance="subtle" icon={<ErrorCircle16Regular />} onClick={onShowFailures} data-testid="status-failed">
          {failedText(failed)}
        </Button>
      )}
    </footer>
  );
}

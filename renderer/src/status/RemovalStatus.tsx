import { Button, ProgressBar, Text, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircle16Regular, Dismiss16Regular, ErrorCircle16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { RemovalProgress } from '../../../shared/contract.ts';
import { removalRunning, removalText, removalValue } from './removal-text.ts';

const useStyles = makeStyles({
  removal: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0, flex: 1 },
  text: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  progress: { width: '120px', flexShrink: 0 },
  failed: { color: tokens.colorPaletteRedForeground1, flexShrink: 0 },
});

/**
 * A folder being removed and its text forgotten, in the status bar so it shows in every area while
 * the user goes on searching; when it ends, what happened, until dismissed.
 */
export function RemovalStatus({ removal }: { removal: RemovalProgress | null }) {
  const styles = useStyles();
  // The removal dismissed, by when it started: a later removal shows again.
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (!removal || dismissed === removal.startedAt) return null;
  const running = removalRunning(removal);
  const text = removalText(removal);
  return (
    <div className={styles.removal} role="status" aria-live="polite" data-testid="removal-status" data-phase={removal.phase}>
      {running ? (
        <ProgressBar className={styles.progress} value={removalValue(removal)} aria-label="Removing the folder" thickness="large" />
      ) : removal.phase === 'done' ? (
        <CheckmarkCircle16Regular aria-hidden />
      ) : (
        <ErrorCircle16Regular aria-hidden className={styles.failed} />
      )}
      <Tooltip content={text} relationship="description">
        <Text className={styles.text} size={200}>
          {text}
        </Text>
      </Tooltip>
      {!running && (
        <Button size="small" appearance="subtle" icon={<Dismiss16Regular />} aria-label="Dismiss" onClick={() => setDismissed(removal.startedAt)} />
      )}
    </div>
  );
}

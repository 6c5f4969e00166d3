import { Button, Card, CardHeader, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowRepeatAll16Regular, ArrowSync20Regular, CheckmarkCircle16Filled, Delete20Regular, Folder24Regular, PlugDisconnected16Filled, Warning16Filled } from '@fluentui/react-icons';
import type { Root } from '../../../shared/contract.ts';
import { formatCount, formatDateTime } from '../shared/format.ts';
import { COUNT_LABELS } from '../../../shared/counts.ts';

const useStyles = makeStyles({
  card: { width: '100%', maxWidth: '420px' },
  path: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  state: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase200 },
  online: { color: tokens.colorPaletteGreenForeground1 },
  offline: { color: tokens.colorPaletteDarkOrangeForeground1 },
  stats: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXXS, alignItems: 'center', margin: 0, fontSize: tokens.fontSizeBase200 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0 },
  failed: { margin: 0, display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  retry: { minWidth: 0, height: '20px', minHeight: 0, paddingBlock: 0, paddingInline: tokens.spacingHorizontalXS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  problem: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'flex-start', color: tokens.colorPaletteDarkOrangeForeground1, fontSize: tokens.fontSizeBase200, margin: 0 },
});

/** Why the last scan did not finish, when it did not (a scan still running, or cut off by an unplugged drive, says so elsewhere). */
function unfinished(root: Root): string | null {
  const last = root.lastScan;
  if (!last || !last.problem || last.outcome === 'complete' || last.outcome === 'running') return null;
  return last.outcome === 'cancelled' ? null : last.problem;
}

export interface RootCardProps {
  root: Root;
  scanning: boolean;
  /** Being removed, its text being forgotten (the status bar shows how far). */
  removing?: boolean;
  onScan: () => void;
  onRemove: () => void;
  /** Read this folder's failed files again. */
  onRetryFailed: () => void;
}

/** One folder in the library: where it is, whether it can be reached, and what was found in it. */
export function RootCard({ root, scanning, removing = false, onScan, onRemove, onRetryFailed }: RootCardProps) {
  const styles = useStyles();
  const online = root.state === 'online';
  const problem = scanning ? null : unfinished(root);
  return (
    <Card className={styles.card} data-testid="root-card" aria-label={`Folder ${root.label}`} role="group">
      <CardHeader
        image={<Folder24Regular aria-hidden />}
        header={<Text weight="semibold">{root.label}</Text>}
        description={
          <span className={online ? `${styles.state} ${styles.online}` : `${styles.state} ${styles.offline}`}>
            {online ? <CheckmarkCircle16Filled aria-hidden /> : <PlugDisconnected16Filled aria-hidden />}
            {online ? 'Online' : 'Offline — could not be reached at the last scan'}
          </span>
        }
      />
      <Text className={styles.path} title={root.path}>
        {root.path}
      </Text>
      {problem && (
        <p className={styles.problem} data-testid="root-scan-problem">
          <Warning16Filled aria-hidden />
          <span>The last scan did not finish: {problem}</span>
        </p>
      )}
      <dl className={styles.stats}>
        <dt className={styles.term}>Last scanned</dt>
        <dd className={styles.value}>{scanning ? 'Scanning now…' : formatDateTime(root.lastScannedAt)}</dd>
        <dt className={styles.term}>Documents</dt>
        <dd className={styles.value} data-testid="root-documents">
          {formatCount(root.documents)}
        </dd>
        <dt className={styles.term}>{COUNT_LABELS.failed}</dt>
        <dd className={styles.failed} data-testid="root-failed">
          {formatCount(root.failed)}
          {root.failed > 0 && (
            <Button
              className={styles.retry}
              size="small"
              appearance="transparent"
              icon={<ArrowRepeatAll16Regular />}
              onClick={onRetryFailed}
              disabled={scanning}
              aria-label={`Retry the ${root.failed === 1 ? 'file' : `${formatCount(root.failed)} files`} in ${root.label} that could not be read`}
            >
              Retry
            </Button>
          )}
        </dd>
        <dt className={styles.term}>{COUNT_LABELS.unsupported}</dt>
        <dd className={styles.value}>{formatCount(root.unsupported)}</dd>
      </dl>
      <div className={styles.actions}>
        <Button icon={<ArrowSync20Regular />} onClick={onScan} disabled={scanning || removing}>
          Scan now
        </Button>
        <Button appearance="subtle" icon={<Delete20Regular />} onClick={onRemove} disabled={removing}>
          {removing ? 'Removing…' : 'Remove'}
        </Button>
      </div>
    </Card>
  );
}

import { Button, MessageBar, MessageBarBody, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import type { RunState } from './export-session.ts';
import { phaseWords, progressDetail, progressValue, timeLeftWords } from './progress-text.ts';
import { useSectionStyles } from './section-styles.ts';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  line: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', justifyContent: 'space-between' },
  phase: { fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

/**
 * An export under way: the phase in words, a bar over the phase's bytes, files and time left, and
 * Cancel. The live region announcing phases is the area's (ExportActions), so it is in the page
 * before the first event arrives.
 */
export function ExportProgress({ run, onCancel }: { run: Extract<RunState, { kind: 'running' }>; onCancel: () => void }) {
  const styles = useStyles();
  const section = useSectionStyles();
  const p = run.progress;
  const detail = p ? progressDetail(p) : '';
  const left = p ? timeLeftWords(p.secondsLeft) : null;
  return (
    <div className={styles.box} data-testid="export-progress">
      <div className={styles.line}>
        <Text className={styles.phase}>{run.cancelling ? 'Cancelling…' : p ? `${phaseWords(p.phase)}…` : 'Starting…'}</Text>
        {left && !run.cancelling && <Text data-testid="export-time-left">{left}</Text>}
      </div>
      <ProgressBar
        value={p ? progressValue(p) : undefined}
        thickness="large"
        aria-label="Export progress"
        aria-valuetext={[p ? phaseWords(p.phase) : 'Starting', detail, left].filter(Boolean).join(', ')}
      />
      {detail && <Text size={200} aria-hidden data-testid="export-progress-detail">{detail}</Text>}
      <p className={section.muted}>{`Writing to ${run.destination}. Until the new pack is written and checked, the folder is left as it was.`}</p>
      <div className={styles.actions}>
        <Button icon={<Dismiss20Regular />} onClick={onCancel} disabled={run.cancelling} data-testid="export-cancel">
          {run.cancelling ? 'Cancelling…' : 'Cancel'}
        </Button>
      </div>
      {run.cancelError && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{`The export could not be stopped: ${run.cancelError}`}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

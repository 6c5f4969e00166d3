import { MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { formatDateTime } from '../shared/format.ts';
import { describeHistory } from './history-text.ts';
import { useHistory } from './useEvidence.ts';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, fontSize: tokens.fontSizeBase200 },
  what: { overflowWrap: 'anywhere' },
  meta: { color: tokens.colorNeutralForeground3 },
});

/** What happened to this evidence: what, when, who. */
export function HistoryList({ evidenceId }: { evidenceId: number }) {
  const styles = useStyles();
  const state = useHistory(evidenceId, true);
  if (state.status === 'loading') return <Spinner size="tiny" label="Loading the history…" />;
  if (state.status === 'error') {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{state.message}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <ol className={styles.list} aria-label="History" data-testid="evidence-history">
      {state.value.map((entry, i) => (
        <li key={`${entry.at}-${i}`}>
          <div className={styles.what}>{describeHistory(entry)}</div>
          <div className={styles.meta}>
            {formatDateTime(entry.at)} · {entry.user}
          </div>
        </li>
      ))}
    </ol>
  );
}

import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { EvidenceItem } from '../../../shared/contract.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { formatDate } from '../shared/format.ts';
import { notifyEvidenceChanged } from './changes.ts';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** What needs attention: the file changed since it was tagged, the file is missing, the review date passed. */
export function EvidenceBadges({ item, onChange }: { item: EvidenceItem; onChange: (item: EvidenceItem) => void }) {
  const styles = useStyles();
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!item.changedSinceTagged && !item.fileMissing && !item.stale && !error) return null;

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      onChange(await api.call('evidence.confirmContent', { evidenceId: item.id }));
      notifyEvidenceChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.stack} data-testid="evidence-badges">
      {item.changedSinceTagged && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Changed since tagged</MessageBarTitle>
            The file’s content changed after it was tagged. Check it still shows what the tags say, then confirm.
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void confirm()} disabled={busy}>
              Confirm
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {item.fileMissing && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>File missing</MessageBarTitle>
            No copy of this file was found at the last scan. The evidence and its tags are kept.
          </MessageBarBody>
        </MessageBar>
      )}
      {item.stale && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Past review date</MessageBarTitle>
            It was due for review by {formatDate(item.reviewBy)}; it no longer counts as approved coverage until reviewed.
          </MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

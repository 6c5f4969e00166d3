import { Button, Menu, MenuButton, MenuItem, MenuList, MenuPopover, MenuTrigger, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowUndo16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Output } from '../../../shared/contract.ts';
import { evidenceItemsText } from '../../../shared/counts.ts';
import { EVIDENCE_STATUSES, type EvidenceStatusName } from '../../../shared/evidence.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { notifyEvidenceChanged } from '../evidence/changes.ts';
import { STATUS_LABELS } from '../evidence/evidence-form.ts';

type Changed = Output<'evidence.setStatus'>['changed'];

const useStyles = makeStyles({
  bar: { margin: `${tokens.spacingVerticalXS} 0` },
});

/** What the last bulk change did, kept so it can be undone: each item's status before it. */
interface LastChange {
  status: EvidenceStatusName;
  changed: Changed;
}

/**
 * "Set status…" for the ticked items, then a bar saying what changed with "Undo" (which sets each
 * item back to the status it had, in one call like the change itself).
 */
export function useBulkStatus(onDone: () => void) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<LastChange | null>(null);
  const [undone, setUndone] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (changes: { evidenceId: number; status: EvidenceStatusName }[], after: (changed: Changed) => void) => {
    setBusy(true);
    setError(null);
    try {
      const { changed } = await api.call('evidence.setStatus', { changes });
      after(changed);
      notifyEvidenceChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const setStatus = (ids: readonly number[], status: EvidenceStatusName) =>
    run(ids.map((evidenceId) => ({ evidenceId, status })), (changed) => {
      setLast({ status, changed });
      setUndone(null);
      onDone();
    });

  const undo = () => {
    if (!last) return;
    void run(last.changed.map((c) => ({ evidenceId: c.evidenceId, status: c.from })), (changed) => {
      setLast(null);
      setUndone(changed.length);
    });
  };

  return { busy, last, undone, error, setStatus, undo, dismiss: () => { setLast(null); setUndone(null); setError(null); } };
}

export type BulkStatus = ReturnType<typeof useBulkStatus>;

export function SetStatusMenu({ bulk, selected }: { bulk: BulkStatus; selected: readonly number[] }) {
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <MenuButton size="small" disabled={!selected.length || bulk.busy} data-testid="set-status">
          Set status…
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {EVIDENCE_STATUSES.map((status) => (
            <MenuItem key={status} onClick={() => void bulk.setStatus(selected, status)}>
              {STATUS_LABELS[status]}
            </MenuItem>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

/** What the last change did (or why it failed), with Undo. */
export function BulkStatusMessage({ bulk }: { bulk: BulkStatus }) {
  const styles = useStyles();
  if (bulk.error) {
    return (
      <MessageBar intent="error" className={styles.bar} data-testid="bulk-status-message">
        <MessageBarBody>Status not changed: {bulk.error}</MessageBarBody>
      </MessageBar>
    );
  }
  if (bulk.undone !== null) {
    return (
      <MessageBar intent="info" className={styles.bar} data-testid="bulk-status-message">
        <MessageBarBody>Undone: {evidenceItemsText(bulk.undone)} set back to the status they had.</MessageBarBody>
        <MessageBarActions containerAction={<Button appearance="transparent" size="small" onClick={bulk.dismiss}>Close</Button>} />
      </MessageBar>
    );
  }
  if (!bulk.last) return null;
  const n = bulk.last.changed.length;
  return (
    <MessageBar intent="success" className={styles.bar} data-testid="bulk-status-message">
      <MessageBarBody>
        {n ? `${evidenceItemsText(n)} set to ${STATUS_LABELS[bulk.last.status]}.` : `Nothing changed: every item ticked was ${STATUS_LABELS[bulk.last.status]} already.`}
      </MessageBarBody>
      <MessageBarActions containerAction={<Button appearance="transparent" size="small" onClick={bulk.dismiss}>Close</Button>}>
        {n > 0 && (
          <Button size="small" icon={<ArrowUndo16Regular />} onClick={bulk.undo} disabled={bulk.busy}>
            Undo
          </Button>
        )}
      </MessageBarActions>
    </MessageBar>
  );
}

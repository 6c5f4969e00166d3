import { Button, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Root } from '../../../shared/contract.ts';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  note: { margin: `0 0 0 ${tokens.spacingHorizontalXXL}`, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

export interface RemoveRootDialogProps {
  root: Root | null;
  busy: boolean;
  onConfirm: (forgetText: boolean) => void;
  onCancel: () => void;
}

/**
 * Removing a folder only forgets its index entries; say so plainly, because people fear losing files.
 * Forgetting its text is a choice here, not the default: a plain removal keeps the text of documents
 * made evidence (their record shows it), and is what most people removing a folder by mistake want.
 */
export function RemoveRootDialog({ root, busy, onConfirm, onCancel }: RemoveRootDialogProps) {
  const styles = useStyles();
  const [forget, setForget] = useState(false);
  // Each folder's dialog starts unticked: forgetting is never carried over from another folder.
  useEffect(() => setForget(false), [root?.id]);
  return (
    <Dialog open={root !== null} onOpenChange={(_, data) => !data.open && !busy && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Remove “{root?.label}” from the library?</DialogTitle>
          <DialogContent className={styles.content}>
            <p>Its documents will no longer be found by search here.</p>
            <p>
              <strong>The files on disk are not touched:</strong> nothing in {root?.path} is deleted, moved or changed. You can add the folder again at any time.
            </p>
            <Checkbox
              checked={forget}
              disabled={busy}
              onChange={(_, data) => setForget(data.checked === true)}
              label="Also forget its text: wipe what was read from its documents off this computer"
              aria-describedby="remove-forget-note"
              data-testid="remove-forget-text"
            />
            <p className={styles.note} id="remove-forget-note">
              Evidence made from its documents keeps its title, summary and tags, without the text. Without this, the text of those documents stays in the
              index. If you add the folder again, its text is read again. On a big index forgetting takes a few minutes: the status bar shows how far
              it is, and you can go on searching meanwhile.
            </p>
            {busy && <Spinner size="tiny" labelPosition="after" label="Removing the folder…" />}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel} disabled={busy}>
              Keep it
            </Button>
            <Button appearance="primary" onClick={() => onConfirm(forget)} disabled={busy} data-testid="remove-confirm">
              {busy ? 'Removing…' : forget ? 'Remove and forget its text' : 'Remove from library'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import type { Root } from '../../../shared/contract.ts';

export interface RemoveRootDialogProps {
  root: Root | null;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Removing a folder only forgets its index entries; say so plainly, because people fear losing files. */
export function RemoveRootDialog({ root, busy, onConfirm, onCancel }: RemoveRootDialogProps) {
  return (
    <Dialog open={root !== null} onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Remove “{root?.label}” from the library?</DialogTitle>
          <DialogContent>
            <p>Its documents will no longer be found by search here.</p>
            <p>
              <strong>The files on disk are not touched:</strong> nothing in {root?.path} is deleted, moved or changed. You can add the folder again at any time.
            </p>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel}>
              Keep it
            </Button>
            <Button appearance="primary" onClick={onConfirm} disabled={busy}>
              {busy ? 'Removing…' : 'Remove from library'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

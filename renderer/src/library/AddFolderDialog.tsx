import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState, type FormEvent } from 'react';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
});

export interface AddFolderDialogProps {
  open: boolean;
  /** Why the dialog is shown instead of a folder picker (e.g. after a drop in browser mode). */
  reason: string | null;
  busy: boolean;
  error: string | null;
  onSubmit: (path: string) => void;
  onCancel: () => void;
}

/**
 * Browser mode cannot show the system's folder picker (a web page never learns real paths), so the
 * user pastes the folder's path — copied from File Explorer's address bar.
 */
export function AddFolderDialog({ open, reason, busy, error, onSubmit, onCancel }: AddFolderDialogProps) {
  const styles = useStyles();
  const [path, setPath] = useState('');
  useEffect(() => {
    if (open) setPath('');
  }, [open]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (path.trim()) onSubmit(path.trim());
  };

  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface aria-describedby="add-folder-note">
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>Add a folder</DialogTitle>
            <DialogContent className={styles.content}>
              <p className={styles.note} id="add-folder-note">
                {reason ? reason + ' ' : ''}
                Evidence Store is open in a web browser, which cannot show the folder picker. Paste the folder’s path instead — in File Explorer,
                click the address bar and copy it. The files stay where they are; nothing is copied or changed.
              </p>
              <Field label="Folder path" required validationMessage={error ?? undefined} validationState={error ? 'error' : 'none'}>
                <Input
                  value={path}
                  onChange={(_, data) => setPath(data.value)}
                  placeholder="C:\Evidence or \\server\share\Evidence"
                  autoFocus
                  data-testid="add-folder-path"
                />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onCancel}>
                Cancel
              </Button>
              <Button appearance="primary" type="submit" disabled={busy || !path.trim()}>
                {busy ? 'Adding…' : 'Add folder'}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

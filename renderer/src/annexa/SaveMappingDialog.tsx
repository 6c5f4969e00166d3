import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState, type FormEvent } from 'react';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  p: { margin: 0 },
});

export interface SaveMappingDialogProps {
  open: boolean;
  initialSystem: string;
  busy: boolean;
  error: string | null;
  onSave: (system: string) => void;
  onCancel: () => void;
}

/** Names the source system the mapping is saved for; saving again under a name replaces that mapping. */
export function SaveMappingDialog({ open, initialSystem, busy, error, onSave, onCancel }: SaveMappingDialogProps) {
  const styles = useStyles();
  const [system, setSystem] = useState(initialSystem);
  useEffect(() => {
    if (open) setSystem(initialSystem);
  }, [open, initialSystem]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (system.trim()) onSave(system.trim());
  };
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface aria-describedby="annexa-save-mapping-note">
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>Save this mapping</DialogTitle>
            <DialogContent className={styles.content}>
              <p className={styles.p} id="annexa-save-mapping-note">
                Next time, choose it in step 1 and the columns of this system’s extracts are mapped the same way. A mapping holds column names
                only, never a child’s data; saving under a name used before replaces that mapping.
              </p>
              <Field label="Source system" required validationMessage={error ?? undefined} validationState={error ? 'error' : 'none'}>
                <Input value={system} onChange={(_, d) => setSystem(d.value)} placeholder="Mosaic, LCS, Eclipse…" maxLength={100} autoFocus />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onCancel}>
                Cancel
              </Button>
              <Button appearance="primary" type="submit" disabled={busy || !system.trim()}>
                {busy ? 'Saving…' : 'Save mapping'}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

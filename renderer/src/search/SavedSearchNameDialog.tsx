/**
 * Naming a saved search: saving the search in the box under a name, or renaming one. A name already
 * used is refused with the app's words; when saving, the user may then replace that search.
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { SAVED_SEARCH_LIMITS } from '../../../shared/saved-searches.ts';
import { ApiCallError, errorMessage } from '../api/errors.ts';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  query: { margin: 0, fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
});

export interface SavedSearchNameDialogProps {
  open: boolean;
  mode: 'save' | 'rename';
  initialName: string;
  query: string;
  /** Saves (or renames); `replace`: the user chose to replace a saved search of that name. */
  onSubmit: (name: string, replace: boolean) => Promise<void>;
  onClose: () => void;
}

export function SavedSearchNameDialog({ open, mode, initialName, query, onSubmit, onClose }: SavedSearchNameDialogProps) {
  const styles = useStyles();
  const noteId = useId();
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<string | null>(null);
  const [clash, setClash] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!open) return;
    setName(initialName);
    setError(null);
    setClash(false);
  }, [open, initialName]);

  const submit = async (replace: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(name.trim(), replace);
      onClose();
    } catch (e) {
      setError(errorMessage(e));
      setClash(mode === 'save' && e instanceof ApiCallError && e.field === 'name' && /already/u.test(e.message));
    } finally {
      setBusy(false);
    }
  };
  const onForm = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) void submit(false);
  };

  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface aria-describedby={noteId}>
        <form onSubmit={onForm}>
          <DialogBody>
            <DialogTitle>{mode === 'save' ? 'Save this search' : 'Rename the saved search'}</DialogTitle>
            <DialogContent className={styles.content}>
              <p id={noteId} className={styles.query}>
                {query}
              </p>
              <Field label="Name" required validationMessage={error ?? undefined} validationState={error ? 'error' : 'none'}>
                <Input value={name} onChange={(_, d) => setName(d.value)} maxLength={SAVED_SEARCH_LIMITS.name} autoFocus data-testid="saved-search-name" />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>
                Cancel
              </Button>
              {clash && (
                <Button onClick={() => void submit(true)} disabled={busy}>
                  Replace it
                </Button>
              )}
              <Button appearance="primary" type="submit" disabled={busy || !name.trim()}>
                {mode === 'save' ? 'Save search' : 'Rename'}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

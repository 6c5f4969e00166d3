import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { EvidenceItem } from '../../../shared/contract.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { notifyEvidenceChanged } from '../evidence/changes.ts';
import { plural } from '../shared/format.ts';
import { CriterionPicker } from './CriterionPicker.tsx';
import { useFrameworks } from './useFrameworks.ts';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  what: { margin: 0, color: tokens.colorNeutralForeground2 },
});

export interface TagDialogProps {
  /** The documents to tag; the dialog is open while this is non-empty. */
  documentIds: number[];
  /** How to name them in the title ("Placement review", or "3 documents"). */
  what?: string;
  initialCriterionId?: string | null;
  onClose: () => void;
  onTagged?: (items: EvidenceItem[], criterionId: string) => void;
}

/** Tag one or several documents against a criterion of the active framework, key or supporting. */
export function TagDialog({ documentIds, what, initialCriterionId = null, onClose, onTagged }: TagDialogProps) {
  const styles = useStyles();
  const api = useApi();
  const { activeId, active } = useFrameworks();
  const [criterionId, setCriterionId] = useState<string | null>(initialCriterionId);
  const [strength, setStrength] = useState<'key' | 'supporting'>('supporting');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const label = what ?? plural(documentIds.length, 'document');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!criterionId || !activeId) return;
    setBusy(true);
    setError(null);
    try {
      const items = await api.call('tags.add', { documentIds, frameworkId: activeId, criterionId, strength, note });
      notifyEvidenceChanged();
      onTagged?.(items, criterionId);
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={documentIds.length > 0} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface aria-label="Tag against a criterion">
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>Tag {label}</DialogTitle>
            <DialogContent className={styles.form}>
              <p className={styles.what}>
                Against a criterion of {active?.shortTitle ?? 'the active framework'}. Documents that are not evidence yet become draft evidence.
              </p>
              {activeId && (
                <CriterionPicker
                  frameworkId={activeId}
                  value={criterionId}
                  onChange={setCriterionId}
                  validationMessage={tried && !criterionId ? 'Choose the criterion this is evidence for.' : undefined}
                />
              )}
              <Field label="Strength">
                <RadioGroup layout="horizontal" value={strength} onChange={(_, data) => setStrength(data.value as 'key' | 'supporting')}>
                  <Radio value="key" label="Key evidence" />
                  <Radio value="supporting" label="Supporting" />
                </RadioGroup>
              </Field>
              <Field label="Note (optional)" hint="Why this is evidence for the criterion, for whoever reads it next.">
                <Textarea value={note} onChange={(_, data) => setNote(data.value)} maxLength={2000} />
              </Field>
              {error && (
                <MessageBar intent="error">
                  <MessageBarBody>{error}</MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>
                Cancel
              </Button>
              <Button appearance="primary" type="submit" disabled={busy}>
                {busy ? 'Tagging…' : 'Tag'}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

import { Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { Add16Regular } from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';
import type { EvidenceItem } from '../../../shared/contract.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { CriterionPicker } from '../frameworks/CriterionPicker.tsx';
import { notifyEvidenceChanged } from './changes.ts';
import { EVIDENCE_LIMITS } from '../../../shared/evidence.ts';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

export interface AddTagProps {
  documentId: number;
  frameworkId: string;
  item: EvidenceItem | null;
  onTagged: (item: EvidenceItem) => void;
}

/** Tag this document against a criterion of the active framework, found by typing. */
export function AddTag({ documentId, frameworkId, item, onTagged }: AddTagProps) {
  const styles = useStyles();
  const api = useApi();
  const [criterionId, setCriterionId] = useState<string | null>(null);
  const [strength, setStrength] = useState<'key' | 'supporting'>('supporting');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pickerKey, setPickerKey] = useState(0);
  const already = new Set(item?.tags.filter((t) => t.frameworkId === frameworkId).map((t) => t.criterionId) ?? []);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!criterionId) {
      setError('Choose a criterion first.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const [next] = await api.call('tags.add', { documentIds: [documentId], frameworkId, criterionId, strength, note });
      setCriterionId(null);
      setNote('');
      setPickerKey((k) => k + 1);
      if (next) onTagged(next);
      notifyEvidenceChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className={styles.form} onSubmit={add} aria-label="Add a tag" data-testid="add-tag">
      <CriterionPicker key={`${frameworkId}-${pickerKey}`} frameworkId={frameworkId} value={criterionId} onChange={setCriterionId} label="Add a tag: criterion" exclude={already} />
      <div className={styles.row}>
        <RadioGroup layout="horizontal" aria-label="Strength" value={strength} onChange={(_, d) => setStrength(d.value as 'key' | 'supporting')}>
          <Radio value="key" label="Key" />
          <Radio value="supporting" label="Supporting" />
        </RadioGroup>
      </div>
      <Field label="Note (optional)">
        <Input value={note} onChange={(_, d) => setNote(d.value)} maxLength={EVIDENCE_LIMITS.tagNote} placeholder="Why it is evidence for this criterion" />
      </Field>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button type="submit" icon={<Add16Regular />} disabled={busy}>
          Add tag
        </Button>
      </div>
    </form>
  );
}

import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { EvidenceItem } from '../../../shared/contract.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { EVIDENCE_LIMITS } from '../../../shared/evidence.ts';
import { notifyEvidenceChanged } from './changes.ts';
import { BritishDateField } from '../shared/BritishDateField.tsx';
import { STATUS_LABELS, fieldsToSave, formFor, isDirty, validateForm, type EvidenceForm, type EvidenceStatus } from './evidence-form.ts';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  dates: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))', gap: tokens.spacingHorizontalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  saved: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export interface EvidenceFormViewProps {
  documentId: number;
  documentTitle: string;
  item: EvidenceItem | null;
  onSaved: (item: EvidenceItem) => void;
  /** New evidence only: give up making it. */
  onCancel?: () => void;
}

/** Title, what it shows, team, dates, status and the personal-data flag; saves only what changed. */
export function EvidenceFormView({ documentId, documentTitle, item, onSaved, onCancel }: EvidenceFormViewProps) {
  const styles = useStyles();
  const api = useApi();
  const [form, setForm] = useState<EvidenceForm>(() => formFor(item, documentTitle));
  const [base, setBase] = useState(item);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  // The item changed elsewhere (tagged, confirmed): take its values unless the user is editing.
  if (item !== base) {
    setBase(item);
    if (!isDirty(form, base)) setForm(formFor(item, documentTitle));
  }

  const problems = tried ? validateForm(form) : {};
  const set = <K extends keyof EvidenceForm>(key: K, value: EvidenceForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setSaved(false);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.keys(validateForm(form)).length) return;
    const fields = fieldsToSave(form, item);
    if (item && !Object.keys(fields).length) return;
    setBusy(true);
    setError(null);
    try {
      const next = await api.call('evidence.save', { documentId, fields });
      setBase(next);
      setForm(formFor(next, documentTitle));
      setSaved(true);
      setTried(false);
      onSaved(next);
      notifyEvidenceChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const dirty = isDirty(form, item);
  return (
    <form className={styles.form} onSubmit={save} aria-label="Evidence details" data-testid="evidence-form">
      <Field label="Title" required validationMessage={problems.title}>
        <Input value={form.title} onChange={(_, d) => set('title', d.value)} maxLength={EVIDENCE_LIMITS.title} />
      </Field>
      <Field label="What this shows" hint="In a sentence or two, what an inspector learns from it." validationMessage={problems.summary}>
        <Textarea value={form.summary} onChange={(_, d) => set('summary', d.value)} resize="vertical" rows={3} />
      </Field>
      <Field label="Owning team" validationMessage={problems.team}>
        <Input value={form.team} onChange={(_, d) => set('team', d.value)} maxLength={EVIDENCE_LIMITS.team} placeholder="e.g. Children in care" />
      </Field>
      <div className={styles.dates}>
        <BritishDateField label="Evidence date" value={form.evidenceDate} onChange={(v) => set('evidenceDate', v)} validationMessage={problems.evidenceDate} data-testid="evidence-date" />
        <BritishDateField label="Review by" value={form.reviewBy} onChange={(v) => set('reviewBy', v)} validationMessage={problems.reviewBy} data-testid="evidence-review-by" />
      </div>
      <Field label="Status">
        <RadioGroup layout="horizontal" value={form.status} onChange={(_, d) => set('status', d.value as EvidenceStatus)}>
          {(Object.keys(STATUS_LABELS) as EvidenceStatus[]).map((s) => (
            <Radio key={s} value={s} label={STATUS_LABELS[s]} />
          ))}
        </RadioGroup>
      </Field>
      <Checkbox
        checked={form.personalData}
        onChange={(_, d) => set('personalData', d.checked === true)}
        label="Contains personal data about children, families or staff"
      />
      {error && (
        <MessageBar intent="error" data-testid="evidence-save-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={busy || (item !== null && !dirty)}>
          {busy ? 'Saving…' : item ? 'Save changes' : 'Save as evidence'}
        </Button>
        {onCancel && !item && (
          <Button appearance="secondary" onClick={onCancel}>
            Cancel
          </Button>
        )}
        {saved && !dirty && (
          <span className={styles.saved} role="status">
            Saved
          </span>
        )}
      </div>
    </form>
  );
}

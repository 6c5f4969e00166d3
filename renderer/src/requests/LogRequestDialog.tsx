/**
 * "Log a request": opened from anywhere with Ctrl+Shift+L (or the Requests area's button), filled
 * from the keyboard in seconds. The words are focused first; Enter saves from any field (Shift+Enter
 * is a new line in the words), Ctrl+Enter too. Received is "now" unless changed. A field the app
 * refuses shows its message beside that field. The live region outside the dialog announces the save
 * after the dialog has closed.
 */
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
  MessageBar,
  MessageBarBody,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { REQUEST_LIMITS } from '../../../shared/requests.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { useVisuallyHidden } from '../shared/visually-hidden.ts';
import { notifyRequestsChanged } from './changes.ts';
import { BritishDateField } from '../shared/BritishDateField.tsx';
import { addInput, emptyForm, suggestions, validateRequestForm, type FieldErrors, type RequestForm } from './request-form.ts';
import { fieldOf, useDefaultJudgements } from './useRequests.ts';
import { matchesShortcut } from '../app/shortcuts.ts';
import { PriorityAndJudgementFields } from './PriorityAndJudgementFields.tsx';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  // Grid items may shrink below their content: a long judgement title would push the dialog sideways at 1024 px.
  row: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))', gap: tokens.spacingHorizontalM, '& > *': { minWidth: 0 } },
  select: { minWidth: 0, width: '100%' },
});

export function LogRequestDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const styles = useStyles();
  const hidden = useVisuallyHidden();
  const api = useApi();
  const ids = useId();
  const { frameworkId, judgements } = useDefaultJudgements();
  const [form, setForm] = useState<RequestForm>(() => emptyForm(new Date()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [announce, setAnnounce] = useState('');
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [earlier, setEarlier] = useState<{ inspectors: string[]; owners: string[] }>({ inspectors: [], owners: [] });

  // Each opening starts afresh at "now", keeps the last owner (usually the analyst logging them all),
  // and fetches the inspectors named before for the suggestions.
  useEffect(() => {
    if (!open) return;
    setForm((f) => emptyForm(new Date(), f.owner));
    setErrors({});
    setError(null);
    // The words first: the dialog would focus its surface, and the analyst is already typing.
    const focus = setTimeout(() => textRef.current?.focus(), 0);
    let live = true;
    api.call('requests.list', {}).then(
      (list) => live && setEarlier({ inspectors: suggestions(list.map((r) => r.inspector)), owners: suggestions(list.map((r) => r.owner)) }),
      () => undefined,
    );
    return () => {
      live = false;
      clearTimeout(focus);
    };
  }, [open, api]);

  const set = <K extends keyof RequestForm>(key: K, value: RequestForm[K]) => {
    setForm((f) => ({ ...f, [key]: value, ...(key === 'received' ? { receivedTouched: true } : {}) }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    const problems = validateRequestForm(form);
    setErrors(problems);
    if (Object.values(problems).some(Boolean)) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await api.call('requests.add', addInput(form, frameworkId, new Date()));
      notifyRequestsChanged();
      setAnnounce(`Request ${saved.id} logged for ${saved.inspector}.`);
      onClose();
    } catch (e) {
      const field = fieldOf(e);
      if (field && field in form) setErrors({ [field]: errorMessage(e) });
      else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  // Enter in the words saves (Shift+Enter for a new line); Ctrl+Enter saves from anywhere in the form.
  const onKeyDown = (event: KeyboardEvent) => {
    if (matchesShortcut('request-save', event)) {
      event.preventDefault();
      void save();
    }
  };

  return (
    <>
      <div role="status" aria-live="polite" className={hidden.hidden} data-testid="log-request-announce">
        {announce}
      </div>
      <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
        <DialogSurface aria-describedby={undefined}>
          <form noValidate onSubmit={(e) => void save(e)} onKeyDown={onKeyDown} aria-label="Log a request" data-testid="log-request-form">
            <DialogBody>
              <DialogTitle>Log a request</DialogTitle>
              <DialogContent className={styles.form}>
                <Field label="What the inspector asked for" required validationMessage={errors.text} hint="Enter saves; Shift+Enter for a new line.">
                  <Textarea
                    ref={textRef}
                    value={form.text}
                    onChange={(_, d) => set('text', d.value)}
                    maxLength={REQUEST_LIMITS.text}
                    rows={3}
                    resize="vertical"
                    data-testid="request-text"
                  />
                </Field>
                <div className={styles.row}>
                  <Field label="Inspector" required validationMessage={errors.inspector}>
                    <Input
                      value={form.inspector}
                      onChange={(_, d) => set('inspector', d.value)}
                      list={`${ids}-inspectors`}
                      maxLength={REQUEST_LIMITS.inspector}
                      autoComplete="off"
                      data-testid="request-inspector"
                    />
                  </Field>
                  <Field label="Owner" hint="Who is answering it." validationMessage={errors.owner}>
                    <Input value={form.owner} onChange={(_, d) => set('owner', d.value)} list={`${ids}-owners`} maxLength={REQUEST_LIMITS.owner} autoComplete="off" data-testid="request-owner" />
                  </Field>
                </div>
                <datalist id={`${ids}-inspectors`}>
                  {earlier.inspectors.map((name) => (
                    <option key={name} value={name} />
                  ))}
                </datalist>
                <datalist id={`${ids}-owners`}>
                  {earlier.owners.map((name) => (
                    <option key={name} value={name} />
                  ))}
                </datalist>
                <div className={styles.row}>
                  <BritishDateField
                    withTime
                    label="Received"
                    hint={form.receivedTouched ? 'dd/mm/yyyy HH:mm' : 'dd/mm/yyyy HH:mm; now, unless you change it.'}
                    value={form.received}
                    onChange={(v) => set('received', v)}
                    validationMessage={errors.received}
                    data-testid="request-received"
                  />
                  <BritishDateField
                    withTime
                    label="Due"
                    hint="dd/mm/yyyy HH:mm; leave empty if no time was given."
                    value={form.due}
                    onChange={(v) => set('due', v)}
                    validationMessage={errors.due}
                    data-testid="request-due"
                  />
                </div>
                <div className={styles.row}>
                  <PriorityAndJudgementFields
                    priority={form.priority}
                    judgementId={form.judgementId}
                    judgements={judgements}
                    onPriority={(v) => set('priority', v)}
                    onJudgement={(v) => set('judgementId', v)}
                    errors={{ priority: errors.priority, judgement: errors.judgementId ?? errors.frameworkId }}
                    selectClassName={styles.select}
                    judgementTestId="request-judgement"
                  />
                </div>
                {error && (
                  <MessageBar intent="error" data-testid="log-request-error">
                    <MessageBarBody>{error}</MessageBarBody>
                  </MessageBar>
                )}
              </DialogContent>
              <DialogActions>
                <Button appearance="primary" type="submit" disabled={busy} data-testid="log-request-save">
                  {busy ? 'Saving…' : 'Log request'}
                </Button>
                <Button appearance="secondary" onClick={onClose}>
                  Cancel
                </Button>
              </DialogActions>
            </DialogBody>
          </form>
        </DialogSurface>
      </Dialog>
    </>
  );
}

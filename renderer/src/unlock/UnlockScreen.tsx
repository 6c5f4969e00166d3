/**
 * The index is encrypted and Evidence Store was not given its key (or was given a wrong one): say
 * so in plain words and ask for the passphrase. The passphrase lives only in this form's state and
 * goes only to Evidence Store on this computer (store.unlock); it is never kept.
 */
import { Button, Field, Input, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState, type FormEvent } from 'react';
import type { StoreStatus } from '../../../shared/store-lock.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { FullPage } from '../shared/FullPage.tsx';

const useStyles = makeStyles({
  p: { margin: 0, overflowWrap: 'anywhere' },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, marginTop: tokens.spacingVerticalS },
  row: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  // Sized from nothing, so a long error under the field does not push the button onto the next line.
  field: { flexGrow: 1, flexShrink: 1, flexBasis: 0, minWidth: '240px' },
  // Lines the button up with the input, below the field's label.
  button: { marginTop: `calc(${tokens.lineHeightBase300} + ${tokens.spacingVerticalXXS})` },
});

export function UnlockScreen({ status, onUnlocked }: { status: StoreStatus; onUnlocked: () => void }) {
  const styles = useStyles();
  const api = useApi();
  const field = useRef<HTMLInputElement>(null);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const unlock = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!passphrase) {
      setError('Enter the passphrase the index was encrypted with.');
      field.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const after = await api.call('store.unlock', { passphrase });
      if (!after.locked) {
        setPassphrase('');
        onUnlocked();
        return;
      }
      setError('The index is still locked. Enter its passphrase again.');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
    // The passphrase stays in the field, to be corrected rather than typed again.
    field.current?.focus();
  };

  return (
    <FullPage heading="This index is encrypted: enter its passphrase" testId="unlock-screen">
      <p className={styles.p} data-testid="unlock-reason">
        {status.reason ?? `The index at ${status.file} is encrypted.`}
      </p>
      <p className={styles.note}>
        Your documents themselves are untouched: only the index Evidence Store keeps about them (its text, evidence and Annex A data) is encrypted, and
        nothing in it can be read or changed until it is unlocked. The passphrase goes only to Evidence Store on this computer and is not kept.
      </p>
      <form className={styles.form} onSubmit={unlock} aria-label="Unlock the index" noValidate>
        <div className={styles.row}>
          <Field
            className={styles.field}
            label="Passphrase"
            required
            validationMessage={error ?? undefined}
            validationState={error ? 'error' : 'none'}
          >
            <Input
              ref={field}
              type="password"
              value={passphrase}
              onChange={(_, data) => setPassphrase(data.value)}
              autoComplete="off"
              autoFocus
              data-testid="unlock-passphrase"
            />
          </Field>
          <Button className={styles.button} appearance="primary" type="submit" disabled={busy} icon={busy ? <Spinner size="tiny" /> : undefined}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </Button>
        </div>
        {/* Always there, so a screen reader hears the words when they appear. */}
        <p className={styles.note} role="status" data-testid="unlock-progress">
          {busy ? 'Opening the index: this takes a moment.' : ''}
        </p>
      </form>
    </FullPage>
  );
}

import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { FolderOpen20Regular } from '@fluentui/react-icons';
import { useState, type Ref } from 'react';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { useAppData } from '../app/AppData.tsx';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start', flexWrap: 'wrap' },
  field: { flex: 1, minWidth: '280px' },
  // Lines the button up with the input under the field's label.
  button: { marginTop: `calc(${tokens.lineHeightBase300} + ${tokens.spacingVerticalXXS})` },
});

export interface FolderFieldProps {
  label: string;
  value: string;
  onChange: (path: string) => void;
  /** What the app said about the path (ApiCallError with this field), shown under it. */
  error: string | null;
  /** Said under the field in desktop mode, where the picker is there too. */
  hint: string;
  inputRef?: Ref<HTMLInputElement>;
  disabled?: boolean;
  testId: string;
}

/**
 * A folder's path, typed or pasted (a shared drive path is normal), with the system's folder
 * picker beside it where the shell has one. Browser mode has none, so the button is left out and
 * the hint says to paste the path from File Explorer instead.
 */
export function FolderField({ label, value, onChange, error, hint, inputRef, disabled, testId }: FolderFieldProps) {
  const styles = useStyles();
  const api = useApi();
  const { info } = useAppData();
  const [pickError, setPickError] = useState<string | null>(null);
  const canPick = info?.canPickFolders === true;
  const message = error ?? pickError;

  const pick = async () => {
    setPickError(null);
    try {
      const { path } = await api.call('dialog.pickFolder', {});
      if (path) onChange(path);
    } catch (e) {
      setPickError(errorMessage(e));
    }
  };

  return (
    <div className={styles.row}>
      <Field
        className={styles.field}
        label={label}
        validationState={message ? 'error' : 'none'}
        validationMessage={message ?? undefined}
        hint={
          canPick ? (
            hint
          ) : (
            <>
              Type or paste the folder’s path, for example <code>\\server\share\Inspection\Pack</code> — in File Explorer, click the address bar and copy
              it. {info ? '(A web browser cannot show the folder picker.)' : ''}
            </>
          )
        }
      >
        <Input
          ref={inputRef}
          value={value}
          onChange={(_, d) => {
            setPickError(null);
            onChange(d.value);
          }}
          placeholder="\\server\share\Inspection\Pack"
          disabled={disabled}
          data-testid={testId}
        />
      </Field>
      {canPick && (
        <Button className={styles.button} icon={<FolderOpen20Regular />} onClick={() => void pick()} disabled={disabled} data-testid={`${testId}-pick`}>
          Choose folder…
        </Button>
      )}
    </div>
  );
}

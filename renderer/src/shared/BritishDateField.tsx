import { Field, Input, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import { formatDate, parseDate } from '../../../shared/dates.ts';

const useStyles = makeStyles({
  input: { minWidth: '9em' },
});

export interface BritishDateFieldProps {
  label: string;
  /** The date as ISO yyyy-mm-dd, '' for none; or, while the text typed is not a date, that text. */
  value: string;
  /**
   * Called as the user types: the ISO date once the text is one, '' when emptied, and the text
   * itself while it is not a date (so a form's own check refuses to save it, and nothing typed is lost).
   */
  onChange: (value: string) => void;
  /** A problem the form sees with a good date ("before the evidence date"). */
  validationMessage?: string;
  hint?: string;
  required?: boolean;
  'data-testid'?: string;
}

/**
 * A date typed the British way, whatever the browser's locale: dd/mm/yyyy, also d/m/yyyy and a
 * pasted yyyy-mm-dd. A native date input is not used because it shows and takes mm/dd/yyyy on an
 * en-US browser, so 05/03 would mean two different days on two laptops. A slip is shown once the
 * user leaves the field, in words that say how to write it.
 */
export function BritishDateField({ label, value, onChange, validationMessage, hint, required, 'data-testid': testId }: BritishDateFieldProps) {
  const styles = useStyles();
  const [text, setText] = useState(() => formatDate(value, value));
  const [shownFor, setShownFor] = useState(value);
  const [left, setLeft] = useState(false);

  // The value changed from outside (the form was reset or saved): show it, unless it is what the text already says.
  if (value !== shownFor) {
    setShownFor(value);
    const typed = parseDate(text);
    if (!(typed.ok ? typed.iso === value : text === value)) {
      setText(formatDate(value, value));
      setLeft(false);
    }
  }

  const parsed = text.trim() ? parseDate(text) : null;
  const ownMessage = parsed && !parsed.ok && left ? parsed.message : undefined;

  return (
    <Field
      label={label}
      required={required}
      hint={hint ?? 'dd/mm/yyyy'}
      validationMessage={ownMessage ?? validationMessage}
      validationState={ownMessage || validationMessage ? 'error' : 'none'}
    >
      <Input
        className={styles.input}
        value={text}
        inputMode="numeric"
        autoComplete="off"
        placeholder="dd/mm/yyyy"
        data-testid={testId}
        onChange={(_, d) => {
          setText(d.value);
          const next = d.value.trim() ? parseDate(d.value) : null;
          const out = next === null ? '' : next.ok ? next.iso : d.value;
          setShownFor(out);
          onChange(out);
        }}
        onBlur={() => {
          setLeft(true);
          // Said back in the one way dates are written, so 5/3/2026 reads 05/03/2026.
          if (parsed?.ok) setText(formatDate(parsed.iso));
        }}
      />
    </Field>
  );
}

import { Field, Input, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import { formatDate, formatLocalDateTime, parseDate, parseDateTime } from '../../../shared/dates.ts';

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
  /** A date and a 24-hour time, dd/mm/yyyy HH:mm; the value is then local "yyyy-mm-ddTHH:mm". */
  withTime?: boolean;
  'data-testid'?: string;
}

/**
 * A date typed the British way, whatever the browser's locale: dd/mm/yyyy, also d/m/yyyy and a
 * pasted yyyy-mm-dd. A native date input is not used because it shows and takes mm/dd/yyyy on an
 * en-US browser, so 05/03 would mean two different days on two laptops. A slip is shown once the
 * user leaves the field, in words that say how to write it.
 */
export function BritishDateField({ label, value, onChange, validationMessage, hint, required, withTime = false, 'data-testid': testId }: BritishDateFieldProps) {
  const styles = useStyles();
  const parse = (text: string): { ok: true; value: string } | { ok: false; message: string } => {
    if (!withTime) {
      const r = parseDate(text);
      return r.ok ? { ok: true, value: r.iso } : r;
    }
    const r = parseDateTime(text);
    return r.ok ? { ok: true, value: r.local } : r;
  };
  const show = (v: string) => (withTime ? formatLocalDateTime(v) : formatDate(v, v));
  const [text, setText] = useState(() => show(value));
  const [shownFor, setShownFor] = useState(value);
  const [left, setLeft] = useState(false);

  // The value changed from outside (the form was reset or saved): show it, unless it is what the text already says.
  if (value !== shownFor) {
    setShownFor(value);
    const typed = parse(text);
    if (!(typed.ok ? typed.value === value : text === value)) {
      setText(show(value));
      setLeft(false);
    }
  }

  const parsed = text.trim() ? parse(text) : null;
  const ownMessage = parsed && !parsed.ok && left ? parsed.message : undefined;

  return (
    <Field
      label={label}
      required={required}
      hint={hint ?? (withTime ? 'dd/mm/yyyy HH:mm' : 'dd/mm/yyyy')}
      validationMessage={ownMessage ?? validationMessage}
      validationState={ownMessage || validationMessage ? 'error' : 'none'}
    >
      <Input
        className={styles.input}
        value={text}
                autoComplete="off"
        placeholder={withTime ? 'dd/mm/yyyy HH:mm' : 'dd/mm/yyyy'}
        data-testid={testId}
        onChange={(_, d) => {
          setText(d.value);
          const next = d.value.trim() ? parse(d.value) : null;
          const out = next === null ? '' : next.ok ? next.value : d.value;
          setShownFor(out);
          onChange(out);
        }}
        onBlur={() => {
          setLeft(true);
          // Said back in the one way dates are written, so 5/3/2026 reads 05/03/2026.
          if (parsed?.ok) setText(show(parsed.value));
        }}
      />
    </Field>
  );
}

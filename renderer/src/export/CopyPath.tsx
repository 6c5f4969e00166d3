import { Button, Input, makeStyles, tokens } from '@fluentui/react-components';
import { Copy20Regular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  input: { flex: 1, minWidth: '260px', fontFamily: tokens.fontFamilyMonospace },
  said: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/**
 * A path to hand on (in an e-mail to the inspectors, in File Explorer's address bar): shown in a
 * read-only box so it can be selected by hand, with a Copy button. Where the clipboard is refused
 * (some browsers, some policies) the text is selected and the person is told to press Ctrl+C.
 */
export function CopyPath({ path, label }: { path: string; label: string }) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [said, setSaid] = useState('');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(path);
      setSaid('Copied.');
    } catch {
      input.current?.focus();
      input.current?.select();
      setSaid('Press Ctrl+C to copy it.');
    }
  };

  return (
    <div className={styles.row}>
      <Input ref={input} className={styles.input} value={path} readOnly aria-label={label} data-testid="export-pack-path" />
      <Button icon={<Copy20Regular />} onClick={() => void copy()}>
        Copy the path
      </Button>
      <span className={styles.said} role="status">
        {said}
      </span>
    </div>
  );
}

import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ErrorCircle16Filled, Warning16Filled } from '@fluentui/react-icons';

const useStyles = makeStyles({
  label: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS, fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/** Error or warning as an icon and a word, so it reads without colour. */
export function SeverityLabel({ severity, count }: { severity: 'error' | 'warning'; count?: number }) {
  const styles = useStyles();
  const Icon = severity === 'error' ? ErrorCircle16Filled : Warning16Filled;
  const word = count === undefined ? (severity === 'error' ? 'Error' : 'Warning') : `${count.toLocaleString('en-GB')} ${severity === 'error' ? (count === 1 ? 'error' : 'errors') : count === 1 ? 'warning' : 'warnings'}`;
  return (
    <span className={mergeClasses(styles.label, styles[severity])} data-severity={severity}>
      <Icon aria-hidden />
      {word}
    </span>
  );
}

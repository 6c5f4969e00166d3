import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkCircle16Filled, CheckmarkStarburst16Filled, ErrorCircle16Filled, Warning16Filled } from '@fluentui/react-icons';
import { LEVEL_LABELS, type CoverageLevel } from './coverage-view.ts';

const useStyles = makeStyles({
  label: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap', fontSize: tokens.fontSizeBase200 },
  gap: { color: tokens.colorPaletteRedForeground1 },
  'in-progress': { color: tokens.colorPaletteDarkOrangeForeground1 },
  covered: { color: tokens.colorPaletteGreenForeground1 },
  strong: { color: tokens.colorPaletteGreenForeground1 },
});

const SHORT: Record<CoverageLevel, string> = { gap: 'Gap', 'in-progress': 'Gap', covered: 'Covered', strong: 'Strong' };

/** A criterion's coverage as an icon and a word, so a gap never relies on colour alone. */
export function CoverageLevelLabel({ level }: { level: CoverageLevel }) {
  const styles = useStyles();
  const Icon = level === 'gap' ? ErrorCircle16Filled : level === 'in-progress' ? Warning16Filled : level === 'strong' ? CheckmarkStarburst16Filled : CheckmarkCircle16Filled;
  return (
    <span className={mergeClasses(styles.label, styles[level])} title={LEVEL_LABELS[level]} data-level={level}>
      <Icon aria-hidden />
      {SHORT[level]}
      {level === 'in-progress' && <span>(draft)</span>}
    </span>
  );
}

import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Step } from './session.ts';
import { useVisuallyHidden } from '../shared/visually-hidden.ts';

export const STEPS: { step: Step; label: string }[] = [
  { step: 'add', label: 'Add extracts' },
  { step: 'mapping', label: 'Check mapping' },
  { step: 'findings', label: 'Findings' },
  { step: 'summaries', label: 'Summaries' },
  { step: 'build', label: 'Build workbook' },
];

const useStyles = makeStyles({
  list: { listStyle: 'none', display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, margin: 0, padding: 0 },
  item: { display: 'flex', alignItems: 'center' },
  button: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalS}`,
    border: `1px solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    fontSize: tokens.fontSizeBase300,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
    ':disabled': { color: tokens.colorNeutralForegroundDisabled, cursor: 'not-allowed', backgroundColor: 'transparent' },
  },
  current: { fontWeight: tokens.fontWeightSemibold, border: `1px solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  number: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    width: '22px',
    height: '22px',
    borderRadius: '50%',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    fontSize: tokens.fontSizeBase200,
    fontVariantNumeric: 'tabular-nums',
  },
  numberCurrent: { backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand, border: `1px solid ${tokens.colorBrandBackground}` },
  sep: { color: tokens.colorNeutralForeground3, paddingInline: tokens.spacingHorizontalXXS },
});

export interface StepperProps {
  step: Step;
  /** Steps after the first need an import; until there is one they are off, with the reason said. */
  imported: boolean;
  onStep: (step: Step) => void;
}

/** The five steps as an ordered list of buttons; the one shown is marked for screen readers (aria-current="step"), not by colour alone. */
export function Stepper({ step, imported, onStep }: StepperProps) {
  const styles = useStyles();
  const sr = useVisuallyHidden();
  return (
    <nav aria-label="Annex A steps">
      <ol className={styles.list}>
        {STEPS.map((s, i) => {
          const current = s.step === step;
          const off = !imported && s.step !== 'add';
          return (
            <li key={s.step} className={styles.item}>
              {i > 0 && (
                <span className={styles.sep} aria-hidden>
                  ›
                </span>
              )}
              <button
                type="button"
                className={mergeClasses(styles.button, current && styles.current)}
                aria-current={current ? 'step' : undefined}
                disabled={off}
                title={off ? 'Import the extracts first' : undefined}
                onClick={() => onStep(s.step)}
                data-step={s.step}
              >
                <span className={mergeClasses(styles.number, current && styles.numberCurrent)} aria-hidden>
                  {i + 1}
                </span>
                <span>
                  <span className={sr.hidden}>{`Step ${i + 1}: `}</span>
                  {s.label}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

import { Combobox, Field, Option, OptionGroup, makeStyles, tokens, type PositioningProps } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { criterionLabel, filterCriteria, flattenCriteria, groupByJudgement } from './criteria.ts';
import { useFrameworkView } from './useFrameworks.ts';

const MAX_SHOWN = 200;

/**
 * The list opens under its field, or above it where there is more room, and is made shorter to stay
 * in the window. Fluent's own fallbacks also try beside the field: a long list (a framework has 55
 * criteria) fits nowhere whole, so it ended up as a full-height column at the window's edge.
 */
const POSITIONING: PositioningProps = {
  position: 'below',
  align: 'start',
  fallbackPositions: ['above'],
  matchTargetSize: 'width',
  autoSize: 'height',
  overflowBoundaryPadding: 8,
};

const useStyles = makeStyles({
  option: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  id: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, flexShrink: 0 },
  sub: { paddingLeft: tokens.spacingHorizontalL },
  none: { padding: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground3 },
  // Room for a dozen criteria, never the whole window.
  listbox: { maxHeight: 'min(420px, 60vh)' },
});

export interface CriterionPickerProps {
  frameworkId: string;
  value: string | null;
  onChange: (criterionId: string | null) => void;
  label?: string;
  /** Criteria not to offer (e.g. those the document is already tagged with). */
  exclude?: ReadonlySet<string>;
  validationMessage?: string;
}

/**
 * Choose a criterion of a framework: type any words of its title, its id or its keywords; the
 * options are grouped by judgement (judgement > criterion > sub-criterion).
 */
export function CriterionPicker({ frameworkId, value, onChange, label = 'Criterion', exclude, validationMessage }: CriterionPickerProps) {
  const styles = useStyles();
  const view = useFrameworkView(frameworkId);
  const all = useMemo(() => (view.status === 'ready' ? flattenCriteria(view.value) : []), [view]);
  const chosen = all.find((c) => c.id === value) ?? null;
  const [text, setText] = useState(chosen ? criterionLabel(chosen) : '');
  // Showing the chosen criterion's label is not a search: offer everything again.
  const filter = chosen && text === criterionLabel(chosen) ? '' : text;
  const matches = useMemo(() => filterCriteria(all, filter).filter((c) => !exclude?.has(c.id) || c.id === value), [all, filter, exclude, value]);
  const groups = groupByJudgement(matches.slice(0, MAX_SHOWN));

  return (
    <Field label={label} validationMessage={view.status === 'error' ? view.message : validationMessage} required>
      <Combobox
        placeholder={view.status === 'loading' ? 'Loading the framework…' : 'Type words of a criterion, or its id'}
        value={text}
        selectedOptions={value ? [value] : []}
        onChange={(event) => {
          setText(event.target.value);
          if (value && event.target.value === '') onChange(null);
        }}
        onOptionSelect={(_, data) => {
          onChange(data.optionValue ?? null);
          setText(data.optionText ?? '');
        }}
        disabled={view.status !== 'ready'}
        positioning={POSITIONING}
        listbox={{ className: styles.listbox }}
        data-testid="criterion-picker"
      >
        {groups.map((g) => (
          <OptionGroup key={g.judgementId} label={g.title}>
            {g.criteria.map((c) => (
              <Option key={c.id} value={c.id} text={criterionLabel(c)} className={c.depth > 0 ? styles.sub : undefined}>
                <span className={styles.option}>
                  <span className={styles.id}>{c.id}</span>
                  <span>{c.title}</span>
                </span>
              </Option>
            ))}
          </OptionGroup>
        ))}
        {groups.length === 0 && view.status === 'ready' && <div className={styles.none}>No criterion matches “{text}”.</div>}
      </Combobox>
    </Field>
  );
}

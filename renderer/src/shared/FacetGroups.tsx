import { Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import type { FacetValue } from '../../../shared/facets.ts';
import { formatCount } from './format.ts';

export interface FacetGroup {
  key: string;
  title: string;
  values: FacetValue[];
}

const useStyles = makeStyles({
  rail: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalM },
  group: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  legend: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, marginBottom: tokens.spacingVerticalXS, textTransform: 'uppercase', letterSpacing: '0.04em' },
  label: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, flex: 1 },
  checkbox: { width: '100%' },
  name: { overflowWrap: 'anywhere' },
  count: { color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums' },
});

/**
 * A rail of facets: per group, a box for each value with its count. What a ticked box means is the
 * caller's (search writes it into the query text; the Evidence area keeps it as a filter).
 * Groups without values are left out.
 */
export function FacetGroups({ groups, isChecked, onToggle, label = 'Filters' }: {
  groups: FacetGroup[];
  isChecked: (group: string, value: string) => boolean;
  onToggle: (group: string, value: string) => void;
  label?: string;
}) {
  const styles = useStyles();
  return (
    <nav className={styles.rail} aria-label={label}>
      {groups.map(({ key, title, values }) => {
        if (!values.length) return null;
        return (
          <fieldset key={key} className={styles.group} data-facet={key}>
            <legend className={styles.legend}>{title}</legend>
            {values.map((facet) => (
              <Checkbox
                key={facet.value}
                className={styles.checkbox}
                checked={isChecked(key, facet.value)}
                onChange={() => onToggle(key, facet.value)}
                label={{
                  className: styles.label,
                  children: (
                    <>
                      <span className={styles.name}>{facet.label}</span>
                      <span className={styles.count}>{formatCount(facet.count)}</span>
                    </>
                  ),
                }}
              />
            ))}
          </fieldset>
        );
      })}
    </nav>
  );
}

import { Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import type { FacetValue, SearchFacets } from '../../../shared/contract.ts';
import { formatCount } from '../shared/format.ts';
import { hasFilter, type FilterField } from './query-edit.ts';

const GROUPS: { key: keyof SearchFacets['facets']; field: FilterField; title: string }[] = [
  { key: 'type', field: 'type', title: 'Type' },
  { key: 'folder', field: 'folder', title: 'Folder' },
  { key: 'year', field: 'modified', title: 'Year modified' },
  { key: 'judgement', field: 'judgement', title: 'Judgement' },
  { key: 'status', field: 'status', title: 'Evidence status' },
  { key: 'team', field: 'team', title: 'Team' },
  { key: 'tagged', field: 'tagged', title: 'Tagged' },
];

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
 * Facet counts. A ticked box means the filter is in the query text; ticking writes it there and
 * unticking takes it out (see query-edit.ts), so the query stays the single truth.
 */
export function Facets({ facets, query, onToggle }: { facets: SearchFacets['facets']; query: string; onToggle: (field: FilterField, value: string) => void }) {
  const styles = useStyles();
  return (
    <nav className={styles.rail} aria-label="Filters">
      {GROUPS.map(({ key, field, title }) => {
        const values: FacetValue[] = facets[key];
        if (!values.length) return null;
        return (
          <fieldset key={key} className={styles.group}>
            <legend className={styles.legend}>{title}</legend>
            {values.map((facet) => (
              <Checkbox
                key={facet.value}
                className={styles.checkbox}
                checked={hasFilter(query, field, facet.value)}
                onChange={() => onToggle(field, facet.value)}
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

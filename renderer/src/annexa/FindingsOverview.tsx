import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Fragment } from 'react';
import type { ListGroup } from './findings-groups.ts';
import { SeverityLabel } from './SeverityLabel.tsx';
import { plural } from '../shared/format.ts';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  th: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  listRow: { backgroundColor: tokens.colorNeutralBackground3 },
  listTitle: { textAlign: 'start', padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  td: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, verticalAlign: 'top' },
  rule: {
    border: 'none',
    backgroundColor: 'transparent',
    padding: 0,
    font: 'inherit',
    color: tokens.colorBrandForegroundLink,
    textAlign: 'start',
    cursor: 'pointer',
    fontFamily: tokens.fontFamilyMonospace,
    ':hover': { textDecoration: 'underline' },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  selected: { fontWeight: tokens.fontWeightBold, textDecoration: 'underline' },
  count: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  description: { color: tokens.colorNeutralForeground2 },
});

export interface FindingsOverviewProps {
  groups: ListGroup[];
  selected: { list?: string; rule?: string };
  onPick: (list: string, rule: string) => void;
}

/** Findings counted by list and rule, errors first; a rule's name shows its findings below. */
export function FindingsOverview({ groups, selected, onPick }: FindingsOverviewProps) {
  const styles = useStyles();
  return (
    <table className={styles.table} aria-label="Findings by list and rule" data-testid="annexa-findings-overview">
      <thead>
        <tr>
          <th className={styles.th} scope="col">
            Rule
          </th>
          <th className={styles.th} scope="col">
            Findings
          </th>
          <th className={styles.th} scope="col">
            What it checks
          </th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <Fragment key={g.list}>
            <tr className={styles.listRow}>
              <th scope="rowgroup" colSpan={3} className={styles.listTitle}>
                {g.title}
                {' — '}
                {[g.errors ? plural(g.errors, 'error') : null, g.warnings ? plural(g.warnings, 'warning') : null]
                  .filter(Boolean)
                  .join(', ')}
              </th>
            </tr>
            {g.rules.map((r) => {
              const isSelected = selected.list === g.list && selected.rule === r.rule;
              return (
                <tr key={`${r.rule}-${r.severity}`} data-testid="annexa-rule-group" data-list={g.list} data-rule={r.rule}>
                  <td className={styles.td}>
                    <button
                      type="button"
                      className={mergeClasses(styles.rule, isSelected && styles.selected)}
                      onClick={() => onPick(g.list, r.rule)}
                      aria-pressed={isSelected}
                      aria-label={`Show the ${r.count} ${r.rule} findings of ${g.title}`}
                    >
                      {r.rule}
                    </button>
                  </td>
                  <td className={mergeClasses(styles.td, styles.count)}>
                    <SeverityLabel severity={r.severity} count={r.count} />
                  </td>
                  <td className={mergeClasses(styles.td, styles.description)}>{r.description}</td>
                </tr>
              );
            })}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

import { Dropdown, Option, Switch, makeStyles, mergeClasses, tokens, useId } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { Coverage } from '../../../shared/contract.ts';
import { plural } from '../shared/format.ts';
import type { CellRef } from './CoverageHeatmap.tsx';
import { CoverageLevelLabel } from './CoverageLevelLabel.tsx';
import { CriterionName } from './CriterionName.tsx';
import { COLUMNS, SORT_LABELS, coverageRows, sortAndFilter, type SortKey } from './coverage-view.ts';
import { useCriterionDrop } from './useCriterionDrop.ts';

const useStyles = makeStyles({
  controls: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', marginBottom: tokens.spacingVerticalS },
  sort: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  th: { textAlign: 'start', color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightSemibold, padding: tokens.spacingHorizontalXS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  td: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, verticalAlign: 'top' },
  num: { textAlign: 'center', fontVariantNumeric: 'tabular-nums' },
  link: {
    border: 'none',
    backgroundColor: 'transparent',
    padding: 0,
    margin: 0,
    font: 'inherit',
    color: 'inherit',
    textAlign: 'start',
    cursor: 'pointer',
    display: 'block',
    maxWidth: '100%',
    ':hover': { textDecoration: 'underline' },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  judgement: { color: tokens.colorNeutralForeground3 },
  selected: { backgroundColor: tokens.colorBrandBackground2 },
  over: { outline: `2px dashed ${tokens.colorBrandStroke1}`, outlineOffset: '-2px', backgroundColor: tokens.colorBrandBackground2 },
  count: { color: tokens.colorNeutralForeground3 },
  rowHead: { textAlign: 'start', fontWeight: tokens.fontWeightRegular },
});

export interface CoverageListProps {
  coverage: Coverage;
  judgementNames?: ReadonlyMap<string, string>;
  sort: SortKey;
  onSortChange: (sort: SortKey) => void;
  onlyGaps: boolean;
  onOnlyGapsChange: (only: boolean) => void;
  selected: CellRef | null;
  onSelect: (cell: CellRef) => void;
  onDropDocuments: (criterionId: string, documentIds: number[]) => void;
}

/** Every criterion in one sortable list (by gaps, by approved…), optionally only the gaps. */
export function CoverageList(props: CoverageListProps) {
  const styles = useStyles();
  const sortId = useId('sort');
  const { over, handlers } = useCriterionDrop(props.onDropDocuments);
  const rows = useMemo(() => sortAndFilter(coverageRows(props.coverage), props.sort, props.onlyGaps), [props.coverage, props.sort, props.onlyGaps]);
  return (
    <div data-testid="coverage-list">
      <div className={styles.controls}>
        <div className={styles.sort}>
          <label htmlFor={sortId}>Sort</label>
          <Dropdown
            id={sortId}
            value={SORT_LABELS[props.sort]}
            selectedOptions={[props.sort]}
            onOptionSelect={(_, d) => d.optionValue && props.onSortChange(d.optionValue as SortKey)}
          >
            {(Object.keys(SORT_LABELS) as SortKey[]).map((k) => (
              <Option key={k} value={k}>
                {SORT_LABELS[k]}
              </Option>
            ))}
          </Dropdown>
        </div>
        <Switch checked={props.onlyGaps} onChange={(_, d) => props.onOnlyGapsChange(d.checked)} label="Only gaps" />
        <span className={styles.count} role="status">
          {plural(rows.length, 'criterion', 'criteria')}
        </span>
      </div>
      <table className={styles.table}>
        <thead>
          <tr>
            <th className={styles.th} scope="col">
              Criterion
            </th>
            <th className={styles.th} scope="col">
              Judgement
            </th>
            <th className={styles.th} scope="col">
              Coverage
            </th>
            {COLUMNS.map((c) => (
              <th key={c.key} className={mergeClasses(styles.th, styles.num)} scope="col" title={c.help}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.id}
              className={mergeClasses(props.selected?.criterionId === r.id && styles.selected, over === r.id && styles.over)}
              data-testid="coverage-list-row"
              data-criterion={r.id}
              {...handlers(r.id)}
            >
              <th scope="row" className={mergeClasses(styles.td, styles.rowHead)}>
                <button type="button" className={styles.link} onClick={() => props.onSelect({ criterionId: r.id, column: null })}>
                  <CriterionName id={r.id} title={r.title} />
                </button>
              </th>
              <td className={mergeClasses(styles.td, styles.judgement)} title={r.judgementTitle}>
                {props.judgementNames?.get(r.judgementId) ?? r.judgementTitle}
              </td>
              <td className={styles.td}>
                <CoverageLevelLabel level={r.level} />
              </td>
              {COLUMNS.map((c) => (
                <td key={c.key} className={mergeClasses(styles.td, styles.num)}>
                  {r[c.key]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Fragment, useEffect, useRef } from 'react';
import type { Coverage } from '../../../shared/contract.ts';
import { CoverageLevelLabel } from './CoverageLevelLabel.tsx';
import { CriterionName } from './CriterionName.tsx';
import { COLUMNS, cellIntensity, coverageLevel, gapsText, isGap, type CountColumn } from './coverage-view.ts';
import { useCriterionDrop } from './useCriterionDrop.ts';
import { useVisuallyHidden } from '../shared/visually-hidden.ts';

export interface CellRef {
  criterionId: string;
  /** null: the whole criterion (all its evidence). */
  column: CountColumn | null;
}

const useStyles = makeStyles({
  table: { borderCollapse: 'separate', borderSpacing: '0 2px', width: '100%', fontSize: tokens.fontSizeBase200 },
  th: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground3, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, position: 'sticky', top: 0, backgroundColor: tokens.colorNeutralBackground1, zIndex: 1 },
  // As narrow as their heading (and a 44 px cell), so the criterion names get the room.
  num: { textAlign: 'center', width: '1%', fontSize: tokens.fontSizeBase100, whiteSpace: 'nowrap', paddingLeft: '2px', paddingRight: '2px' },
  judgement: { backgroundColor: tokens.colorNeutralBackground3 },
  judgementTitle: { textAlign: 'start', padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  total: { textAlign: 'center', fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  gaps: { whiteSpace: 'nowrap', padding: `0 ${tokens.spacingHorizontalS}`, fontWeight: tokens.fontWeightSemibold },
  gapsSome: { color: tokens.colorPaletteRedForeground1 },
  row: { borderLeft: '4px solid transparent' },
  name: { textAlign: 'start', fontWeight: tokens.fontWeightRegular, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderLeft: '4px solid transparent' },
  nameGap: { borderLeftColor: tokens.colorPaletteRedBorderActive },
  nameProgress: { borderLeftColor: tokens.colorPaletteDarkOrangeBorderActive },
  nameCovered: { borderLeftColor: tokens.colorPaletteGreenBorder2 },
  sub: { paddingLeft: tokens.spacingHorizontalXXL },
  nameButton: {
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
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px', borderRadius: tokens.borderRadiusSmall },
  },
  level: { padding: `0 ${tokens.spacingHorizontalS}`, whiteSpace: 'nowrap' },
  cell: { padding: '1px' },
  cellButton: {
    backgroundColor: 'transparent',
    padding: 0,
    margin: 0,
    font: 'inherit',
    color: 'inherit',
    boxSizing: 'border-box',
    display: 'block',
    width: '100%',
    minWidth: '44px',
    minHeight: '28px',
    lineHeight: '28px',
    textAlign: 'center',
    borderRadius: tokens.borderRadiusSmall,
    cursor: 'pointer',
    fontVariantNumeric: 'tabular-nums',
    border: `1px solid ${tokens.colorNeutralStroke3}`,
    ':hover': { border: `1px solid ${tokens.colorNeutralStroke1Hover}` },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  empty: { color: tokens.colorNeutralForeground4, backgroundColor: tokens.colorNeutralBackground2 },
  // Shades per column: green for approved and key, blue for draft and supporting, amber for stale.
  good1: { backgroundColor: tokens.colorPaletteGreenBackground2, fontWeight: tokens.fontWeightSemibold },
  good2: { backgroundColor: tokens.colorPaletteGreenBorderActive, color: tokens.colorNeutralForegroundStaticInverted, fontWeight: tokens.fontWeightSemibold },
  good3: { backgroundColor: tokens.colorPaletteGreenForeground1, color: tokens.colorNeutralForegroundStaticInverted, fontWeight: tokens.fontWeightBold },
  mid1: { backgroundColor: tokens.colorPaletteBlueBackground2, fontWeight: tokens.fontWeightSemibold },
  mid2: { backgroundColor: tokens.colorPaletteBlueBorderActive, color: tokens.colorNeutralForegroundStaticInverted, fontWeight: tokens.fontWeightSemibold },
  mid3: { backgroundColor: tokens.colorPaletteBlueForeground2, color: tokens.colorNeutralForegroundStaticInverted, fontWeight: tokens.fontWeightBold },
  warn1: { backgroundColor: tokens.colorPaletteMarigoldBackground2, fontWeight: tokens.fontWeightSemibold },
  warn2: { backgroundColor: tokens.colorPaletteMarigoldBackground3, fontWeight: tokens.fontWeightSemibold },
  warn3: { backgroundColor: tokens.colorPaletteMarigoldBorderActive, fontWeight: tokens.fontWeightBold },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  focusRow: { backgroundColor: tokens.colorBrandBackground2 },
  over: { backgroundColor: tokens.colorBrandBackground2, outline: `2px dashed ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
});

const PALETTE: Record<CountColumn, 'good' | 'mid' | 'warn'> = { approved: 'good', key: 'good', draft: 'mid', supporting: 'mid', stale: 'warn' };

const COLUMN_WORDS: Record<CountColumn, [string, string]> = {
  approved: ['approved item', 'approved items'],
  draft: ['draft item', 'draft items'],
  stale: ['item past review', 'items past review'],
  key: ['key item', 'key items'],
  supporting: ['supporting item', 'supporting items'],
};

export interface CoverageHeatmapProps {
  coverage: Coverage;
  /** Short names for judgement rows ("Children in care"), where the framework has them. */
  judgementNames?: ReadonlyMap<string, string>;
  selected: CellRef | null;
  onSelect: (cell: CellRef) => void;
  onDropDocuments: (criterionId: string, documentIds: number[]) => void;
}

/**
 * One row per criterion under its judgement, counts coloured by how much evidence there is.
 * Gaps show an icon and the word "Gap" (never colour alone). Click a cell for the evidence behind
 * it; drop documents on a row to tag them to that criterion.
 */
export function CoverageHeatmap({ coverage, judgementNames, selected, onSelect, onDropDocuments }: CoverageHeatmapProps) {
  const styles = useStyles();
  const hidden = useVisuallyHidden();
  const { over, handlers } = useCriterionDrop(onDropDocuments);
  const selectedRow = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    // In braces: newer browsers return a Promise from scrollIntoView, which React would take for a cleanup.
    selectedRow.current?.scrollIntoView({ block: 'nearest' });
  }, [selected?.criterionId]);

  return (
    <table className={styles.table} data-testid="coverage-heatmap" aria-label={`Coverage of ${coverage.frameworkId}`}>
      <thead>
        <tr>
          <th className={styles.th} scope="col">
            Criterion
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
        {coverage.judgements.map((j) => (
          <Fragment key={j.id}>
            <tr className={styles.judgement} data-testid="coverage-judgement" data-judgement={j.id} id={`coverage-${j.id}`}>
              <th className={styles.judgementTitle} scope="rowgroup" title={j.title}>
                {judgementNames?.get(j.id) ?? j.title}
              </th>
              <td className={mergeClasses(styles.gaps, j.gaps > 0 && styles.gapsSome)} data-testid="judgement-gaps">
                {gapsText(j.gaps)}
              </td>
              {COLUMNS.map((c) => (
                <td key={c.key} className={styles.total} aria-label={`${j[c.key]} ${c.label.toLowerCase()} in total`}>
                  {j[c.key]}
                </td>
              ))}
            </tr>
            {j.criteria.map((c) => {
              const level = coverageLevel(c);
              const rowSelected = selected?.criterionId === c.id;
              return (
                <tr
                  key={c.id}
                  ref={rowSelected ? selectedRow : undefined}
                  className={mergeClasses(styles.row, rowSelected && styles.focusRow, over === c.id && styles.over)}
                  data-testid="coverage-row"
                  data-criterion={c.id}
                  data-level={level}
                  {...handlers(c.id)}
                >
                  <th
                    scope="row"
                    className={mergeClasses(
                      styles.name,
                      c.depth > 0 && styles.sub,
                      level === 'gap' ? styles.nameGap : level === 'in-progress' ? styles.nameProgress : styles.nameCovered,
                    )}
                  >
                    {/* The name read out starts with the words on the button (WCAG 2.5.3, label in name). */}
                    <button type="button" className={styles.nameButton} onClick={() => onSelect({ criterionId: c.id, column: null })}>
                      <CriterionName id={c.id} title={c.title} />
                      <span className={hidden.hidden}>: show all its evidence</span>
                    </button>
                  </th>
                  <td className={styles.level}>
                    <CoverageLevelLabel level={level} />
                  </td>
                  {COLUMNS.map((col) => {
                    const n = c[col.key];
                    const intensity = cellIntensity(n);
                    const shade = intensity === 0 ? styles.empty : styles[`${PALETTE[col.key]}${intensity}` as const];
                    const isSelected = rowSelected && selected?.column === col.key;
                    return (
                      <td key={col.key} className={styles.cell}>
                        <button
                          type="button"
                          className={mergeClasses(styles.cellButton, shade, isSelected && styles.selected)}
                          onClick={() => onSelect({ criterionId: c.id, column: col.key })}
                          aria-label={`${n} ${COLUMN_WORDS[col.key][n === 1 ? 0 : 1]} for ${c.id}${isGap(level) && col.key === 'approved' ? ' (gap)' : ''}`}
                          aria-pressed={isSelected}
                          data-column={col.key}
                        >
                          {n}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

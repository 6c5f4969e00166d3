import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { SummaryTable } from '../../../shared/annexa/summaries.ts';
import { useElementWidth } from '../shared/useElementWidth.ts';
import { layoutBars } from './bar-chart-layout.ts';
import { useVisuallyHidden } from '../shared/visually-hidden.ts';
import { plural } from '../shared/format.ts';

/** Series fills from the theme (they follow dark mode); the legend and the table say which is which. */
const FILLS = [tokens.colorBrandBackground, tokens.colorPaletteMarigoldBorderActive, tokens.colorPaletteTealBorderActive, tokens.colorPaletteBerryBorderActive];

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  caption: { fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, margin: 0 },
  svg: { display: 'block', overflow: 'visible' },
  text: { fill: tokens.colorNeutralForeground1, fontSize: '12px', fontFamily: tokens.fontFamilyBase },
  muted: { fill: tokens.colorNeutralForeground3, fontSize: '11px', fontFamily: tokens.fontFamilyBase },
  axis: { stroke: tokens.colorNeutralStroke2 },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, width: '100%' },
  th: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, padding: `2px ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  rowTh: { textAlign: 'start', fontWeight: tokens.fontWeightRegular, padding: `2px ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  num: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', padding: `2px ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  empty: { color: tokens.colorNeutralForeground2, margin: 0 },
  toggle: { alignSelf: 'flex-start' },
});

/**
 * A summary table drawn as horizontal bars, with the numbers printed at the bars' ends. The SVG is
 * hidden from screen readers, which get the same numbers as a real table (always in the page;
 * "Show the numbers" shows it on screen too, for anyone who prefers reading a table).
 */
export function BarChart({ table }: { table: SummaryTable }) {
  const styles = useStyles();
  const sr = useVisuallyHidden();
  const [ref, width] = useElementWidth(20);
  const [showTable, setShowTable] = useState(false);
  const captionId = useId();
  const layout = width > 0 ? layoutBars(table, width) : null;
  const empty = table.rows.every((r) => r.values.every((v) => v === 0));

  return (
    <figure className={styles.figure} aria-labelledby={captionId} data-testid="annexa-chart" data-table={table.id}>
      <figcaption id={captionId} className={styles.caption}>
        {table.label}
      </figcaption>
      {table.note && <p className={styles.note}>{table.note}</p>}
      {empty ? (
        <p className={styles.empty}>{`No ${table.counted} to show.`}</p>
      ) : (
        <div ref={ref}>
          {layout && (
            <svg className={styles.svg} width={layout.width} height={layout.height} aria-hidden="true" focusable="false">
              {layout.legend.map((name, s) => (
                <g key={name} transform={`translate(${layout.plotX + s * 110}, 4)`}>
                  <rect width="12" height="12" fill={FILLS[s % FILLS.length]} rx="2" />
                  <text x="16" y="10" className={styles.text}>
                    {name}
                  </text>
                </g>
              ))}
              {layout.rows.map((row, i) => (
                <g key={i}>
                  <text x={layout.labelWidth - 8} y={row.y + (row.bars.length * row.bars[0].height) / 2 + 5} textAnchor="end" className={styles.text}>
                    <title>{row.label}</title>
                    {row.shown}
                  </text>
                  {row.bars.map((bar) => (
                    <g key={bar.series}>
                      <rect x={bar.x} y={bar.y} width={Math.max(bar.width, bar.value > 0 ? 1 : 0)} height={bar.height} fill={FILLS[bar.series % FILLS.length]} rx="2">
                        <title>{bar.title}</title>
                      </rect>
                      <text x={bar.x + bar.width + 4} y={bar.y + bar.height / 2 + 4} className={styles.muted}>
                        {bar.text}
                      </text>
                    </g>
                  ))}
                </g>
              ))}
              <line x1={layout.plotX} x2={layout.plotX} y1={layout.top} y2={layout.height - 16} className={styles.axis} />
              {layout.ticks.map((t) => (
                <text key={t} x={layout.plotX + (t / layout.max) * layout.plotWidth} y={layout.height - 2} textAnchor="middle" className={styles.muted}>
                  {t.toLocaleString('en-GB')}
                </text>
              ))}
            </svg>
          )}
        </div>
      )}
      {layout && layout.left > 0 && <p className={styles.note}>{`${plural(layout.left, 'category', 'categories')} with none not drawn; the table lists them all.`}</p>}
      {!empty && (
        <>
          <table className={mergeClasses(styles.table, !showTable && sr.hidden)}>
            <caption className={sr.hidden}>{`${table.label}: ${table.counted}`}</caption>
            <thead>
              <tr>
                <th scope="col" className={styles.th}>
                  {table.rowHeading}
                </th>
                {table.series.map((s) => (
                  <th key={s} scope="col" className={mergeClasses(styles.th, styles.num)}>
                    {s}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r, i) => (
                <tr key={i}>
                  <th scope="row" className={styles.rowTh}>
                    {r.label}
                  </th>
                  {r.values.map((v, i) => (
                    <td key={table.series[i]} className={styles.num}>
                      {v.toLocaleString('en-GB')}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <Button size="small" appearance="transparent" className={styles.toggle} onClick={() => setShowTable((s) => !s)} aria-expanded={showTable}>
            {showTable ? 'Hide the numbers' : 'Show the numbers as a table'}
          </Button>
        </>
      )}
    </figure>
  );
}

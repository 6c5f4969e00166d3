import { Select, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ErrorCircle16Filled, Edit16Regular, Warning16Filled } from '@fluentui/react-icons';
import type { AnnexaListReport } from '../../../shared/annexa/api.ts';
import { checkTable, type MappingChoices } from './mapping-choices.ts';
import { columnHelp } from './names.ts';
import { plural } from '../shared/format.ts';

const NO_COLUMN = '';

const useStyles = makeStyles({
  card: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusLarge, padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  meta: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200, tableLayout: 'fixed' },
  th: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  td: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, verticalAlign: 'middle', overflowWrap: 'anywhere' },
  template: { fontWeight: tokens.fontWeightRegular, textAlign: 'start' },
  required: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100, marginLeft: tokens.spacingHorizontalXS, fontWeight: tokens.fontWeightRegular },
  missing: { backgroundColor: tokens.colorPaletteRedBackground1, borderLeft: `4px solid ${tokens.colorPaletteRedBorderActive}` },
  conflict: { backgroundColor: tokens.colorPaletteMarigoldBackground1, borderLeft: `4px solid ${tokens.colorPaletteMarigoldBorderActive}` },
  plain: { borderLeft: '4px solid transparent' },
  samples: { color: tokens.colorNeutralForeground2, fontFamily: tokens.fontFamilyMonospace },
  state: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS, fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  bad: { color: tokens.colorPaletteRedForeground1 },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
  changed: { color: tokens.colorBrandForeground1 },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, color: tokens.colorNeutralForeground2 },
  dropped: { margin: 0 },
});

export interface ListMappingProps {
  specId: string;
  table: AnnexaListReport;
  choices: MappingChoices;
  onChoose: (column: string, header: string | null) => void;
  /** The list's title: "List 1: Contacts". */
  title: string;
}

/**
 * One recognised table: each template column with the extract's header feeding it (a dropdown of
 * the table's headers to fix it), sample values, and what is wrong in words and an icon (never
 * colour alone): a required column with no header, a header chosen twice.
 */
/** A few values the extract holds under the chosen header (the first of that name). */
function samplesOf(table: AnnexaListReport, header: string | null): string {
  if (header === null) return '';
  return table.headerSamples[table.headers.indexOf(header)]?.join(', ') ?? '';
}

export function ListMapping({ specId, table, choices, onChoose, title }: ListMappingProps) {
  const styles = useStyles();
  const check = checkTable(table, choices);
  const twice = new Set(check.usedTwice.flatMap((u) => u.columns));
  const headingId = `annexa-mapping-${table.list}-${table.source}`.replace(/[^A-Za-z0-9_-]/gu, '-');
  const current = (column: string) => {
    const forTable = choices[table.source];
    return forTable && Object.hasOwn(forTable, column) ? forTable[column] : (table.columns.find((c) => c.column === column)?.from ?? null);
  };

  return (
    <section className={styles.card} aria-labelledby={headingId} data-testid="annexa-list-mapping" data-list={table.list}>
      <h4 id={headingId} className={styles.heading}>
        {title}
      </h4>
      <p className={styles.meta}>
        {`From ${table.source} · ${plural(table.rows, 'row')} · headers matched ${Math.round(table.confidence * 100)}%`}
        {check.missingRequired.length > 0 && ` · ${check.missingRequired.length} required ${check.missingRequired.length === 1 ? 'column has' : 'columns have'} no source`}
      </p>
      {table.rows === 0 && <p className={styles.meta}>The table has the list’s headers but no rows: an empty template, or an extract that found nobody.</p>}
      {table.notes.length > 0 && (
        <ul className={styles.notes} aria-label={`Notes on ${title}`}>
          {table.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <table className={styles.table}>
        <colgroup>
          <col style={{ width: '30%' }} />
          <col style={{ width: '30%' }} />
          <col style={{ width: '24%' }} />
          <col style={{ width: '16%' }} />
        </colgroup>
        <thead>
          <tr>
            <th className={styles.th} scope="col">
              Annex A column
            </th>
            <th className={styles.th} scope="col">
              From your extract
            </th>
            <th className={styles.th} scope="col">
              Sample values
            </th>
            <th className={styles.th} scope="col">
              Check
            </th>
          </tr>
        </thead>
        <tbody>
          {table.columns.map((c) => {
            const from = current(c.column);
            const missing = c.required && from === null;
            const conflict = twice.has(c.column);
            const changed = from !== c.from;
            return (
              <tr key={c.column} className={missing ? styles.missing : conflict ? styles.conflict : styles.plain} data-column={c.column} data-missing={missing || undefined}>
                <th scope="row" className={mergeClasses(styles.td, styles.template)} title={columnHelp(specId, table.list, c.column)}>
                  {c.header}
                  {c.required && <span className={styles.required}>(required)</span>}
                </th>
                <td className={styles.td}>
                  <Select
                    size="small"
                    value={from ?? NO_COLUMN}
                    onChange={(_, d) => onChoose(c.column, d.value === NO_COLUMN ? null : d.value)}
                    aria-label={`Source column for ${c.header} (${title})`}
                  >
                    <option value={NO_COLUMN}>No column</option>
                    {table.headers.map((h, i) => (
                      // Headers may repeat in an extract; the first of a name is the one a mapping can name.
                      <option key={`${h}-${i}`} value={h}>
                        {h}
                      </option>
                    ))}
                  </Select>
                </td>
                <td className={mergeClasses(styles.td, styles.samples)}>{samplesOf(table, from) || '—'}</td>
                <td className={styles.td}>
                  {missing ? (
                    <span className={mergeClasses(styles.state, styles.bad)}>
                      <ErrorCircle16Filled aria-hidden />
                      Missing
                    </span>
                  ) : conflict ? (
                    <span className={mergeClasses(styles.state, styles.warn)}>
                      <Warning16Filled aria-hidden />
                      Used twice
                    </span>
                  ) : changed ? (
                    <span className={mergeClasses(styles.state, styles.changed)}>
                      <Edit16Regular aria-hidden />
                      Changed
                    </span>
                  ) : (
                    ''
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className={styles.dropped} data-testid="annexa-dropped">
        {check.dropped.length ? (
          <>
            <strong>Not used</strong> (left out of the lists): {check.dropped.join(', ')}
          </>
        ) : (
          'Every column of the extract is used.'
        )}
      </p>
    </section>
  );
}

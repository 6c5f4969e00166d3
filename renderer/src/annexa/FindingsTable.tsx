import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { AnnexaFinding } from '../../../shared/annexa/api.ts';
import { SeverityLabel } from './SeverityLabel.tsx';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200, tableLayout: 'fixed' },
  th: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  td: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, verticalAlign: 'top', overflowWrap: 'anywhere' },
  open: { backgroundColor: tokens.colorBrandBackground2 },
  where: {
    border: 'none',
    backgroundColor: 'transparent',
    padding: 0,
    font: 'inherit',
    color: tokens.colorBrandForegroundLink,
    textAlign: 'start',
    cursor: 'pointer',
    ':hover': { textDecoration: 'underline' },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  muted: { color: tokens.colorNeutralForeground3 },
  rule: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3, display: 'block', marginTop: tokens.spacingVerticalXXS },
});

export interface FindingsTableProps {
  findings: readonly AnnexaFinding[];
  /** The finding whose row is open in the side panel. */
  open: AnnexaFinding | null;
  onOpen: (finding: AnnexaFinding) => void;
  listTitle: (list: string) => string;
  columnHeader: (list: string, column: string | null) => string;
}

/** One page of findings; the place of each (file and row, as Excel numbers it) opens the row. */
export function FindingsTable({ findings, open, onOpen, listTitle, columnHeader }: FindingsTableProps) {
  const styles = useStyles();
  return (
    <table className={styles.table} aria-label="Findings" data-testid="annexa-findings">
      <colgroup>
        <col style={{ width: '15%' }} />
        <col style={{ width: '22%' }} />
        <col style={{ width: '18%' }} />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th className={styles.th} scope="col">
            Severity
          </th>
          <th className={styles.th} scope="col">
            Where
          </th>
          <th className={styles.th} scope="col">
            Column
          </th>
          <th className={styles.th} scope="col">
            Finding
          </th>
        </tr>
      </thead>
      <tbody>
        {findings.map((f, i) => (
          <tr key={`${f.source}:${f.row}:${f.column}:${f.rule}:${i}`} className={mergeClasses(open === f && styles.open)} data-testid="annexa-finding" data-rule={f.rule}>
            <td className={styles.td}>
              <SeverityLabel severity={f.severity} />
            </td>
            <td className={styles.td}>
              {f.source !== null && f.row !== null ? (
                <button type="button" className={styles.where} onClick={() => onOpen(f)} aria-label={`Show ${f.source}, row ${f.row}`}>
                  {`${f.source}, row ${f.row}`}
                </button>
              ) : (
                <span className={styles.muted}>{listTitle(f.list)}</span>
              )}
            </td>
            <td className={styles.td}>{columnHeader(f.list, f.column)}</td>
            <td className={styles.td}>
              {f.message}
              <span className={styles.rule}>{f.rule}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

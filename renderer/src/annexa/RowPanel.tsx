import { Button, DrawerBody, DrawerHeader, DrawerHeaderTitle, MessageBar, MessageBarBody, OverlayDrawer, Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowLeft16Filled, Dismiss24Regular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import type { AnnexaFinding } from '../../../shared/annexa/api.ts';
import type { Output } from '../../../shared/contract.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { formatIsoDate } from './dates.ts';
import { SeverityLabel } from './SeverityLabel.tsx';

type Row = Output<'annexa.row'>;
type RowChange = Output<'annexa.changes'>['changes'][number];

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, paddingBottom: tokens.spacingVerticalXL },
  sub: { margin: 0, color: tokens.colorNeutralForeground2 },
  findings: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  finding: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  th: { textAlign: 'start', fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, width: '50%', verticalAlign: 'top' },
  td: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, overflowWrap: 'anywhere', verticalAlign: 'top' },
  hit: { backgroundColor: tokens.colorPaletteYellowBackground2, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  marker: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS, marginLeft: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase100, whiteSpace: 'nowrap' },
  blank: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

/** A cell as the template holds it: dates (YYYY-MM-DD from the API) day first, blanks said. */
function shown(value: string | number | null): string | null {
  if (value === null || value === '') return null;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/u.test(value)) return formatIsoDate(value);
  return String(value);
}

export interface RowPanelProps {
  finding: AnnexaFinding | null;
  /** The findings on the page about the same row, shown until all of the row's have been fetched. */
  onRow: readonly AnnexaFinding[];
  listTitle: (list: string) => string;
  onClose: () => void;
}

/**
 * The row a finding is about, as imported (normalised to the template's values), with the
 * template's headers; the finding's column is marked with a word and an arrow as well as colour,
 * and scrolled into view.
 */
export function RowPanel({ finding, onRow, listTitle, onClose }: RowPanelProps) {
  const styles = useStyles();
  const api = useApi();
  const [row, setRow] = useState<Row | null>(null);
  const [rowFindings, setRowFindings] = useState<readonly AnnexaFinding[] | null>(null);
  const [changes, setChanges] = useState<readonly RowChange[]>([]);
  const [error, setError] = useState<string | null>(null);
  const hit = useRef<HTMLTableRowElement>(null);
  const source = finding?.source ?? null;
  const rowNumber = finding?.row ?? null;

  useEffect(() => {
    setRow(null);
    setRowFindings(null);
    setChanges([]);
    setError(null);
    if (source === null || rowNumber === null) return;
    let live = true;
    // The row, every finding about it (not only this page's), and what normalisation changed in it.
    Promise.all([
      api.call('annexa.row', { source, row: rowNumber }),
      api.call('annexa.findings', { source, row: rowNumber, limit: 1000 }),
      api.call('annexa.changes', { source, row: rowNumber, limit: 1000 }),
    ]).then(
      ([r, f, c]) => {
        if (!live) return;
        setRow(r);
        setRowFindings(f.findings);
        setChanges(c.changes);
      },
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [api, source, rowNumber]);

  useEffect(() => {
    // In braces: newer browsers return a Promise from scrollIntoView, which React would take for a cleanup.
    hit.current?.scrollIntoView({ block: 'center' });
  }, [row]);

  const findings = rowFindings ?? onRow;
  const columns = new Set(findings.map((f) => f.column).filter((c): c is string => c !== null));
  const headerOf = (column: string) => row?.cells.find((c) => c.column === column)?.header.trim() ?? column;
  return (
    <OverlayDrawer position="end" size="medium" open={finding !== null} onOpenChange={(_, d) => !d.open && onClose()} data-testid="annexa-row-panel">
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label="Close" icon={<Dismiss24Regular />} onClick={onClose} />}>
          {finding ? `${finding.source}, row ${finding.row}` : ''}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody className={styles.body}>
        {finding && <p className={styles.sub}>{listTitle(finding.list)}, as imported: values in the template’s form.</p>}
        <section aria-label="Findings on this row">
          <ul className={styles.findings}>
            {findings.map((f, i) => (
              <li key={`${f.rule}-${f.column}-${i}`} className={styles.finding}>
                <SeverityLabel severity={f.severity} />
                <span>{f.message}</span>
              </li>
            ))}
          </ul>
        </section>
        {error ? (
          <MessageBar intent="error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        ) : !row ? (
          <Spinner size="small" label="Loading the row…" />
        ) : (
          <section aria-labelledby="annexa-row-cells">
            <h3 id="annexa-row-cells" className={styles.heading}>
              The row
            </h3>
            <table className={styles.table} data-testid="annexa-row-cells">
              <tbody>
                {row.cells.map((cell) => {
                  const isHit = columns.has(cell.column);
                  const value = shown(cell.value);
                  return (
                    <tr key={cell.column} ref={isHit && cell.column === finding?.column ? hit : undefined} className={mergeClasses(isHit && styles.hit)} data-column={cell.column} data-hit={isHit || undefined}>
                      <th scope="row" className={mergeClasses(styles.th, isHit && styles.hit)}>
                        {cell.header}
                      </th>
                      <td className={styles.td}>
                        {value ?? <span className={styles.blank}>blank</span>}
                        {isHit && (
                          <span className={styles.marker}>
                            <ArrowLeft16Filled aria-hidden />
                            finding
                          </span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        )}
        {changes.length > 0 && (
          <section aria-labelledby="annexa-row-changes">
            <h3 id="annexa-row-changes" className={styles.heading}>
              Changed on import
            </h3>
            <ul className={styles.findings} data-testid="annexa-row-changes">
              {changes.map((c, i) => (
                <li key={`${c.column}-${i}`} className={styles.finding}>
                  <span>
                    {headerOf(c.column)}: “{c.from}” → “{c.to}”
                  </span>
                  <span className={styles.sub}>{c.why}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </DrawerBody>
    </OverlayDrawer>
  );
}

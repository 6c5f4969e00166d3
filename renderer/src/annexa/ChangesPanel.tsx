import { Button, DrawerBody, DrawerHeader, DrawerHeaderTitle, Field, MessageBar, MessageBarBody, OverlayDrawer, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { Dismiss24Regular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { AnnexaChange, AnnexaImportReport } from '../../../shared/annexa/api.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { pageLabel } from './findings-groups.ts';

const PAGE = 100;

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, paddingBottom: tokens.spacingVerticalXL },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200, tableLayout: 'fixed' },
  th: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  td: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, verticalAlign: 'top', overflowWrap: 'anywhere' },
  value: { fontFamily: tokens.fontFamilyMonospace },
  why: { display: 'block', color: tokens.colorNeutralForeground3, marginTop: tokens.spacingVerticalXXS },
  pager: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export interface ChangesPanelProps {
  open: boolean;
  report: AnnexaImportReport;
  listTitle: (list: string) => string;
  columnHeader: (list: string, column: string | null) => string;
  onClose: () => void;
}

/** Every value normalisation changed (M → a) Male, 1/2/24 → 01/02/2024), with why: nothing is changed silently. */
export function ChangesPanel({ open, report, listTitle, columnHeader, onClose }: ChangesPanelProps) {
  const styles = useStyles();
  const api = useApi();
  const [list, setList] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ total: number; changes: AnnexaChange[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    let live = true;
    setError(null);
    api.call('annexa.changes', { list: list || undefined, offset, limit: PAGE }).then(
      (p) => live && setPage(p),
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [api, open, list, offset]);

  const lists = [...new Set(report.lists.map((l) => l.list))];
  return (
    <OverlayDrawer position="end" size="medium" open={open} onOpenChange={(_, d) => !d.open && onClose()} data-testid="annexa-changes-panel">
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label="Close" icon={<Dismiss24Regular />} onClick={onClose} />}>
          {`Changes made: ${report.changes.toLocaleString('en-GB')}`}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody className={styles.body}>
        <p className={styles.intro}>
          Values written the way your system writes them, changed to the template’s form. Check a few of each kind: if one is wrong, correct
          the extract and import again.
        </p>
        <Field label="List">
          <Select
            value={list}
            onChange={(_, d) => {
              setList(d.value);
              setOffset(0);
            }}
          >
            <option value="">All lists</option>
            {lists.map((l) => (
              <option key={l} value={l}>
                {listTitle(l)}
              </option>
            ))}
          </Select>
        </Field>
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        {!page ? (
          !error && <Spinner size="small" label="Loading the changes…" />
        ) : page.total === 0 ? (
          <p>No value needed changing{list ? ' in this list' : ''}: the extract already used the template’s forms.</p>
        ) : (
          <>
            <table className={styles.table} aria-label="Changes made" data-testid="annexa-changes">
              <colgroup>
                <col style={{ width: '26%' }} />
                <col style={{ width: '22%' }} />
                <col />
              </colgroup>
              <thead>
                <tr>
                  <th className={styles.th} scope="col">
                    Where
                  </th>
                  <th className={styles.th} scope="col">
                    Column
                  </th>
                  <th className={styles.th} scope="col">
                    Change
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.changes.map((c, i) => (
                  <tr key={`${c.source}:${c.row}:${c.column}:${i}`}>
                    <td className={styles.td}>{`${c.source}, row ${c.row}`}</td>
                    <td className={styles.td}>{columnHeader(c.list, c.column)}</td>
                    <td className={styles.td}>
                      <span className={styles.value}>{c.from === '' ? '(blank)' : c.from}</span>
                      {' → '}
                      <span className={styles.value}>{c.to}</span>
                      <span className={styles.why}>{c.why}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className={styles.pager}>
              <Button size="small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                Previous
              </Button>
              <Button size="small" disabled={offset + page.changes.length >= page.total} onClick={() => setOffset(offset + PAGE)}>
                Next
              </Button>
              <span role="status">{pageLabel(offset, page.changes.length, page.total, 'Changes')}</span>
            </div>
          </>
        )}
      </DrawerBody>
    </OverlayDrawer>
  );
}

/**
 * Settings › Audit log: who exported, imported or deleted what, and when, newest first; a page at a
 * time, one kind of action if asked, and the whole log as CSV. Read-only: the app has no way to
 * change an entry.
 */
import { Button, Field, MessageBar, MessageBarBody, Select, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownload20Regular, History20Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState } from 'react';
import { AUDIT_ACTIONS, auditTime, auditWhat, type AuditAction, type AuditEntry } from '../../../shared/audit.ts';
import { fileNameStamp } from '../../../shared/dates.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { downloadBlob } from '../frameworks/download.ts';

const PAGE = 50;

const useStyles = makeStyles({
  tools: { display: 'flex', alignItems: 'flex-end', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  table: { tableLayout: 'fixed', width: '100%' },
  time: { width: '128px' },
  who: { width: '96px' },
  what: { width: '150px' },
  cell: { overflowWrap: 'anywhere', verticalAlign: 'top', paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  failed: { color: tokens.colorPaletteRedForeground1 },
  note: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  icon: { verticalAlign: 'text-bottom', marginRight: tokens.spacingHorizontalS },
});

export function exportFileName(now: Date): string {
  return `Evidence Store audit log ${fileNameStamp(now)}.csv`;
}

/** `version` changes when something this view does (a deletion) adds an entry: the list loads again. */
export function AuditLogSection({ headingClass, sectionClass, version }: { headingClass: string; sectionClass: string; version: number }) {
  const styles = useStyles();
  const api = useApi();
  const [action, setAction] = useState<AuditAction | ''>('');
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [exported, setExported] = useState<string | null>(null);

  const load = useCallback(
    (offset: number) =>
      api.call('audit.list', { offset, limit: PAGE, ...(action ? { action } : {}) }).then((page) => {
        setTotal(page.total);
        setEntries((before) => (offset === 0 ? page.entries : [...(before ?? []), ...page.entries]));
      }),
    [api, action],
  );

  useEffect(() => {
    setError(null);
    load(0).catch((e) => setError(errorMessage(e)));
  }, [load, version]);

  const more = async () => {
    setLoadingMore(true);
    try {
      await load(entries?.length ?? 0);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoadingMore(false);
    }
  };

  const exportCsv = async () => {
    setError(null);
    setExported(null);
    try {
      const { csv, entries: count } = await api.call('audit.export', action ? { action } : {});
      const name = exportFileName(new Date());
      downloadBlob(csv, name, 'text/csv;charset=utf-8');
      setExported(`${name} was downloaded (${count} ${count === 1 ? 'entry' : 'entries'}). Find it in your Downloads folder.`);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section className={sectionClass} aria-labelledby="settings-audit" data-testid="settings-audit">
      <h2 className={headingClass} id="settings-audit">
        <History20Regular aria-hidden className={styles.icon} />
        Audit log
      </h2>
      <p className={styles.note}>
        Every export, Annex A import and deletion, and every folder removed, with who did it and when, from the desktop app, browser mode and the command
        line alike. Entries cannot be changed or deleted.
      </p>
      <div className={styles.tools}>
        <Field label="Show">
          <Select value={action} onChange={(_, data) => setAction(data.value as AuditAction | '')} data-testid="audit-filter">
            <option value="">Everything</option>
            {(Object.keys(AUDIT_ACTIONS) as AuditAction[]).map((a) => (
              <option key={a} value={a}>
                {AUDIT_ACTIONS[a]}
              </option>
            ))}
          </Select>
        </Field>
        <Button icon={<ArrowDownload20Regular />} onClick={() => void exportCsv()} disabled={!entries?.length} data-testid="audit-export">
          Export CSV
        </Button>
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error} Try again; if it keeps failing, restart Evidence Store.</MessageBarBody>
        </MessageBar>
      )}
      <span role="status" aria-live="polite" className={styles.note}>
        {exported}
      </span>
      {entries === null ? (
        !error && <Spinner size="tiny" label="Loading the audit log…" />
      ) : entries.length === 0 ? (
        <p className={styles.note} data-testid="audit-empty">
          {action
            ? `Nothing of this kind (“${AUDIT_ACTIONS[action]}”) has been recorded.`
            : 'Nothing has been recorded yet. When someone exports a pack, a request’s answer, the request log, the self-evaluation or an Annex A workbook, imports or deletes Annex A data, or removes a folder, it appears here.'}
        </p>
      ) : (
        <>
          <Table size="small" className={styles.table} aria-label="Audit log, newest first" data-testid="audit-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.time}>Time</TableHeaderCell>
                <TableHeaderCell className={styles.who}>Who</TableHeaderCell>
                <TableHeaderCell className={styles.what}>What</TableHeaderCell>
                <TableHeaderCell>Detail</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {entries.map((e) => (
                <TableRow key={e.id} data-testid="audit-row">
                  <TableCell className={styles.cell}>
                    <time dateTime={e.at}>{auditTime(e.at)}</time>
                  </TableCell>
                  <TableCell className={styles.cell}>{e.user}</TableCell>
                  <TableCell className={`${styles.cell} ${e.outcome === 'done' ? '' : styles.failed}`}>{auditWhat(e)}</TableCell>
                  <TableCell className={styles.cell}>{e.detail}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {entries.length < total && (
            <Button onClick={() => void more()} disabled={loadingMore} data-testid="audit-more">
              {loadingMore ? 'Loading…' : `Show more (${total - entries.length} older)`}
            </Button>
          )}
        </>
      )}
    </section>
  );
}

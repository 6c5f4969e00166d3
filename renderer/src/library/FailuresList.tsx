import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Checkbox,
  Tooltip,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwise20Regular, ArrowRepeatAll20Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState } from 'react';
import type { Failure } from '../../../shared/contract.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { baseName, formatCount } from '../shared/format.ts';

type Status = Failure['status'];

const STATUS_LABELS: Record<Status, string> = { failed: 'Could not be read', unsupported: 'Not supported', warning: 'No text (scans)' };

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  filters: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  file: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  path: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  detail: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  cell: { paddingBlock: tokens.spacingVerticalS, verticalAlign: 'top' },
  empty: { color: tokens.colorNeutralForeground3 },
  show: { color: tokens.colorNeutralForeground3 },
});

/** Files the indexer could not read, or read without finding text, with what to do about each. */
export function FailuresList({ refreshKey }: { refreshKey: number }) {
  const styles = useStyles();
  const api = useApi();
  const [failures, setFailures] = useState<Failure[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<ReadonlySet<Status>>(new Set<Status>(['failed', 'unsupported', 'warning']));

  const load = useCallback(() => {
    api.call('failures.list', {}).then(
      (list) => {
        setFailures(list);
        setError(null);
      },
      (e) => setError(errorMessage(e)),
    );
  }, [api]);
  useEffect(load, [load, refreshKey]);

  const [retrying, setRetrying] = useState(false);
  const retry = () => {
    setRetrying(true);
    api
      .call('failures.retry', {})
      .then(
        () => undefined,
        (e) => setError(errorMessage(e)),
      )
      .finally(() => setRetrying(false));
  };

  const toggle = (status: Status) =>
    setShown((current) => {
      const next = new Set(current);
      if (next.has(status)) next.delete(status);
      else next.add(status);
      return next;
    });

  if (error) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!failures) return <Spinner size="small" label="Loading…" />;
  const counts = (status: Status) => failures.filter((f) => f.status === status).length;
  const visible = failures.filter((f) => shown.has(f.status));

  return (
    <section className={styles.wrap} aria-label="Files that need attention" data-testid="failures-list">
      <div className={styles.filters} role="group" aria-label="Show">
        <span className={styles.show}>Show:</span>
        {(Object.keys(STATUS_LABELS) as Status[]).map((status) => (
          <Checkbox key={status} checked={shown.has(status)} onChange={() => toggle(status)} label={`${STATUS_LABELS[status]} (${formatCount(counts(status))})`} />
        ))}
        <Button size="small" appearance="subtle" icon={<ArrowClockwise20Regular />} onClick={load}>
          Refresh
        </Button>
        {counts('failed') > 0 && (
          <Tooltip content="Read every file that could not be read again (e.g. after closing it in another program)" relationship="description">
            <Button size="small" icon={<ArrowRepeatAll20Regular />} onClick={retry} disabled={retrying}>
              {retrying ? 'Retrying…' : 'Retry failed files'}
            </Button>
          </Tooltip>
        )}
      </div>
      {visible.length === 0 ? (
        <p className={styles.empty}>{failures.length === 0 ? 'Every file found so far was read. Nothing needs attention.' : 'No files of the kinds selected.'}</p>
      ) : (
        <Table size="small" aria-label="Files that need attention">
          <TableHeader>
            <TableRow>
              <TableHeaderCell style={{ width: '32%' }}>File</TableHeaderCell>
              <TableHeaderCell style={{ width: '16%' }}>Status</TableHeaderCell>
              <TableHeaderCell>Reason</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {visible.map((f) => (
              <TableRow key={f.path}>
                <TableCell className={styles.cell}>
                  <div className={styles.file}>{baseName(f.path)}</div>
                  <div className={styles.path}>{f.path}</div>
                </TableCell>
                <TableCell className={styles.cell}>{STATUS_LABELS[f.status]}</TableCell>
                <TableCell className={styles.cell}>
                  <div>{f.message}</div>
                  {f.detail && !sameWords(f.detail, f.message) && <div className={styles.detail}>{f.detail}</div>}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

/** The technical detail often repeats the plain message; show it only when it adds something. */
function sameWords(a: string, b: string): boolean {
  const words = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return words(b).includes(words(a));
}

import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Checkbox,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tooltip,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwise20Regular, ArrowRepeatAll16Regular, ArrowRepeatAll20Regular, FolderOpen16Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Failure } from '../../../shared/contract.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { baseName, formatCount } from '../shared/format.ts';
import { groupFailures, sameWords, type FailureGroup } from './failure-groups.ts';
import { COUNT_LABELS } from '../../../shared/counts.ts';

type Status = Failure['status'];

const STATUS_LABELS: Record<Status, string> = { failed: COUNT_LABELS.failed, unsupported: COUNT_LABELS.unsupported, warning: COUNT_LABELS.noText };

/** Files listed per group before "Show all": a share with thousands of locked files must not freeze the page. */
const GROUP_PAGE = 100;

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  filters: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  show: { color: tokens.colorNeutralForeground3 },
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  group: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, marginBottom: tokens.spacingVerticalS, backgroundColor: tokens.colorNeutralBackground1 },
  header: { fontWeight: tokens.fontWeightSemibold },
  count: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalM },
  message: { margin: 0, color: tokens.colorNeutralForeground2 },
  files: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: { paddingBlock: tokens.spacingVerticalS, borderTop: `1px solid ${tokens.colorNeutralStroke3}` },
  file: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  path: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  detail: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-start', flexWrap: 'wrap' },
  names: { flex: 1, minWidth: '220px' },
  fileActions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexShrink: 0 },
  problem: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  empty: { color: tokens.colorNeutralForeground3 },
  more: { alignSelf: 'flex-start' },
});

const groupKey = (group: FailureGroup) => `${group.status}:${group.reason}`;

/** Files the indexer could not read, or read without finding text, grouped by why, with what to do about each. */
export function FailuresList({ refreshKey }: { refreshKey: number }) {
  const styles = useStyles();
  const api = useApi();
  const [failures, setFailures] = useState<Failure[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<ReadonlySet<Status>>(new Set<Status>(['failed', 'unsupported', 'warning']));
  // Groups are open unless the user closed them (new groups appear open).
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());

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
  // The list's refreshKey when a retry was started: its note shows until the scan ends (a new key).
  const [retriedAt, setRetriedAt] = useState<number | null>(null);
  const retry = () => {
    const startedAt = refreshKey;
    setRetrying(true);
    setRetriedAt(null);
    api
      .call('failures.retry', {})
      .then(
        () => setRetriedAt(startedAt),
        (e) => setError(errorMessage(e)),
      )
      .finally(() => setRetrying(false));
  };
  const retried = retriedAt !== null && retriedAt === refreshKey;
  // One file read again ("Retry" on its row): said until the scan ends.
  const [fileRetried, setFileRetried] = useState<{ name: string; at: number } | null>(null);
  const oneRetried = fileRetried !== null && fileRetried.at === refreshKey ? fileRetried.name : null;

  const groups = useMemo(() => groupFailures((failures ?? []).filter((f) => shown.has(f.status))), [failures, shown]);

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

  return (
    <section className={styles.wrap} aria-label={COUNT_LABELS.needsAttention} data-testid="failures-list">
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
        <span role="status" className={styles.note}>
          {retried
            ? 'Reading them again: progress is in the status bar, and this list updates when it ends.'
            : oneRetried && `Reading “${oneRetried}” again: this list updates when it is done.`}
        </span>
      </div>
      {groups.length === 0 ? (
        <p className={styles.empty}>{failures.length === 0 ? 'Every file found so far was read. Nothing needs attention.' : 'No files of the kinds selected.'}</p>
      ) : (
        <Accordion
          multiple
          collapsible
          openItems={groups.map(groupKey).filter((key) => !closed.has(key))}
          onToggle={(_, data) =>
            setClosed((current) => {
              const next = new Set(current);
              const key = String(data.value);
              if (next.has(key)) next.delete(key);
              else next.add(key);
              return next;
            })
          }
        >
          {groups.map((group) => {
            const key = groupKey(group);
            const all = expanded.has(key);
            const files = all ? group.failures : group.failures.slice(0, GROUP_PAGE);
            return (
              <AccordionItem key={key} value={key} className={styles.group} data-testid="failure-group">
                <AccordionHeader expandIconPosition="start">
                  <span className={styles.header}>
                    {group.label}{' '}
                    <span className={styles.count}>({formatCount(group.failures.length)})</span>
                  </span>
                </AccordionHeader>
                <AccordionPanel className={styles.panel}>
                  <p className={styles.message} data-testid="failure-sentence">
                    {group.sentence}
                  </p>
                  {group.commonDetail && <p className={styles.detail}>Details: {group.commonDetail}</p>}
                  <ul className={styles.files} aria-label={`${group.label}: files`}>
                    {files.map((f) => (
                      <FailureItem
                        key={f.path}
                        failure={f}
                        retryable={group.retryable}
                        detail={group.commonDetail === null && f.detail && !sameWords(f.detail, f.message) ? f.detail : null}
                        refreshKey={refreshKey}
                        onRetried={(name, at) => setFileRetried({ name, at })}
                      />
                    ))}
                  </ul>
                  {!all && group.failures.length > GROUP_PAGE && (
                    <Button className={styles.more} size="small" onClick={() => setExpanded((e) => new Set(e).add(key))}>
                      Show all {formatCount(group.failures.length)}
                    </Button>
                  )}
                </AccordionPanel>
              </AccordionItem>
            );
          })}
        </Accordion>
      )}
    </section>
  );
}

/** One file of a group: its name and where it is, with "Show in folder" and, when reading again may help, "Retry". */
function FailureItem({
  failure,
  retryable,
  detail,
  refreshKey,
  onRetried,
}: {
  failure: Failure;
  retryable: boolean;
  detail: string | null;
  refreshKey: number;
  /** Said in the list's one status line (one live region for the list, not one per file). */
  onRetried: (name: string, startedAt: number) => void;
}) {
  const styles = useStyles();
  const api = useApi();
  const name = baseName(failure.path);
  // The list's refreshKey when this file's retry was asked for: its note shows until the scan ends.
  const [retriedAt, setRetriedAt] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const retry = () => {
    const startedAt = refreshKey;
    setProblem(null);
    api.call('failures.retry', { paths: [failure.path] }).then(
      () => {
        setRetriedAt(startedAt);
        onRetried(name, startedAt);
      },
      (e) => setProblem(errorMessage(e)),
    );
  };
  const reveal = () => {
    setProblem(null);
    // The core shows it only if it is a file of the library (failures.reveal); the shell opens the folder.
    api.call('failures.reveal', { path: failure.path }).catch((e) => setProblem(`${errorMessage(e)} The file is at ${failure.path}`));
  };
  const retrying = retriedAt !== null && retriedAt === refreshKey;

  return (
    <li className={styles.item} data-testid="failure-file">
      <div className={styles.row}>
        <div className={styles.names}>
          <div className={styles.file}>{name}</div>
          <div className={styles.path}>{failure.path}</div>
          {detail && <div className={styles.detail}>{detail}</div>}
        </div>
        <div className={styles.fileActions}>
          <Tooltip content="Open the folder that holds this file, with the file selected" relationship="description">
            <Button size="small" icon={<FolderOpen16Regular />} onClick={reveal} aria-label={`Show in folder: ${name}`}>
              Show in folder
            </Button>
          </Tooltip>
          {retryable && (
            <Button size="small" icon={<ArrowRepeatAll16Regular />} onClick={retry} disabled={retrying} aria-label={`Retry ${name}`}>
              {retrying ? 'Reading again…' : 'Retry'}
            </Button>
          )}
        </div>
      </div>
      {problem && (
        <div role="alert" className={styles.problem}>
          {problem}
        </div>
      )}
    </li>
  );
}

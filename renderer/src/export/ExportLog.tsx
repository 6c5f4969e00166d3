import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircle16Filled, DismissCircle16Regular, ErrorCircle16Regular } from '@fluentui/react-icons';
import { useId } from 'react';
import { formatTimestamp } from '../annexa/dates.ts';
import { useFrameworks } from '../frameworks/useFrameworks.ts';
import { formatCount, formatSize } from '../shared/format.ts';
import { useExportSession } from './export-session.ts';
import { OUTCOME_WORDS, newestFirst, scopeWords } from './log-text.ts';
import { useSectionStyles } from './section-styles.ts';
import { usePackLog } from './usePackLog.ts';

const useStyles = makeStyles({
  tab: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  // The table keeps its columns readable; on a narrow window it scrolls sideways rather than crushing them.
  // inline-size containment: however wide the table wants to be, it never widens the window's layout (it scrolls here instead).
  scroll: { overflowX: 'auto', contain: 'inline-size' },
  // Fluent's tables share the width out evenly; here the columns take what their content needs, so
  // the path and the scope get the room at 1024 px and the numbers stay on one line.
  table: { tableLayout: 'auto', minWidth: '640px' },
  number: { textAlign: 'end', whiteSpace: 'nowrap' },
  outcome: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS, minWidth: '7em' },
  good: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0, marginTop: '2px' },
  bad: { color: tokens.colorPaletteRedForeground1, flexShrink: 0, marginTop: '2px' },
  neutral: { color: tokens.colorNeutralForeground2, flexShrink: 0, marginTop: '2px' },
  message: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  path: { overflowWrap: 'anywhere', minWidth: '8em' },
  scope: { minWidth: '9em' },
  cell: { paddingBlock: tokens.spacingVerticalXS, verticalAlign: 'top' },
});

/** Every export made from this index, newest first: which pack on the shared drive is the latest, who made it, and what it held. */
export function ExportLog() {
  const styles = useStyles();
  const section = useSectionStyles();
  const { runsEnded } = useExportSession();
  const log = usePackLog(runsEnded);
  const { list: frameworks } = useFrameworks();
  const headingId = useId();

  let body;
  if (log.error) {
    body = (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{`The export log could not be loaded. ${log.error}`}</MessageBarBody>
        <MessageBarActions>
          <Button onClick={log.reload}>Try again</Button>
        </MessageBarActions>
      </MessageBar>
    );
  } else if (!log.entries) {
    body = <Spinner size="small" label="Loading the export log…" />;
  } else if (log.entries.length === 0) {
    body = (
      <p className={section.p} data-testid="export-log-empty">
        No pack has been exported from this index yet. Each export will be listed here — when, by whom, where it went, what it held and how it
        ended — so you can tell which pack on the shared drive is the latest.
      </p>
    );
  } else {
    body = (
      <div className={styles.scroll}>
        <Table size="small" className={styles.table} aria-labelledby={headingId} data-testid="export-log-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>When</TableHeaderCell>
              <TableHeaderCell>Who</TableHeaderCell>
              <TableHeaderCell>Destination</TableHeaderCell>
              <TableHeaderCell>Scope</TableHeaderCell>
              <TableHeaderCell className={styles.number}>Evidence</TableHeaderCell>
              <TableHeaderCell className={styles.number}>Files</TableHeaderCell>
              <TableHeaderCell className={styles.number}>Size</TableHeaderCell>
              <TableHeaderCell>Outcome</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {newestFirst(log.entries).map((e) => (
              <TableRow key={e.id} data-outcome={e.outcome}>
                <TableCell className={styles.cell}>{formatTimestamp(e.at)}</TableCell>
                <TableCell className={styles.cell}>{e.user}</TableCell>
                {/* The whole path, wrapped: it is what people copy into File Explorer, so no part of it is hidden. */}
                <TableCell className={mergeClasses(styles.cell, styles.path)}>{e.destination}</TableCell>
                <TableCell className={mergeClasses(styles.cell, styles.scope)}>{scopeWords(e, frameworks)}</TableCell>
                <TableCell className={mergeClasses(styles.cell, styles.number)}>{formatCount(e.evidence)}</TableCell>
                <TableCell className={mergeClasses(styles.cell, styles.number)}>{formatCount(e.files)}</TableCell>
                <TableCell className={mergeClasses(styles.cell, styles.number)}>{formatSize(e.bytes)}</TableCell>
                <TableCell className={styles.cell}>
                  <span className={styles.outcome}>
                    {e.outcome === 'done' ? (
                      <CheckmarkCircle16Filled className={styles.good} aria-hidden />
                    ) : e.outcome === 'failed' ? (
                      <ErrorCircle16Regular className={styles.bad} aria-hidden />
                    ) : (
                      <DismissCircle16Regular className={styles.neutral} aria-hidden />
                    )}
                    <span>
                      {OUTCOME_WORDS[e.outcome]}
                      {e.outcome !== 'done' && e.message && <span className={styles.message}>{e.message}</span>}
                    </span>
                  </span>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    );
  }

  return (
    <section className={mergeClasses(section.card, styles.tab)} aria-labelledby={headingId} data-testid="export-log">
      <h3 id={headingId} className={section.heading}>
        Export log
      </h3>
      {body}
    </section>
  );
}

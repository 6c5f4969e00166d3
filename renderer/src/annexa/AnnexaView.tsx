import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { AnnexaImportReport } from '../../../shared/annexa/api.ts';
import { pathOfDroppedFile } from '../api/client.ts';
import { AddExtractsStep } from './AddExtractsStep.tsx';
import { BuildStep } from './BuildStep.tsx';
import { formatIsoDate, formatTimestamp } from './dates.ts';
import { addExtracts, extractsFromFiles } from './extracts.ts';
import { FindingsStep } from './FindingsStep.tsx';
import { MappingStep } from './MappingStep.tsx';
import { NothingImported } from './NothingImported.tsx';
import { forgetSession, getSession, updateSession, useAnnexaSession, type Step } from './session.ts';
import { Stepper } from './Stepper.tsx';
import { SummariesStep } from './SummariesStep.tsx';
import { useAnnexaStatus } from './useAnnexaStatus.ts';
import { useExtractDrop } from './useExtractDrop.ts';
import { useImporter } from './useImporter.ts';
import { DropOverlay } from '../shared/DropOverlay.tsx';
import { plural } from '../shared/format.ts';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0, position: 'relative' },
  head: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  titleLine: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  sub: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  notice: { marginBottom: tokens.spacingVerticalL },
  body: { flex: 1, minHeight: 0, overflowY: 'auto', padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}` },
});

/**
 * The Annex A area: from case-management extracts to Ofsted's workbook in five steps (add the
 * extracts, check the column mapping, findings, summaries, build). Each step is its own component;
 * this one holds the stored import's report and moves between them.
 */
export function AnnexaView() {
  const styles = useStyles();
  const status = useAnnexaStatus();
  const session = useAnnexaSession();
  const importer = useImporter();
  const [deleted, setDeleted] = useState(false);
  const body = useRef<HTMLDivElement>(null);
  const report = status.report;
  const imported = report !== null && report !== undefined;
  const step: Step = session.step ?? (imported ? 'findings' : 'add');
  // A layout effect, not a passive one: it runs in the same commit that paints the step, so a drop
  // arriving straight after the step appears never sees the step before it.
  const shown = useRef(step);
  useLayoutEffect(() => {
    shown.current = step;
  }, [step]);

  const go = useCallback((next: Step) => {
    updateSession({ step: next });
    if (body.current) body.current.scrollTop = 0;
  }, []);

  // Files dropped on the window while this area is open are extracts: add them, and show step 1 (staying where the person is if it is already shown).
  const onFiles = useCallback(
    (files: File[]) => {
      updateSession({ pending: addExtracts(getSession().pending, extractsFromFiles(files, pathOfDroppedFile)) });
      if (shown.current !== 'add') go('add');
    },
    [go],
  );
  const dragging = useExtractDrop(onFiles);

  // After a step change, put keyboard and screen-reader users at the new step's heading.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    body.current?.querySelector<HTMLElement>('h3')?.focus();
  }, [step]);

  const onImported = (next: AnnexaImportReport) => {
    setDeleted(false);
    status.setReport(next);
  };

  let content;
  if (status.error) {
    content = (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{status.error}</MessageBarBody>
        <MessageBarActions>
          <Button onClick={status.reload}>Try again</Button>
        </MessageBarActions>
      </MessageBar>
    );
  } else if (report === undefined) {
    content = <Spinner label="Loading Annex A…" />;
  } else if (step === 'add') {
    content = (
      <AddExtractsStep
        report={report}
        specs={status.specs}
        pending={session.pending}
        dragging={dragging}
        onFiles={onFiles}
        importer={importer}
        onImported={(next, extracts, system) => {
          updateSession({ last: { extracts, system } });
          onImported(next);
          go('mapping');
        }}
      />
    );
  } else if (!report) {
    const what = {
      mapping: 'This step shows each list found in your extracts, with the column of your extract that fills each column of the template.',
      findings: 'This step lists what the checks found in the lists: blanks, codes not in the template, dates in the wrong order, children missing from a list.',
      summaries: 'This step shows the figures and charts a manager reads at a glance: counts, ages, timeliness, visits.',
      build: 'This step builds Ofsted’s Annex A workbook, and a pseudonymised copy for wider sharing.',
    }[step];
    content = <NothingImported what={what} onStart={() => go('add')} />;
  } else if (step === 'mapping') {
    content = <MappingStep report={report} last={session.last} importer={importer} onImported={onImported} onGoToAdd={() => go('add')} />;
  } else if (step === 'findings') {
    content = <FindingsStep report={report} />;
  } else if (step === 'summaries') {
    content = <SummariesStep importedAt={report.importedAt} />;
  } else {
    content = (
      <BuildStep
        report={report}
        onDeleted={() => {
          forgetSession();
          status.setReport(null);
          setDeleted(true);
        }}
      />
    );
  }

  return (
    <div className={styles.view} data-testid="annexa-view">
      <div className={styles.head}>
        <div className={styles.titleLine}>
          <h2 className={styles.title}>Annex A</h2>
          <span className={styles.sub} data-testid="annexa-current">
            {report
              ? `${plural(report.rows, 'row')} in ${plural(report.lists.length, 'list')} · inspection ${formatIsoDate(report.inspectionDate)} · imported ${formatTimestamp(report.importedAt)} · ${report.specId}`
              : report === null
                ? 'Ofsted’s child-level data lists, built from your case-management extracts and checked before they go out.'
                : ''}
          </span>
        </div>
        <Stepper step={step} imported={imported} onStep={go} />
      </div>
      <div className={styles.body} ref={body}>
        {deleted && (
          <MessageBar intent="success" role="status" className={styles.notice}>
            <MessageBarBody>All child-level data was deleted from this computer. Saved column mappings were kept.</MessageBarBody>
          </MessageBar>
        )}
        {content}
      </div>
      {dragging && (
        <DropOverlay over="area">Drop CSV or Excel extracts to add them to Annex A</DropOverlay>
      )}
    </div>
  );
}

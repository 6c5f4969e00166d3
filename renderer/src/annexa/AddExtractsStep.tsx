import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowImport20Regular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { AnnexaImportReport, AnnexaSpecSummary } from '../../../shared/annexa/api.ts';
import { useApi } from '../api/ApiContext.tsx';
import { ConfirmDialog } from '../shared/ConfirmDialog.tsx';
import { formatIsoDate, formatTimestamp, parseBritishDate } from './dates.ts';
import { ExtractPicker } from './ExtractPicker.tsx';
import { addExtracts, extractFromPath, type Extract } from './extracts.ts';
import { ImportOptions, type SavedMapping } from './ImportOptions.tsx';
import { ImportProblems } from './ImportProblems.tsx';
import { ImportProgress } from './ImportProgress.tsx';
import { recall, remember } from './remember.ts';
import { updateSession } from './session.ts';
import type { Importer } from './useImporter.ts';
import { plural } from '../shared/format.ts';

const useStyles = makeStyles({
  step: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '900px' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  sub: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

export interface AddExtractsStepProps {
  report: AnnexaImportReport | null;
  specs: readonly AnnexaSpecSummary[];
  pending: readonly Extract[];
  dragging: boolean;
  onFiles: (files: File[]) => void;
  importer: Importer;
  onImported: (report: AnnexaImportReport, extracts: Extract[], system: string | null) => void;
}

/** Step 1: the extracts, the inspection date, the Annex A version and a saved mapping; then the import, with progress. */
export function AddExtractsStep({ report, specs, pending, dragging, onFiles, importer, onImported }: AddExtractsStepProps) {
  const styles = useStyles();
  const api = useApi();
  const [dateText, setDateText] = useState(() => {
    const last = recall('inspectionDate');
    return last ? formatIsoDate(last) : '';
  });
  const [specId, setSpecId] = useState(() => recall('specId') ?? '');
  const [system, setSystem] = useState(() => recall('system') ?? '');
  const [mappings, setMappings] = useState<SavedMapping[]>([]);
  const [tried, setTried] = useState(false);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    let live = true;
    api.call('annexa.mappings', {}).then(
      (list) => {
        if (!live) return;
        setMappings(list.map((m) => ({ system: m.system, savedAt: m.savedAt })));
        // A remembered system whose mapping was since removed is not offered.
        setSystem((s) => (s && !list.some((m) => m.system === s) ? '' : s));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);

  // The default version until the person picks another (or the remembered one is no longer built in).
  const chosenSpec = specs.some((s) => s.id === specId) ? specId : (specs.find((s) => s.isDefault)?.id ?? specs[0]?.id ?? '');
  const date = parseBritishDate(dateText);
  const setPending = (next: Extract[]) => updateSession({ pending: next });

  const start = () => {
    setTried(true);
    if (!date.ok || !pending.length) return;
    if (report) setConfirming(true);
    else void go();
  };

  const go = async () => {
    setConfirming(false);
    if (!date.ok) return;
    remember('inspectionDate', date.iso);
    remember('specId', chosenSpec);
    remember('system', system || null);
    const extracts = [...pending];
    const result = await importer.run(extracts, { inspectionDate: date.iso, specId: chosenSpec || undefined, system: system || undefined });
    if (result) onImported(result, extracts, system || null);
  };

  return (
    <section className={styles.step} aria-labelledby="annexa-step-add">
      <h3 id="annexa-step-add" className={styles.heading} tabIndex={-1}>
        1. Add the extracts
      </h3>
      <p className={styles.intro}>
        The child-level reports from your case-management system, as they come: system column names, bare codes and any common date form are
        fine. Every value the app changes to the template’s form is listed for you to check; nothing is changed silently.
      </p>
      <ExtractPicker
        extracts={pending}
        dragging={dragging}
        transport={api.transport}
        onFiles={onFiles}
        onPath={(path) => setPending(addExtracts(pending, [extractFromPath(path)]))}
        onRemove={(id) => setPending(pending.filter((e) => e.id !== id))}
      />
      <ImportOptions
        dateText={dateText}
        onDateText={setDateText}
        specs={specs}
        specId={chosenSpec}
        onSpecId={setSpecId}
        mappings={mappings}
        system={system}
        onSystem={setSystem}
        showDateError={tried}
      />
      <div className={styles.actions}>
        <Button appearance="primary" icon={<ArrowImport20Regular />} onClick={start} disabled={importer.running} data-testid="annexa-import">
          {importer.running ? 'Importing…' : 'Import'}
        </Button>
        {tried && !pending.length && <span role="alert">Add at least one extract first.</span>}
      </div>
      <ImportProgress words={importer.words} />
      {importer.error && (
        <MessageBar intent="error" layout="multiline" data-testid="annexa-import-error">
          <MessageBarBody>
            <MessageBarTitle>The import did not finish</MessageBarTitle>
            {importer.error}
            {report ? ' The lists imported before are kept as they were.' : ''}
          </MessageBarBody>
        </MessageBar>
      )}
      {report && !importer.running && (
        <section aria-labelledby="annexa-last-import">
          <h4 id="annexa-last-import" className={styles.sub}>
            The current import
          </h4>
          <p className={styles.intro}>
            {`${plural(report.rows, 'row')} in ${plural(report.lists.length, 'list')}, imported ${formatTimestamp(report.importedAt)} for an inspection on ${formatIsoDate(report.inspectionDate)}.`}
          </p>
          <ImportProblems report={report} showMissing={false} />
        </section>
      )}
      <ConfirmDialog
        open={confirming}
        title={report ? `Replace the lists imported on ${formatTimestamp(report.importedAt)}?` : 'Replace the lists?'}
        confirm="Replace them"
        onConfirm={() => void go()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          {report
            ? `Importing these files replaces the ${plural(report.rows, 'row')} of the current import, with their findings and changes.`
            : ''}
        </p>
        <p>If none of the new files is an Annex A list, the current lists are kept as they are.</p>
      </ConfirmDialog>
    </section>
  );
}

import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowCounterclockwise20Regular, ArrowSync20Regular, Save20Regular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { AnnexaImportReport } from '../../../shared/annexa/api.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { formatIsoDate } from './dates.ts';
import { ImportProblems } from './ImportProblems.tsx';
import { ImportProgress } from './ImportProgress.tsx';
import { ListMapping } from './ListMapping.tsx';
import { choicesFromReport, choose, hasChanges, hasConflicts, mappingFileFromChoices, mappingText, type MappingChoices } from './mapping-choices.ts';
import { listTitle } from './names.ts';
import { SaveMappingDialog } from './SaveMappingDialog.tsx';
import type { LastImport } from './session.ts';
import type { Importer } from './useImporter.ts';
import { plural } from '../shared/format.ts';

const useStyles = makeStyles({
  step: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1000px' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  actions: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
    position: 'sticky',
    // Down over the scrolling area's bottom padding, so no row shows through beneath the bar.
    bottom: `calc(-1 * ${tokens.spacingVerticalL})`,
    padding: `${tokens.spacingVerticalM} 0 calc(${tokens.spacingVerticalM} + ${tokens.spacingVerticalL})`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  why: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, flexBasis: '100%' },
});

/** The system name a mapping made on screen carries when it is only used to import again (not saved). */
const ON_SCREEN = 'Checked on screen';

export interface MappingStepProps {
  report: AnnexaImportReport;
  last: LastImport | null;
  importer: Importer;
  onImported: (report: AnnexaImportReport) => void;
  onGoToAdd: () => void;
}

/**
 * Step 2: each recognised list with the extract's header for every template column. A wrong or
 * missing column is fixed with its dropdown; "Import again" re-reads the same files with a mapping
 * file made from the choices, and "Save this mapping" keeps it for the source system.
 */
export function MappingStep({ report, last, importer, onImported, onGoToAdd }: MappingStepProps) {
  const styles = useStyles();
  const api = useApi();
  const [choices, setChoices] = useState<MappingChoices>(() => choicesFromReport(report));
  const [saving, setSaving] = useState<'closed' | 'open' | 'busy'>('closed');
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [reimported, setReimported] = useState<string | null>(null);
  // A new import (this one, or one from step 1) starts the choices again from its report.
  useEffect(() => setChoices(choicesFromReport(report)), [report]);

  const changed = hasChanges(report, choices);
  const conflicts = hasConflicts(report, choices);
  const canReimport = changed && !conflicts && last !== null && last.extracts.length > 0 && !importer.running;
  const why = conflicts
    ? 'A column of your extract is chosen for two Annex A columns: choose it for one only.'
    : !changed
      ? 'Change a column above, then import again to apply it.'
      : !last?.extracts.length
        ? 'The files of this import are no longer held (the app was closed or reloaded since). Save this mapping, then add the files again in step 1 and choose it there.'
        : null;

  const reimport = async () => {
    if (!last) return;
    const mapping = mappingText(mappingFileFromChoices(last.system ?? ON_SCREEN, report.lists, choices));
    const result = await importer.run(last.extracts, { inspectionDate: report.inspectionDate, specId: report.specId, mapping });
    if (!result) return;
    setReimported(
      `Imported again with your columns: ${plural(result.errors, 'error')} and ${plural(result.warnings, 'warning')} found. See them in step 3.`,
    );
    onImported(result);
  };

  const save = async (system: string) => {
    setSaving('busy');
    setSaveError(null);
    try {
      await api.call('annexa.saveMapping', { system, json: mappingText(mappingFileFromChoices(system, report.lists, choices)) });
      setSaving('closed');
      setSaved(system);
    } catch (e) {
      setSaveError(errorMessage(e));
      setSaving('open');
    }
  };

  return (
    <section className={styles.step} aria-labelledby="annexa-step-mapping">
      <h3 id="annexa-step-mapping" className={styles.heading} tabIndex={-1}>
        2. Check the column mapping
      </h3>
      <p className={styles.intro}>
        {`${report.lists.length} ${report.lists.length === 1 ? 'list was' : 'lists were'} found for the inspection on ${formatIsoDate(report.inspectionDate)}. `}
        For each column of the Annex A template, check that the column of your extract feeding it is right: the sample values show what it
        holds. Where one is wrong or missing, choose the right one, then import again.
      </p>
      <ImportProblems report={report} />
      {[...report.lists].sort((a, b) => a.number - b.number).map((table) => (
        <ListMapping
          key={table.source}
          specId={report.specId}
          table={table}
          title={listTitle(report.specId, table.list)}
          choices={choices}
          onChoose={(column, header) => {
            setSaved(null);
            setReimported(null);
            setChoices((c) => choose(c, table.source, column, header));
          }}
        />
      ))}
      {importer.error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The import did not finish</MessageBarTitle>
            {importer.error} The lists imported before are kept as they were.
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" icon={<ArrowSync20Regular />} disabled={!canReimport} onClick={() => void reimport()} data-testid="annexa-reimport">
          {importer.running ? 'Importing…' : 'Import again with these columns'}
        </Button>
        <Button icon={<Save20Regular />} onClick={() => setSaving('open')} disabled={conflicts}>
          Save this mapping as…
        </Button>
        <Button appearance="subtle" icon={<ArrowCounterclockwise20Regular />} disabled={!changed} onClick={() => setChoices(choicesFromReport(report))}>
          Undo my changes
        </Button>
        {why && !importer.running && !saved && !reimported && <span className={styles.why}>{why}</span>}
        {why && !last?.extracts.length && changed && (
          <Button appearance="transparent" onClick={onGoToAdd}>
            Go to step 1
          </Button>
        )}
        {/* Always in the page, so what it says is announced. */}
        <span role="status" className={styles.why}>
          {saved ? `Saved as “${saved}”. Choose it in step 1 next time.` : (reimported ?? '')}
        </span>
        <ImportProgress words={importer.words} />
      </div>
      <SaveMappingDialog
        open={saving !== 'closed'}
        busy={saving === 'busy'}
        error={saveError}
        initialSystem={last?.system ?? ''}
        onSave={(system) => void save(system)}
        onCancel={() => {
          setSaving('closed');
          setSaveError(null);
        }}
      />
    </section>
  );
}

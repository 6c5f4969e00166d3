import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowDownload20Regular, Delete20Regular, ShieldLock20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { AnnexaImportReport } from '../../../shared/annexa/api.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { downloadBlob } from '../frameworks/download.ts';
import { ConfirmDialog } from '../shared/ConfirmDialog.tsx';
import { formatIsoDate, formatTimestamp } from './dates.ts';
import { plural } from '../shared/format.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const useStyles = makeStyles({
  step: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '900px' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  card: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusLarge, padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  danger: { border: `1px solid ${tokens.colorPaletteRedBorder2}` },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  p: { margin: 0 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

type Building = 'plain' | 'pseudonymised' | null;

export interface BuildStepProps {
  report: AnnexaImportReport;
  onDeleted: () => void;
}

/** Step 5: the workbook for the inspectors, the pseudonymised copy for wider sharing, and deleting every child's data. */
export function BuildStep({ report, onDeleted }: BuildStepProps) {
  const styles = useStyles();
  const api = useApi();
  const [building, setBuilding] = useState<Building>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const date = formatIsoDate(report.inspectionDate).replaceAll('/', '-');

  const build = async (kind: Exclude<Building, null>) => {
    setBuilding(kind);
    setError(null);
    setDone(null);
    try {
      const bytes = await api.call('annexa.workbook', { pseudonymise: kind === 'pseudonymised' });
      const name = kind === 'plain' ? `Annex A ${date}.xlsx` : `Annex A ${date} pseudonymised.xlsx`;
      downloadBlob(bytes, name, XLSX_TYPE);
      setDone(`${name} was downloaded. Find it in your Downloads folder.`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBuilding(null);
    }
  };

  const remove = async () => {
    setDeleting(true);
    setError(null);
    try {
      await api.call('annexa.clear', {});
      setConfirming(false);
      onDeleted();
    } catch (e) {
      setError(errorMessage(e));
      setConfirming(false);
    } finally {
      setDeleting(false);
    }
  };

  return (
    <section className={styles.step} aria-labelledby="annexa-step-build">
      <h3 id="annexa-step-build" className={styles.heading} tabIndex={-1}>
        5. Build the workbook
      </h3>
      {report.errors > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{`${plural(report.errors, 'error is', 'errors are')} still in the lists`}</MessageBarTitle>
            The workbook can be built, and its data-quality sheet lists them, but errors would reach the inspectors. Correct them and import again
            if you can.
          </MessageBarBody>
        </MessageBar>
      )}

      <section className={styles.card} aria-labelledby="annexa-build-plain">
        <h4 id="annexa-build-plain" className={styles.title}>
          The Annex A workbook, for the inspectors
        </h4>
        <p className={styles.p}>
          Ofsted’s layout: sheets List_1 to List_11 with the template’s headers, real dates shown dd/mm/yyyy, codes with their prefixes, a summary
          sheet and a data-quality sheet with every finding.
        </p>
        <p className={styles.muted}>
          It holds every child’s id, date of birth and postcode, and the names of their workers. Send it only the way your council sends child-level data to Ofsted, and
          keep it where such data may be kept.
        </p>
        <Button appearance="primary" icon={<ArrowDownload20Regular />} disabled={building !== null} onClick={() => void build('plain')} data-testid="annexa-download">
          {building === 'plain' ? 'Building the workbook…' : 'Download the workbook'}
        </Button>
      </section>

      <section className={styles.card} aria-labelledby="annexa-build-pseudonymised">
        <h4 id="annexa-build-pseudonymised" className={styles.title}>
          A pseudonymised copy, for sharing more widely
        </h4>
        <p className={styles.p}>For a performance meeting or a peer review, where people need the pattern, not the child. In the copy:</p>
        <ul className={styles.list}>
          <li>every child, adopter and family id is replaced by a new one, the same on every list;</li>
          <li>dates of birth become the first of their month, and postcodes are cut to the sector;</li>
          <li>worker and personal adviser names, and free text, are removed.</li>
        </ul>
        <p className={styles.muted}>It is not anonymous: a child can still be recognised from the rest. Treat it as personal data.</p>
        <Button icon={<ShieldLock20Regular />} disabled={building !== null} onClick={() => void build('pseudonymised')} data-testid="annexa-download-pseudonymised">
          {building === 'pseudonymised' ? 'Building the copy…' : 'Download the pseudonymised copy'}
        </Button>
      </section>

      <div role="status" aria-live="polite">
        {building ? 'Building the workbook…' : (done ?? '')}
      </div>
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}

      <section className={mergeClasses(styles.card, styles.danger)} aria-labelledby="annexa-delete">
        <h4 id="annexa-delete" className={styles.title}>
          When the inspection is over
        </h4>
        <p className={styles.p}>
          Delete the child-level data from this computer: the imported lists, their findings and the changes made, in one go. Workbooks you have
          downloaded are not touched; delete those yourself.
        </p>
        <Button icon={<Delete20Regular />} onClick={() => setConfirming(true)} data-testid="annexa-delete">
          Delete all child-level data…
        </Button>
      </section>

      <ConfirmDialog open={confirming} title="Delete all child-level data?" confirm="Delete it all" danger busy={deleting} onConfirm={() => void remove()} onCancel={() => setConfirming(false)}>
        <p>
          {`This deletes the ${plural(report.rows, 'row')} in ${plural(report.lists.length, 'list')} imported on ${formatTimestamp(report.importedAt)} for the inspection on ${formatIsoDate(report.inspectionDate)}, every finding and change, and the Annex A data file on this computer. It cannot be undone: you would import the extracts again.`}
        </p>
        <p>Not deleted: workbooks already downloaded, your extracts where they are kept, and saved column mappings (they hold column names, never a child’s data).</p>
      </ConfirmDialog>
    </section>
  );
}

/**
 * Settings › Data on this computer: where the index is, and deleting Annex A's child-level data
 * without going back to the Annex A area (a data protection officer looks for it here). Forgetting
 * a folder's text is offered where folders are removed, in the Library.
 */
import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { Delete20Regular, ShieldLock20Regular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { AnnexaImportReport } from '../../../shared/annexa/api.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { ConfirmDialog } from '../shared/ConfirmDialog.tsx';
import { formatDateTime, plural } from '../shared/format.ts';

const useStyles = makeStyles({
  note: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  p: { margin: 0 },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  icon: { verticalAlign: 'text-bottom', marginRight: tokens.spacingHorizontalS },
});

export function DataSection({ headingClass, sectionClass, onChanged }: { headingClass: string; sectionClass: string; onChanged: () => void }) {
  const styles = useStyles();
  const api = useApi();
  const [annexa, setAnnexa] = useState<AnnexaImportReport | null | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.call('annexa.status', {}).then(
      (report) => live && setAnnexa(report),
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const remove = async () => {
    setDeleting(true);
    setError(null);
    try {
      await api.call('annexa.clear', {});
      setAnnexa(null);
      setDone('All Annex A data was deleted from this computer.');
      onChanged();
    } catch (e) {
      setError(`${errorMessage(e)} Nothing was lost; try again.`);
    } finally {
      setDeleting(false);
      setConfirming(false);
    }
  };

  return (
    <section className={sectionClass} aria-labelledby="settings-data" data-testid="settings-data">
      <h2 className={headingClass} id="settings-data">
        <ShieldLock20Regular aria-hidden className={styles.icon} />
        Data on this computer
      </h2>
      <p className={styles.p}>
        <strong>Annex A child-level data.</strong>{' '}
        {annexa === undefined ? (
          <Spinner size="extra-tiny" label="Checking…" labelPosition="after" style={{ display: 'inline-flex' }} />
        ) : annexa ? (
          `${plural(annexa.rows, 'row')} in ${plural(annexa.lists.length, 'list')}, imported ${formatDateTime(annexa.importedAt)}.`
        ) : (
          'None is kept: nothing has been imported, or it was deleted.'
        )}
      </p>
      <div className={styles.actions}>
        <Button icon={<Delete20Regular />} onClick={() => setConfirming(true)} disabled={!annexa || deleting} data-testid="settings-annexa-delete">
          Delete all Annex A data…
        </Button>
        <span role="status" aria-live="polite" className={styles.note}>
          {done}
        </span>
      </div>
      <p className={styles.note}>
        To forget the text read from a folder’s documents, remove the folder in the Library and tick “Also forget its text”. README.md lists every file
        the app writes and how to delete it.
      </p>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <ConfirmDialog open={confirming} title="Delete all Annex A data?" confirm="Delete it all" danger busy={deleting} onConfirm={() => void remove()} onCancel={() => setConfirming(false)}>
        <p>
          This deletes every imported list, finding and change, and the Annex A data file on this computer. It cannot be undone: you would import the
          extracts again.
        </p>
        <p>Not deleted: workbooks and packs already saved elsewhere, your extracts where they are kept, and saved column mappings (they hold column names, never a child’s data).</p>
      </ConfirmDialog>
    </section>
  );
}

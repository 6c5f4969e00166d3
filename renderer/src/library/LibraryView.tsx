import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { Dismiss20Regular, FolderAdd20Regular, FolderAdd24Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Root } from '../../../shared/contract.ts';
import { useApi } from '../api/ApiContext.tsx';
import { ApiCallError, errorMessage } from '../api/client.ts';
import { useAppData } from '../app/AppData.tsx';
import { formatCount } from '../shared/format.ts';
import { COUNT_LABELS } from '../../../shared/counts.ts';
import { useLibraryCounts } from './useLibraryCounts.ts';
import { useAddFolder } from './AddFolder.tsx';
import { FailuresList } from './FailuresList.tsx';
import { RemoveRootDialog } from './RemoveRootDialog.tsx';
import { RootCard } from './RootCard.tsx';

export type LibraryTab = 'folders' | 'failures';

const useStyles = makeStyles({
  view: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXXL}`, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, overflowY: 'auto', height: '100%', boxSizing: 'border-box' },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  title: { margin: 0, fontSize: tokens.fontSizeBase600, fontWeight: tokens.fontWeightSemibold, flex: 1 },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))', gap: tokens.spacingHorizontalL },
  empty: { maxWidth: '560px', display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalM, marginTop: tokens.spacingVerticalXXL },
  emptyTitle: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  icon: { color: tokens.colorBrandForeground1 },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export function LibraryView({ tab, onTabChange }: { tab: LibraryTab; onTabChange: (tab: LibraryTab) => void }) {
  const styles = useStyles();
  const api = useApi();
  const { roots, progress, removal, refreshRoots, loadError } = useAppData();
  const addFolder = useAddFolder();
  const [removing, setRemoving] = useState<Root | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  // The core's count of what the failures list shows (could not be read, not supported, no text).
  const library = useLibraryCounts();

  const scan = (root: Root) => {
    setActionError(null);
    api.call('roots.scan', { rootId: root.id }).catch((e) => setActionError(errorMessage(e)));
  };
  const retryFailed = (root: Root) => {
    setActionError(null);
    api.call('failures.retry', { rootId: root.id }).catch((e) => setActionError(errorMessage(e)));
  };
  const remove = async (forgetText: boolean) => {
    if (!removing) return;
    const root = removing;
    setActionError(null);
    if (forgetText) {
      // Forgetting can take minutes: the dialog closes at once and the status bar shows how far it
      // is, in every area, so the user can go on searching meanwhile.
      setRemoving(null);
      try {
        await api.call('roots.remove', { rootId: root.id, forgetText: true });
      } catch (e) {
        if (!(await saidByStatusBar(e, root.id))) setActionError(errorMessage(e));
      }
      await refreshRoots();
      return;
    }
    setBusy(true);
    try {
      await api.call('roots.remove', { rootId: root.id, forgetText: false });
      setRemoving(null);
      await refreshRoots();
    } catch (e) {
      setActionError(errorMessage(e));
      setRemoving(null);
    } finally {
      setBusy(false);
    }
  };
  /**
   * Whether the status bar already tells the story of a removal whose call failed: the removal
   * failed inside the core (the status bar says why, better than the call's error can), or the
   * connection gave up on a call the core is still working on (a browser's own limit on how long it
   * waits for an answer), in which case the status bar goes on showing its progress.
   */
  const saidByStatusBar = async (error: unknown, rootId: number): Promise<boolean> => {
    if (!(error instanceof ApiCallError) || (error.code !== 'internal' && error.code !== 'unavailable')) return false;
    const now = await api.call('removal.status', {}).catch(() => null);
    return now?.rootId === rootId && (error.code === 'internal' ? now.phase === 'failed' : now.phase === 'forgetting' || now.phase === 'compacting');
  };
  const error = addFolder.error ?? actionError ?? loadError;

  return (
    <div className={styles.view}>
      <div className={styles.head}>
        <h1 className={styles.title}>Library</h1>
        <Button appearance="primary" icon={<FolderAdd20Regular />} onClick={() => void addFolder.start()}>
          Add folder
        </Button>
      </div>
      {error && (
        <MessageBar intent="error" data-testid="library-error">
          <MessageBarBody>{error}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                aria-label="Dismiss"
                icon={<Dismiss20Regular />}
                onClick={() => {
                  addFolder.setError(null);
                  setActionError(null);
                }}
              />
            }
          />
        </MessageBar>
      )}
      <TabList selectedValue={tab} onTabSelect={(_, data) => onTabChange(data.value as LibraryTab)}>
        <Tab value="folders">Folders{roots ? ` (${formatCount(roots.length)})` : ''}</Tab>
        <Tab value="failures" data-testid="tab-needs-attention">
          {COUNT_LABELS.needsAttention}
          {library ? ` (${formatCount(library.needsAttention)})` : ''}
        </Tab>
      </TabList>
      {tab === 'failures' ? (
        <FailuresList refreshKey={progress?.finishedAt ? Date.parse(progress.finishedAt) : 0} />
      ) : roots === null ? (
        <Spinner size="small" label="Loading the library…" />
      ) : roots.length === 0 ? (
        <section className={styles.empty} data-testid="library-empty">
          <FolderAdd24Regular className={styles.icon} aria-hidden />
          <h2 className={styles.emptyTitle}>Add the folders where your evidence lives</h2>
          <p>Evidence Store reads your documents where they are, on this computer or a shared drive, and makes them searchable. Nothing is copied, moved or changed.</p>
          <Button appearance="primary" icon={<FolderAdd20Regular />} onClick={() => void addFolder.start()}>
            Add folder
          </Button>
          <span className={styles.hint}>You can also drag a folder onto this window.</span>
        </section>
      ) : (
        <div className={styles.grid}>
          {roots.map((root) => (
            <RootCard
              key={root.id}
              root={root}
              scanning={progress?.state === 'scanning' && progress.rootId === root.id}
              removing={removal?.rootId === root.id && removal.phase === 'forgetting'}
              onScan={() => scan(root)}
              onRemove={() => setRemoving(root)}
              onRetryFailed={() => retryFailed(root)}
            />
          ))}
        </div>
      )}
      <RemoveRootDialog root={removing} busy={busy} onConfirm={(forgetText) => void remove(forgetText)} onCancel={() => setRemoving(null)} />
    </div>
  );
}

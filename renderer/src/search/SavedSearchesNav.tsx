/**
 * The saved searches, listed in the navigation under Search: click one to run it; its "…" menu
 * renames or deletes it (a deletion can be undone from the message that says so).
 */
import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, Toast, ToastTitle, ToastTrigger, Link, makeStyles, mergeClasses, tokens, useToastController } from '@fluentui/react-components';
import { MoreHorizontal16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { SavedSearch } from '../../../shared/saved-searches.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/errors.ts';
import { TOASTER_ID } from '../library/AddFolder.tsx';
import { SavedSearchNameDialog } from './SavedSearchNameDialog.tsx';
import { notifySavedSearchesChanged, useSavedSearches } from './saved-searches.ts';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: `0 0 ${tokens.spacingVerticalXS}`, padding: `0 0 0 ${tokens.spacingHorizontalXXL}` },
  item: { display: 'flex', alignItems: 'center', minWidth: 0 },
  run: {
    flex: 1,
    minWidth: 0,
    justifyContent: 'flex-start',
    fontWeight: tokens.fontWeightRegular,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    display: 'block',
    textAlign: 'start',
  },
  // The saved search in the box now: bold with a bar at its side, not colour alone.
  current: { fontWeight: tokens.fontWeightSemibold, boxShadow: `inset 3px 0 0 ${tokens.colorNeutralForeground1}` },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200, padding: `0 ${tokens.spacingHorizontalM}` },
});

export interface SavedSearchesNavProps {
  /** The query in the search box now (its saved search is marked as current). */
  query: string;
  onRun: (query: string) => void;
}

export function SavedSearchesNav({ query, onRun }: SavedSearchesNavProps) {
  const styles = useStyles();
  const api = useApi();
  const list = useSavedSearches();
  const { dispatchToast } = useToastController(TOASTER_ID);
  const [renaming, setRenaming] = useState<SavedSearch | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const remove = async (saved: SavedSearch) => {
    setProblem(null);
    try {
      const gone = await api.call('savedSearches.delete', { id: saved.id });
      notifySavedSearchesChanged();
      const undo = () =>
        api.call('savedSearches.save', { name: gone.name, query: gone.query }).then(notifySavedSearchesChanged, (e) => setProblem(errorMessage(e)));
      dispatchToast(
        <Toast>
          <ToastTitle
            action={
              <ToastTrigger>
                <Link onClick={() => void undo()}>Undo</Link>
              </ToastTrigger>
            }
          >
            Deleted the saved search “{gone.name}”.
          </ToastTitle>
        </Toast>,
        { intent: 'info', timeout: 10_000 },
      );
    } catch (e) {
      setProblem(errorMessage(e));
    }
  };

  if (list.status === 'error') return <p className={styles.error}>The saved searches could not be read: {list.message}</p>;
  if (list.status === 'loading' || list.searches.length === 0) return null;
  const q = query.trim();
  return (
    <>
      <ul className={styles.list} aria-label="Saved searches" data-testid="saved-searches-nav">
        {list.searches.map((saved) => (
          <li key={saved.id} className={styles.item}>
            <Button
              appearance="subtle"
              size="small"
              className={mergeClasses(styles.run, saved.query === q && styles.current)}
              title={`${saved.name}: ${saved.query}`}
              aria-current={saved.query === q ? 'true' : undefined}
              onClick={() => onRun(saved.query)}
            >
              {saved.name}
            </Button>
            <Menu>
              <MenuTrigger disableButtonEnhancement>
                <Button appearance="subtle" size="small" icon={<MoreHorizontal16Regular />} aria-label={`More for ${saved.name}`} title={`Rename or delete “${saved.name}”`} />
              </MenuTrigger>
              <MenuPopover>
                <MenuList>
                  <MenuItem onClick={() => setRenaming(saved)}>Rename…</MenuItem>
                  <MenuItem onClick={() => void remove(saved)}>Delete</MenuItem>
                </MenuList>
              </MenuPopover>
            </Menu>
          </li>
        ))}
      </ul>
      {problem && (
        <p className={styles.error} role="alert">
          {problem}
        </p>
      )}
      <SavedSearchNameDialog
        open={renaming !== null}
        mode="rename"
        initialName={renaming?.name ?? ''}
        query={renaming?.query ?? ''}
        onSubmit={async (name) => {
          if (!renaming) return;
          await api.call('savedSearches.rename', { id: renaming.id, name });
          notifySavedSearchesChanged();
        }}
        onClose={() => setRenaming(null)}
      />
    </>
  );
}

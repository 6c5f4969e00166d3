/**
 * "Save search" above the results: keeps the search in the box (words and filters) under a name,
 * for the navigation and for requests. When the search is saved already, it says under what name.
 */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Bookmark20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { SavedSearch } from '../../../shared/saved-searches.ts';
import { useApi } from '../api/ApiContext.tsx';
import { SavedSearchNameDialog } from './SavedSearchNameDialog.tsx';
import { notifySavedSearchesChanged } from './saved-searches.ts';

const useStyles = makeStyles({
  saved: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', maxWidth: '16em' },
});

export function SaveSearchButton({ query, saved }: { query: string; saved: SavedSearch | undefined }) {
  const styles = useStyles();
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [said, setSaid] = useState('');
  return (
    <>
      {saved ? (
        <Text className={styles.saved} title={saved.name} data-testid="saved-as">
          Saved as “{saved.name}”
        </Text>
      ) : (
        <Button size="small" appearance="subtle" icon={<Bookmark20Regular />} onClick={() => setOpen(true)} data-testid="save-search">
          Save search
        </Button>
      )}
      <span role="status" className={styles.saved}>
        {said}
      </span>
      <SavedSearchNameDialog
        open={open}
        mode="save"
        initialName={query.length > 60 ? `${query.slice(0, 60)}…` : query}
        query={query}
        onSubmit={async (name, replace) => {
          const kept = await api.call('savedSearches.save', { name, query, replace });
          notifySavedSearchesChanged();
          setSaid(`Saved. “${kept.name}” is in the navigation under Search.`);
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
}

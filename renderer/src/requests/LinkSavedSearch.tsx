/**
 * "Link a saved search", in a request's panel: the saved searches to choose from, so a request is
 * answered by a search someone saved (its query, with its name in the link's label).
 */
import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, makeStyles } from '@fluentui/react-components';
import { Bookmark20Regular } from '@fluentui/react-icons';
import type { SavedSearch } from '../../../shared/saved-searches.ts';
import { useSavedSearches } from '../search/saved-searches.ts';

const useStyles = makeStyles({
  item: { maxWidth: '420px', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});

export function LinkSavedSearch({ disabled, onLink }: { disabled: boolean; onLink: (saved: SavedSearch) => void }) {
  const styles = useStyles();
  const list = useSavedSearches();
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button size="small" icon={<Bookmark20Regular />} disabled={disabled} data-testid="link-saved-search">
          Link a saved search
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {list.status === 'loading' ? (
            <MenuItem disabled>Loading the saved searches…</MenuItem>
          ) : list.status === 'error' ? (
            <MenuItem disabled>{list.message}</MenuItem>
          ) : list.searches.length === 0 ? (
            <MenuItem disabled>No saved searches yet. Search, then “Save search” above the results.</MenuItem>
          ) : (
            list.searches.map((saved) => (
              <MenuItem key={saved.id} className={styles.item} title={saved.query} onClick={() => onLink(saved)}>
                {saved.name}: {saved.query}
              </MenuItem>
            ))
          )}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

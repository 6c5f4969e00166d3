import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { Dismiss12Regular, FolderAdd24Regular, SearchInfo24Regular } from '@fluentui/react-icons';
import { filtersIn, removeFilter, type FilterField } from './query-edit.ts';

const useStyles = makeStyles({
  box: {
    maxWidth: '560px',
    margin: `${tokens.spacingVerticalXXXL} auto`,
    padding: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalM,
  },
  icon: { color: tokens.colorBrandForeground1 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  code: { fontFamily: tokens.fontFamilyMonospace, backgroundColor: tokens.colorNeutralBackground3, paddingInline: '4px', borderRadius: tokens.borderRadiusSmall },
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS },
});

/** Before any folder is in the library, search has nothing to look in: say where to start. */
export function NoFoldersState({ onGoToLibrary }: { onGoToLibrary: () => void }) {
  const styles = useStyles();
  return (
    <section className={styles.box} data-testid="empty-state">
      <FolderAdd24Regular className={styles.icon} aria-hidden />
      <h2 className={styles.heading}>Add the folders where your evidence lives</h2>
      <p>Evidence Store indexes your documents where they are — nothing is copied or moved. Add a folder in the Library, and everything in it becomes searchable in seconds.</p>
      <Button appearance="primary" onClick={onGoToLibrary}>
        Go to Library
      </Button>
    </section>
  );
}

/** Nothing matched: echo the search, offer to drop each filter, and suggest broader forms. */
export function NoResultsState({ query, onQueryChange }: { query: string; onQueryChange: (query: string) => void }) {
  const styles = useStyles();
  const filters = filtersIn(query);
  return (
    <section className={styles.box} data-testid="empty-state">
      <SearchInfo24Regular className={styles.icon} aria-hidden />
      <h2 className={styles.heading}>No documents match “{query.trim()}”</h2>
      <ul className={styles.list}>
        {filters.length > 0 && (
          <li>
            Remove a filter to widen the search:
            <div className={styles.filters}>
              {filters.map((f) => (
                <Button
                  key={f.text}
                  size="small"
                  icon={<Dismiss12Regular />}
                  iconPosition="after"
                  onClick={() => onQueryChange(removeFilter(query, f.field as FilterField, f.value))}
                  aria-label={`Remove filter ${f.text}`}
                >
                  {f.text}
                </Button>
              ))}
            </div>
          </li>
        )}
        <li>
          Try fewer words: every word must appear in the same document.
        </li>
        <li>
          Try the start of a word with a star: <span className={styles.code}>care*</span> finds care, carer and careers.
        </li>
        <li>
          Use <span className={styles.code}>OR</span> for alternatives: <span className={styles.code}>LAC OR “looked after”</span>.
        </li>
      </ul>
    </section>
  );
}

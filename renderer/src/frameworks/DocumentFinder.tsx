import { Button, Link, MessageBar, MessageBarBody, SearchBox, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ReOrderDotsVertical16Regular, Tag16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { setDragDocuments } from '../evidence/drag.ts';
import { useEvidenceVersion } from '../evidence/changes.ts';
import { useSearch } from '../search/useSearch.ts';
import { baseName, formatCount } from '../shared/format.ts';
import { TagDialog } from './TagDialog.tsx';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minHeight: 0 },
  help: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'grid',
    gridTemplateColumns: 'auto minmax(0, 1fr) auto',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: 'grab',
  },
  grip: { color: tokens.colorNeutralForeground4 },
  title: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', display: 'block', textAlign: 'start', maxWidth: '100%' },
  path: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  count: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export interface DocumentFinderProps {
  /** The criterion chosen in the table: "Tag…" offers it first. */
  criterionId: string | null;
  onOpenDocument: (documentId: number) => void;
}

/** Find documents to drag onto a criterion row, or tag from the keyboard with "Tag…". */
export function DocumentFinder({ criterionId, onOpenDocument }: DocumentFinderProps) {
  const styles = useStyles();
  const [query, setQuery] = useState('tagged:no');
  const version = useEvidenceVersion();
  const search = useSearch(query, 30, version);
  const [tagging, setTagging] = useState<{ id: number; title: string } | null>(null);
  const results = search.response?.results ?? [];

  return (
    <section className={styles.box} aria-label="Find documents" data-testid="document-finder">
      <p className={styles.help}>Drag a document onto a criterion’s row to tag it there, or use its Tag… button.</p>
      <SearchBox value={query} onChange={(_, d) => setQuery(d.value)} aria-label="Find documents to tag" placeholder="Search documents (e.g. tagged:no)" />
      {search.error && (
        <MessageBar intent="error">
          <MessageBarBody>{search.error}</MessageBarBody>
        </MessageBar>
      )}
      {search.pending && !search.response && <Spinner size="tiny" label="Searching…" />}
      {search.response && (
        <span className={styles.count} role="status">
          {search.response.total > results.length ? `First ${formatCount(results.length)} of ${formatCount(search.response.total)}` : `${formatCount(results.length)} found`}
        </span>
      )}
      <ul className={styles.list} aria-label="Documents to tag">
        {results.map((r) => (
          <li key={r.documentId} className={styles.item} draggable onDragStart={(event) => setDragDocuments(event.dataTransfer, [r.documentId], r.title)} data-testid="finder-result">
            <ReOrderDotsVertical16Regular className={styles.grip} aria-hidden />
            <div>
              <Link as="button" className={styles.title} onClick={() => onOpenDocument(r.documentId)} title={r.title}>
                {r.title}
              </Link>
              <div className={styles.path} title={r.path}>
                {baseName(r.path)}
              </div>
            </div>
            <Button size="small" icon={<Tag16Regular />} onClick={() => setTagging({ id: r.documentId, title: r.title })} aria-label={`Tag ${r.title}…`}>
              Tag…
            </Button>
          </li>
        ))}
      </ul>
      {tagging && <TagDialog documentIds={[tagging.id]} what={`“${tagging.title}”`} initialCriterionId={criterionId} onClose={() => setTagging(null)} />}
    </section>
  );
}

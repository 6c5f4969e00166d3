import { Badge, Checkbox, Link, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { DocumentPdf20Regular, DocumentText20Regular, Globe20Regular, Document20Regular } from '@fluentui/react-icons';
import { memo, useEffect, useRef } from 'react';
import type { EvidenceItem, SearchResult } from '../../../shared/contract.ts';
import { EvidenceChips } from '../evidence/EvidenceChips.tsx';
import { baseName, formatDate, shortenPath } from '../shared/format.ts';
import { formatLabel } from '../../../shared/formats.ts';
import { PathText } from '../document/PathText.tsx';
import { Segments } from './Segments.tsx';
import { LinkToRequest } from '../requests/LinkToRequest.tsx';

const useStyles = makeStyles({
  item: {
    listStyle: 'none',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    borderLeft: '3px solid transparent',
    cursor: 'default',
  },
  selected: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
  },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  title: {
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    textAlign: 'start',
    minWidth: 0,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  icon: { flexShrink: 0, color: tokens.colorNeutralForeground3 },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    marginTop: tokens.spacingVerticalXXS,
  },
  path: { maxWidth: '100%' },
  hits: { margin: `${tokens.spacingVerticalS} 0 0`, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  hit: { listStyle: 'none', display: 'flex', gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  page: { flexShrink: 0, minWidth: '56px', maxWidth: '40%', textAlign: 'start', overflowWrap: 'anywhere' },
});

function FormatIcon({ format, className }: { format: string; className: string }) {
  if (format === 'pdf') return <DocumentPdf20Regular className={className} aria-hidden />;
  if (format === 'html') return <Globe20Regular className={className} aria-hidden />;
  if (format === 'text') return <DocumentText20Regular className={className} aria-hidden />;
  return <Document20Regular className={className} aria-hidden />;
}

export interface ResultItemProps {
  result: SearchResult;
  selected: boolean;
  onOpen: (documentId: number, page: number) => void;
  onSelect: () => void;
  /** Ticked for "Tag selected…". */
  checked?: boolean;
  onCheck?: (documentId: number, checked: boolean) => void;
  /** The document's evidence item, shown as chips. */
  evidence?: EvidenceItem;
  /** Dragging the result (onto a criterion) puts the documents' ids in the drag data. */
  onDragStart?: (dataTransfer: DataTransfer, result: SearchResult) => void;
}

/** One document in the results: what it is, where it lives, and its best pages with the words marked. */
export const ResultItem = memo(function ResultItem({ result, selected, onOpen, onSelect, checked, onCheck, evidence, onDragStart }: ResultItemProps) {
  const styles = useStyles();
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  const firstPage = result.hits[0]?.page ?? 1;

  return (
    <li
      ref={ref}
      className={mergeClasses(styles.item, selected && styles.selected)}
      aria-current={selected ? 'true' : undefined}
      data-testid="search-result"
      onClick={onSelect}
      onDoubleClick={() => onOpen(result.documentId, firstPage)}
      draggable={onDragStart ? true : undefined}
      onDragStart={onDragStart ? (event) => onDragStart(event.dataTransfer, result) : undefined}
    >
      <div className={styles.header}>
        {onCheck && (
          <Checkbox
            checked={checked === true}
            onChange={(_, data) => onCheck(result.documentId, data.checked === true)}
            onClick={(event) => event.stopPropagation()}
            aria-label={`Select ${result.title}`}
            data-testid="result-check"
          />
        )}
        <FormatIcon format={result.format} className={styles.icon} />
        <Link as="button" className={styles.title} onClick={() => onOpen(result.documentId, firstPage)} title={result.title}>
          {result.title}
        </Link>
        <Badge appearance="tint" color="informative" size="small">
          {formatLabel(result.format)}
        </Badge>
        <LinkToRequest link={{ kind: 'document', documentId: result.documentId, page: firstPage }} label={`Link ${result.title} to a request`} compact />
      </div>
      <div className={styles.meta}>
        <PathText className={styles.path} path={shortenPath(result.path)} full={result.path} />
        <span>in {baseName(result.folder)}</span>
        <span>modified {formatDate(result.modified)}</span>
      </div>
      <EvidenceChips item={evidence} />
      {result.hits.length > 0 && (
        <ul className={styles.hits}>
          {result.hits.map((hit) => (
            <li key={hit.page} className={styles.hit}>
              <Link
                as="button"
                className={styles.page}
                onClick={(event) => {
                  event.stopPropagation();
                  onOpen(result.documentId, hit.page);
                }}
                // The visible text leads the name, so voice control users can say what they see.
                aria-label={`${hit.pageLabel}: open ${result.title} there`}
              >
                {hit.pageLabel}
              </Link>
              <span>
                <Segments segments={hit.snippet} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
});

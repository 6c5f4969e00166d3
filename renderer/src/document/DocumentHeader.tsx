import { Badge, Button, Tooltip, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Fragment } from 'react';
import { Dismiss20Regular, FolderOpen20Regular, Open20Regular, ShieldError16Filled } from '@fluentui/react-icons';
import type { DocumentDetail } from '../../../shared/contract.ts';
import { formatDate, formatSize } from '../shared/format.ts';
import { formatLabel } from '../../../shared/formats.ts';
import { pathPieces } from './path-pieces.ts';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}` },
  top: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  // Wraps between words (a word longer than the line alone is broken), at most two lines, the rest
  // cut with an ellipsis; the whole title is in the tooltip.
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    flex: 1,
    minWidth: 0,
    overflowWrap: 'break-word',
    display: '-webkit-box',
    WebkitBoxOrient: 'vertical',
    WebkitLineClamp: 2,
    overflow: 'hidden',
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexShrink: 0 },
  meta: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  locations: { margin: 0, padding: 0, listStyle: 'none', fontSize: tokens.fontSizeBase200 },
  location: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  // A path wraps after its separators, so folder and file names stay whole where they fit.
  path: { minWidth: 0, overflowWrap: 'break-word' },
  missing: { textDecoration: 'line-through', color: tokens.colorNeutralForeground4 },
  refusal: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'flex-start', margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorPaletteDarkOrangeForeground1 },
});

export interface DocumentHeaderProps {
  detail: DocumentDetail;
  onOpen: () => void;
  onReveal: () => void;
  onClose: () => void;
}

/** Title, where the file lives (every copy), size and dates, and the ways to get to the file. */
export function DocumentHeader({ detail, onOpen, onReveal, onClose }: DocumentHeaderProps) {
  const styles = useStyles();
  const present = detail.locations.find((l) => !l.missing) ?? detail.locations[0];
  return (
    <header className={styles.header}>
      <div className={styles.top}>
        <h2 className={styles.title} data-testid="doc-title" title={detail.title}>
          {detail.title}
        </h2>
        <div className={styles.actions}>
          {/* A program or script is never opened from here; the reason is read out with the button. */}
          <Button icon={<Open20Regular />} onClick={onOpen} disabledFocusable={detail.openRefusal !== null} aria-describedby={detail.openRefusal ? 'open-refusal' : undefined}>
            Open
          </Button>
          <Button icon={<FolderOpen20Regular />} onClick={onReveal}>
            Show in folder
          </Button>
          <Tooltip content="Close (Esc)" relationship="label">
            <Button appearance="subtle" icon={<Dismiss20Regular />} onClick={onClose} />
          </Tooltip>
        </div>
      </div>
      {detail.openRefusal && (
        <p className={styles.refusal} id="open-refusal" data-testid="open-refusal">
          <ShieldError16Filled aria-hidden />
          <span>{detail.openRefusal}</span>
        </p>
      )}
      <div className={styles.meta}>
        <Badge appearance="tint" color="informative" size="small">
          {formatLabel(detail.format)}
        </Badge>
        {present && <span>{formatSize(present.size)}</span>}
        {/* The file's own date, as the results list shows it; the document's created date from its properties. */}
        <span data-testid="doc-modified">Modified {formatDate(present?.modified ?? detail.modified)}</span>
        {detail.created && <span data-testid="doc-created">Created {formatDate(detail.created)}</span>}
        {/* When Evidence Store last read this content: what search knows of it dates from then. */}
        {detail.indexed && <span data-testid="doc-indexed">Indexed {formatDate(detail.indexed)}</span>}
        {detail.author && <span>by {detail.author}</span>}
      </div>
      <ul className={styles.locations} aria-label={detail.locations.length > 1 ? `${detail.locations.length} locations` : 'Location'}>
        {detail.locations.map((l) => (
          <li key={l.path} className={styles.location}>
            <span className={mergeClasses(styles.path, l.missing && styles.missing)}>
              {pathPieces(l.path).map((piece, i) => (
                <Fragment key={i}>
                  {piece}
                  <wbr />
                </Fragment>
              ))}
            </span>
            {l.missing && (
              <Badge appearance="outline" color="warning" size="small">
                missing
              </Badge>
            )}
          </li>
        ))}
      </ul>
    </header>
  );
}

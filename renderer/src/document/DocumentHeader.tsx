import { Badge, Button, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { Dismiss20Regular, FolderOpen20Regular, Open20Regular, ShieldError16Filled } from '@fluentui/react-icons';
import type { DocumentDetail } from '../../../shared/contract.ts';
import { formatDate, formatSize } from '../shared/format.ts';
import { formatLabel } from '../../../shared/formats.ts';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}` },
  top: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, flex: 1, minWidth: 0, overflowWrap: 'anywhere' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexShrink: 0 },
  meta: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  locations: { margin: 0, padding: 0, listStyle: 'none', fontSize: tokens.fontSizeBase200 },
  location: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, overflowWrap: 'anywhere' },
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
        <h2 className={styles.title} data-testid="doc-title">
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
        <span>modified {formatDate(detail.modified ?? present?.modified)}</span>
        {detail.author && <span>by {detail.author}</span>}
      </div>
      <ul className={styles.locations} aria-label={detail.locations.length > 1 ? `${detail.locations.length} locations` : 'Location'}>
        {detail.locations.map((l) => (
          <li key={l.path} className={styles.location}>
            <span className={l.missing ? styles.missing : undefined}>{l.path}</span>
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

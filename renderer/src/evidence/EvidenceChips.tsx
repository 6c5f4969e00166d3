import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { EvidenceItem } from '../../../shared/contract.ts';
import { STATUS_LABELS } from './evidence-form.ts';

const MAX_TAGS = 6;

const useStyles = makeStyles({
  chips: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, marginTop: tokens.spacingVerticalXS },
});

/** A search result's evidence status and tags, as small chips. */
export function EvidenceChips({ item }: { item: EvidenceItem | undefined }) {
  const styles = useStyles();
  if (!item) return null;
  const extra = item.tags.length - MAX_TAGS;
  return (
    <div className={styles.chips} data-testid="result-evidence">
      <Badge size="small" appearance="filled" color={item.status === 'approved' ? 'success' : item.status === 'retired' ? 'subtle' : 'warning'}>
        {STATUS_LABELS[item.status]}
      </Badge>
      {item.tags.slice(0, MAX_TAGS).map((t) => (
        <Badge key={`${t.frameworkId}:${t.criterionId}`} size="small" appearance={t.strength === 'key' ? 'tint' : 'outline'} color="brand" title={`${t.frameworkId} › ${t.criterionId} (${t.strength})`}>
          {t.criterionId}
        </Badge>
      ))}
      {extra > 0 && (
        <Badge size="small" appearance="outline" color="informative">
          +{extra}
        </Badge>
      )}
      {item.changedSinceTagged && (
        <Badge size="small" appearance="outline" color="warning">
          Changed since tagged
        </Badge>
      )}
      {item.stale && (
        <Badge size="small" appearance="outline" color="warning">
          Past review date
        </Badge>
      )}
    </div>
  );
}

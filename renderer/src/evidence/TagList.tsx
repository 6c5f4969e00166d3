import { Badge, Button, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { Delete16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { EvidenceItem } from '../../../shared/contract.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { criterionKey, useCriterionNames } from '../frameworks/useCriterionNames.ts';
import { notifyEvidenceChanged } from './changes.ts';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  tag: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    gap: tokens.spacingHorizontalS,
    alignItems: 'start',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline', flexWrap: 'wrap' },
  id: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  where: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  note: { margin: `${tokens.spacingVerticalXXS} 0 0`, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, whiteSpace: 'pre-wrap' },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
});

/** The criteria this evidence is tagged with, with strength and note; each can be removed. */
export function TagList({ item }: { item: EvidenceItem }) {
  const styles = useStyles();
  const api = useApi();
  const names = useCriterionNames(item.tags.map((t) => t.frameworkId));
  const [error, setError] = useState<string | null>(null);

  const remove = async (frameworkId: string, criterionId: string) => {
    setError(null);
    try {
      await api.call('tags.remove', { evidenceId: item.id, frameworkId, criterionId });
      notifyEvidenceChanged();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  if (!item.tags.length) return <p className={styles.where}>Not tagged to any criterion yet: accept a suggestion below, or add a tag.</p>;
  return (
    <>
      <ul className={styles.list} aria-label="Tags" data-testid="evidence-tags">
        {item.tags.map((t) => {
          const c = names.get(criterionKey(t.frameworkId, t.criterionId));
          return (
            <li key={criterionKey(t.frameworkId, t.criterionId)} className={styles.tag} data-testid="evidence-tag">
              <div>
                <div className={styles.head}>
                  <span className={styles.id}>{t.criterionId}</span>
                  <span>{c?.title ?? ''}</span>
                  <Badge size="small" appearance={t.strength === 'key' ? 'filled' : 'tint'} color={t.strength === 'key' ? 'brand' : 'informative'}>
                    {t.strength === 'key' ? 'Key' : 'Supporting'}
                  </Badge>
                </div>
                <div className={styles.where}>
                  {c ? `${c.frameworkShort} › ${c.judgementShort}` : t.frameworkId}
                </div>
                {t.note && <p className={styles.note}>{t.note}</p>}
              </div>
              <Tooltip content={`Remove the tag ${t.criterionId}`} relationship="label">
                <Button appearance="subtle" size="small" icon={<Delete16Regular />} onClick={() => void remove(t.frameworkId, t.criterionId)} />
              </Tooltip>
            </li>
          );
        })}
      </ul>
      {error && (
        <span className={styles.error} role="alert">
          {error}
        </span>
      )}
    </>
  );
}

import { Button, MessageBar, MessageBarBody, Spinner, Tag, TagGroup, makeStyles, tokens } from '@fluentui/react-components';
import { Checkmark16Regular, Dismiss16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { EvidenceItem, Suggestion } from '../../../shared/contract.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { notifyEvidenceChanged } from './changes.ts';
import { useSuggestions } from './useEvidence.ts';

const SHOWN = 5;

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalS, borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  id: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  judgement: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  why: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0 },
});

/** The words that led to a suggestion, once each. */
export function uniqueWords(words: readonly string[]): string[] {
  const seen = new Set<string>();
  return words.filter((w) => {
    const k = w.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export interface SuggestionListProps {
  documentId: number;
  frameworkId: string;
  onTagged: (item: EvidenceItem) => void;
}

/** Criteria this document's words point to: accept (tag it) or dismiss, in one click each. */
export function SuggestionList({ documentId, frameworkId, onTagged }: SuggestionListProps) {
  const styles = useStyles();
  const api = useApi();
  const [state, setState] = useSuggestions(documentId, frameworkId);
  const [all, setAll] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (state.status === 'loading') return <Spinner size="tiny" label="Looking for criteria this document speaks to…" />;
  if (state.status === 'error') {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{state.message}</MessageBarBody>
      </MessageBar>
    );
  }
  const list = state.value;
  if (!list.length) return <p className={styles.muted}>No suggestions: nothing in this document’s words matched a criterion it is not tagged with.</p>;

  const act = async (s: Suggestion, accept: boolean) => {
    setBusy(s.criterionId);
    setError(null);
    try {
      if (accept) {
        const [item] = await api.call('tags.add', { documentIds: [documentId], frameworkId, criterionId: s.criterionId, strength: 'supporting', note: '' });
        if (item) onTagged(item);
      } else {
        await api.call('suggestions.dismiss', { documentId, frameworkId, criterionId: s.criterionId });
      }
      setState(list.filter((x) => x.criterionId !== s.criterionId));
      if (accept) notifyEvidenceChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const shown = all ? list : list.slice(0, SHOWN);
  return (
    <>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <ul className={styles.list} aria-label="Suggested criteria" data-testid="suggestions">
        {shown.map((s) => (
          <li key={s.criterionId} className={styles.item} data-testid="suggestion">
            <div className={styles.head}>
              <span className={styles.id}>{s.criterionId}</span>
              <span>{s.criterionTitle}</span>
            </div>
            <span className={styles.judgement}>{s.judgementTitle}</span>
            <div className={styles.why}>
              <span>Because it mentions</span>
              <TagGroup size="extra-small" aria-label={`Words that suggested ${s.criterionId}`}>
                {uniqueWords(s.words).map((w) => (
                  <Tag key={w} size="extra-small" appearance="outline" shape="circular">
                    {w}
                  </Tag>
                ))}
              </TagGroup>
            </div>
            <div className={styles.actions}>
              <Button size="small" icon={<Checkmark16Regular />} disabled={busy !== null} onClick={() => void act(s, true)} aria-label={`Accept ${s.criterionId} ${s.criterionTitle}`}>
                Accept
              </Button>
              <Button size="small" appearance="subtle" icon={<Dismiss16Regular />} disabled={busy !== null} onClick={() => void act(s, false)} aria-label={`Dismiss ${s.criterionId} ${s.criterionTitle}`}>
                Dismiss
              </Button>
            </div>
          </li>
        ))}
      </ul>
      {list.length > SHOWN && (
        <Button appearance="transparent" size="small" onClick={() => setAll((a) => !a)}>
          {all ? 'Show fewer' : `Show all ${list.length} suggestions`}
        </Button>
      )}
    </>
  );
}

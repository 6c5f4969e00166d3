import { Badge, Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronDown16Regular, ChevronRight16Regular, Dismiss20Regular, ShieldCheckmark20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useFrameworks } from '../frameworks/useFrameworks.ts';
import { AddTag } from './AddTag.tsx';
import { EvidenceBadges } from './EvidenceBadges.tsx';
import { EvidenceFormView } from './EvidenceFormView.tsx';
import { STATUS_LABELS } from './evidence-form.ts';
import { HistoryList } from './HistoryList.tsx';
import { SuggestionList } from './SuggestionList.tsx';
import { TagList } from './TagList.tsx';
import { useDocumentEvidence } from './useEvidence.ts';
import { LinkToRequest } from '../requests/LinkToRequest.tsx';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalM,
    overflowY: 'auto',
    minHeight: 0,
    height: '100%',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  teach: { margin: 0, color: tokens.colorNeutralForeground2 },
  muted: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  start: { alignSelf: 'flex-start' },
  top: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  close: { marginLeft: 'auto', flexShrink: 0 },
});

export interface EvidencePanelProps {
  documentId: number;
  documentTitle: string;
  /** Shown over the document (where it cannot sit beside it): a button closes it. */
  onClose?: () => void;
}

/** The document as evidence: its details, tags, suggested criteria and history. */
export function EvidencePanel({ documentId, documentTitle, onClose }: EvidencePanelProps) {
  const styles = useStyles();
  const [state, setItem] = useDocumentEvidence(documentId);
  const { activeId, active } = useFrameworks();
  const [making, setMaking] = useState(false);
  const [showHistory, setShowHistory] = useState(false);

  if (state.status === 'loading') return <Spinner size="small" label="Loading evidence…" className={styles.panel} />;
  if (state.status === 'error') {
    return (
      <div className={styles.panel}>
        <MessageBar intent="error">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      </div>
    );
  }
  const item = state.value;

  return (
    <aside className={styles.panel} aria-label="Evidence" data-testid="evidence-panel">
      <div className={styles.top}>
        <h3 className={styles.title}>
          <ShieldCheckmark20Regular aria-hidden />
          Evidence
          {item && (
            <Badge appearance="tint" color={item.status === 'approved' ? 'success' : item.status === 'retired' ? 'subtle' : 'warning'} data-testid="evidence-status">
              {STATUS_LABELS[item.status]}
            </Badge>
          )}
          {item?.personalData && (
            <Badge appearance="outline" color="danger">
              Personal data
            </Badge>
          )}
        </h3>
        {onClose && <Button className={styles.close} appearance="subtle" icon={<Dismiss20Regular />} onClick={onClose} aria-label="Close the evidence panel" title="Close the evidence panel" />}
      </div>

      {item && <EvidenceBadges item={item} onChange={setItem} />}
      {item && <LinkToRequest link={{ kind: 'evidence', evidenceId: item.id }} label="Link this evidence to a request" />}

      {item || making ? (
        <section className={styles.section} aria-label="Details">
          <EvidenceFormView
            documentId={documentId}
            documentTitle={documentTitle}
            item={item}
            onSaved={(next) => {
              setItem(next);
              setMaking(false);
            }}
            onCancel={() => setMaking(false)}
          />
        </section>
      ) : (
        <section className={styles.section}>
          <p className={styles.teach}>
            This document is not evidence yet. Make it evidence to give it a title, say what it shows, who owns it and when to review it, and tag it to
            the criteria it supports.
          </p>
          <Button appearance="primary" className={styles.start} onClick={() => setMaking(true)}>
            Make this evidence
          </Button>
        </section>
      )}

      {item && (
        <section className={styles.section} aria-labelledby="evidence-tags-heading">
          <h4 className={styles.heading} id="evidence-tags-heading">
            Tags
          </h4>
          <TagList item={item} />
        </section>
      )}

      {activeId && (item || making) && (
        <section className={styles.section}>
          <AddTag documentId={documentId} frameworkId={activeId} item={item} onTagged={setItem} />
        </section>
      )}

      {activeId && (
        <section className={styles.section} aria-labelledby="evidence-suggestions-heading">
          <h4 className={styles.heading} id="evidence-suggestions-heading">
            Suggested criteria
          </h4>
          <p className={styles.muted}>
            From {active?.shortTitle ?? 'the active framework'}, by the words in this document.{!item && ' Accepting one makes it draft evidence.'}
          </p>
          <SuggestionList documentId={documentId} frameworkId={activeId} onTagged={setItem} />
        </section>
      )}

      {item && (
        <section className={styles.section}>
          <Button
            appearance="transparent"
            className={styles.start}
            icon={showHistory ? <ChevronDown16Regular /> : <ChevronRight16Regular />}
            aria-expanded={showHistory}
            onClick={() => setShowHistory((s) => !s)}
          >
            History
          </Button>
          {showHistory && <HistoryList evidenceId={item.id} />}
        </section>
      )}
    </aside>
  );
}

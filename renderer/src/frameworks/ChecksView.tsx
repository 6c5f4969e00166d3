import { Badge, Button, Link, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Regular, Circle20Regular } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import type { EvidenceItem } from '../../../shared/contract.ts';
import { formatDate } from '../shared/format.ts';
import { COUNT_LABELS } from '../../../shared/counts.ts';
import { useChecks } from './useCoverage.ts';

const SHOWN = 10;

const useStyles = makeStyles({
  page: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`, overflowY: 'auto', height: '100%', boxSizing: 'border-box', maxWidth: '960px' },
  intro: { marginTop: 0, color: tokens.colorNeutralForeground2 },
  section: { marginBottom: tokens.spacingVerticalXL },
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: `0 0 ${tokens.spacingVerticalXS}` },
  done: { color: tokens.colorPaletteGreenForeground1 },
  todo: { color: tokens.colorNeutralForeground3 },
  why: { margin: `0 0 ${tokens.spacingVerticalS}`, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  id: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3, marginRight: tokens.spacingHorizontalS },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, marginLeft: tokens.spacingHorizontalS },
  none: { margin: 0, color: tokens.colorNeutralForeground3 },
});

export interface ChecksViewProps {
  frameworkId: string;
  onOpenDocument: (documentId: number) => void;
  onShowCriterion: (criterionId: string) => void;
}

/** The to-do list before an inspection: gaps, untagged and stale evidence, missing and changed files, duplicates. */
export function ChecksView({ frameworkId, onOpenDocument, onShowCriterion }: ChecksViewProps) {
  const styles = useStyles();
  const state = useChecks(frameworkId);
  if (state.status === 'loading') return <Spinner className={styles.page} label="Working through the checks…" />;
  if (state.status === 'error') {
    return (
      <div className={styles.page}>
        <MessageBar intent="error">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      </div>
    );
  }
  const { checks, items } = state.value;
  const evidenceLink = (id: number) => {
    const e: EvidenceItem | undefined = items.get(id);
    if (!e) return <span>Evidence item {id}</span>;
    return (
      <>
        <Link as="button" onClick={() => onOpenDocument(e.documentId)}>
          {e.title}
        </Link>
        <span className={styles.meta}>
          {e.status}
          {e.team ? ` · ${e.team}` : ''}
          {e.reviewBy ? ` · review by ${formatDate(e.reviewBy)}` : ''}
        </span>
      </>
    );
  };

  return (
    <div className={styles.page} data-testid="checks">
      <p className={styles.intro}>Work through these before the inspection. Each item links to the document or the criterion to fix it.</p>
      <CheckSection
        title={COUNT_LABELS.gaps}
        why="Nothing approved and in date shows these yet: draft evidence, or evidence past its review-by date, does not count. Coverage marks the same criteria as gaps."
        count={checks.criteriaWithoutEvidence.length}
        testId="check-gaps"
      >
        {checks.criteriaWithoutEvidence.map((c) => (
          <li key={c.id}>
            <Link as="button" onClick={() => onShowCriterion(c.id)}>
              <span className={styles.id}>{c.id}</span>
              {c.title}
            </Link>
          </li>
        ))}
      </CheckSection>
      <CheckSection title="Evidence tagged to nothing" why="Tag it to a criterion, or retire it." count={checks.untagged.length} testId="check-untagged">
        {checks.untagged.map((id) => (
          <li key={id}>{evidenceLink(id)}</li>
        ))}
      </CheckSection>
      <CheckSection title="Past review date" why="Review it and set a new review-by date; until then it does not count as approved coverage." count={checks.pastReview.length} testId="check-stale">
        {checks.pastReview.map((id) => (
          <li key={id}>{evidenceLink(id)}</li>
        ))}
      </CheckSection>
      <CheckSection title="File missing" why="No copy of the file was found at the last scan: it may have been deleted, or its folder is offline." count={checks.fileMissing.length} testId="check-missing">
        {checks.fileMissing.map((id) => (
          <li key={id}>{evidenceLink(id)}</li>
        ))}
      </CheckSection>
      <CheckSection title="Changed since tagged" why="The file’s content changed: check it still shows what its tags say, then confirm it." count={checks.changedSinceTagged.length} testId="check-changed">
        {checks.changedSinceTagged.map((id) => (
          <li key={id}>{evidenceLink(id)}</li>
        ))}
      </CheckSection>
      <CheckSection title="Possible duplicates" why="Items with the same name under one criterion; keep the best, retire the rest." count={checks.duplicates.length} testId="check-duplicates">
        {checks.duplicates.map((d) => (
          <li key={`${d.criterionId}:${d.name}`}>
            “{d.name}” under{' '}
            <Link as="button" onClick={() => onShowCriterion(d.criterionId)}>
              {d.criterionId}
            </Link>
            <ul className={styles.list}>
              {d.evidenceIds.map((id) => (
                <li key={id}>{evidenceLink(id)}</li>
              ))}
            </ul>
          </li>
        ))}
      </CheckSection>
    </div>
  );
}

function CheckSection({ title, why, count, testId, children }: { title: string; why: string; count: number; testId: string; children: ReactNode[] }) {
  const styles = useStyles();
  const [all, setAll] = useState(false);
  return (
    <section className={styles.section} data-testid={testId}>
      <h3 className={styles.heading}>
        {count === 0 ? <CheckmarkCircle20Regular className={styles.done} aria-hidden /> : <Circle20Regular className={styles.todo} aria-hidden />}
        {title}
        <Badge appearance={count ? 'filled' : 'tint'} color={count ? 'warning' : 'success'}>
          {count === 0 ? 'Done' : count}
        </Badge>
      </h3>
      {count === 0 ? (
        <p className={styles.none}>Nothing to do here.</p>
      ) : (
        <>
          <p className={styles.why}>{why}</p>
          <ul className={styles.list}>{all ? children : children.slice(0, SHOWN)}</ul>
          {children.length > SHOWN && (
            <Button appearance="transparent" size="small" onClick={() => setAll((a) => !a)}>
              {all ? 'Show fewer' : `Show all ${children.length}`}
            </Button>
          )}
        </>
      )}
    </section>
  );
}

import { Badge, Button, Link, MessageBar, MessageBarBody, Spinner, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { Dismiss16Regular, ReOrderDotsVertical16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { notifyEvidenceChanged } from '../evidence/changes.ts';
import { setDragDocuments } from '../evidence/drag.ts';
import { STATUS_LABELS } from '../evidence/evidence-form.ts';
import { formatDate, plural } from '../shared/format.ts';
import type { CellRef } from './CoverageHeatmap.tsx';
import { COLUMNS, evidenceInCell } from './coverage-view.ts';
import type { FlatCriterion } from './criteria.ts';
import { useCriterionEvidence } from './useCoverage.ts';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  id: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3, marginRight: tokens.spacingHorizontalS },
  description: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'grid',
    gridTemplateColumns: 'auto minmax(0, 1fr) auto',
    gap: tokens.spacingHorizontalS,
    alignItems: 'start',
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    cursor: 'grab',
  },
  grip: { color: tokens.colorNeutralForeground4, marginTop: '2px' },
  // The title wraps in its own column, beside the remove button, never under it: a title with no
  // spaces (a file name) breaks where it must.
  body: { minWidth: 0 },
  title: { display: 'block', maxWidth: '100%', textAlign: 'start', overflowWrap: 'anywhere' },
  meta: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  empty: { margin: 0, color: tokens.colorNeutralForeground2 },
});

export interface CellEvidenceProps {
  frameworkId: string;
  cell: CellRef;
  criterion: FlatCriterion | undefined;
  onOpenDocument: (documentId: number) => void;
}

/** The evidence behind a heatmap cell, each item opening its document; drag one onto another criterion to tag it there too. */
export function CellEvidence({ frameworkId, cell, criterion, onOpenDocument }: CellEvidenceProps) {
  const styles = useStyles();
  const api = useApi();
  const state = useCriterionEvidence(frameworkId, cell.criterionId);
  const [error, setError] = useState<string | null>(null);
  const column = COLUMNS.find((c) => c.key === cell.column);

  const untag = async (evidenceId: number) => {
    setError(null);
    try {
      await api.call('tags.remove', { evidenceId, frameworkId, criterionId: cell.criterionId });
      notifyEvidenceChanged();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section className={styles.box} aria-labelledby="cell-evidence-heading" data-testid="cell-evidence">
      <h3 className={styles.heading} id="cell-evidence-heading">
        <span className={styles.id}>{cell.criterionId}</span>
        {criterion?.title ?? ''}
      </h3>
      {criterion?.description && <p className={styles.description}>{criterion.description}</p>}
      <p className={styles.description}>{column ? `Showing: ${column.help.toLowerCase()}.` : 'Showing all evidence tagged to this criterion.'}</p>
      {state.status === 'loading' && <Spinner size="tiny" label="Loading its evidence…" />}
      {state.status === 'error' && (
        <MessageBar intent="error">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'ready' &&
        (() => {
          const items = evidenceInCell(state.value, frameworkId, cell.criterionId, cell.column);
          if (!items.length) {
            return (
              <p className={styles.empty} data-testid="cell-evidence-empty">
                {state.value.length
                  ? `None of its ${plural(state.value.length, 'evidence item')} counts here.`
                  : 'No evidence yet for this criterion. Drag documents from “Find documents” onto its row, or open a document and choose Make this evidence.'}
              </p>
            );
          }
          return (
            <ul className={styles.list} aria-label="Evidence">
              {items.map((e) => {
                const tag = e.tags.find((t) => t.frameworkId === frameworkId && t.criterionId === cell.criterionId);
                return (
                  <li key={e.id} className={styles.item} draggable onDragStart={(event) => setDragDocuments(event.dataTransfer, [e.documentId], e.title)} data-testid="cell-evidence-item">
                    <ReOrderDotsVertical16Regular className={styles.grip} aria-hidden />
                    <div className={styles.body}>
                      <Link as="button" className={styles.title} onClick={() => onOpenDocument(e.documentId)} data-testid="cell-evidence-title">
                        {e.title}
                      </Link>
                      <div className={styles.meta}>
                        <Badge size="small" appearance="tint" color={e.status === 'approved' ? 'success' : e.status === 'retired' ? 'subtle' : 'warning'}>
                          {STATUS_LABELS[e.status]}
                        </Badge>
                        {tag && <span>{tag.strength === 'key' ? 'Key' : 'Supporting'}</span>}
                        {e.team && <span>{e.team}</span>}
                        {e.evidenceDate && <span>{formatDate(e.evidenceDate)}</span>}
                        {e.stale && <Badge size="small" appearance="outline" color="warning">Past review date</Badge>}
                        {e.fileMissing && <Badge size="small" appearance="outline" color="danger">File missing</Badge>}
                        {e.changedSinceTagged && <Badge size="small" appearance="outline" color="warning">Changed since tagged</Badge>}
                      </div>
                    </div>
                    <Tooltip content={`Remove the tag ${cell.criterionId} from “${e.title}”`} relationship="label">
                      <Button size="small" appearance="subtle" icon={<Dismiss16Regular />} onClick={() => void untag(e.id)} data-testid="cell-evidence-remove" />
                    </Tooltip>
                  </li>
                );
              })}
            </ul>
          );
        })()}
    </section>
  );
}

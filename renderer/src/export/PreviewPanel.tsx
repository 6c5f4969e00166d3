import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { EvidenceStatusName } from '../../../shared/evidence.ts';
import type { PackPreview } from '../../../shared/pack.ts';
import { formatCount, formatSize, plural } from '../shared/format.ts';
import { useVisuallyHidden } from '../shared/visually-hidden.ts';
import { emptyScopeAdvice, previewSummary } from './preview-text.ts';
import { useSectionStyles } from './section-styles.ts';
import type { PreviewState } from './usePackPreview.ts';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  headLine: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  stats: { display: 'flex', gap: tokens.spacingHorizontalXXL, flexWrap: 'wrap', margin: 0 },
  stat: { display: 'flex', flexDirection: 'column-reverse' },
  statValue: { margin: 0, fontSize: tokens.fontSizeBase600, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase600 },
  statLabel: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  number: { textAlign: 'end', width: '5.5em' },
  warnings: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  titles: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL, maxHeight: '200px', overflowY: 'auto' },
});

export interface PreviewPanelProps {
  state: PreviewState;
  /** Why the choices cannot make a pack (no judgement ticked…), or null. */
  problem: string | null;
  statuses: readonly EvidenceStatusName[];
}

/** What an export of these choices would hold, asked of the app as the choices change, with what needs attention first. */
export function PreviewPanel({ state, problem, statuses }: PreviewPanelProps) {
  const section = useSectionStyles();
  const styles = useStyles();
  const sr = useVisuallyHidden();
  const headingId = useId();
  const { preview, loading, error } = state;

  let body;
  if (problem) {
    body = <p className={section.p}>{problem}</p>;
  } else if (error) {
    body = (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{`The preview could not be worked out. ${error}`}</MessageBarBody>
        <MessageBarActions>
          <Button onClick={state.retry}>Try again</Button>
        </MessageBarActions>
      </MessageBar>
    );
  } else if (!preview) {
    body = <Spinner size="small" label="Working out what goes in…" />;
  } else {
    body = (
      // The last answer stays while a newer one is asked for (the spinner by the heading says so);
      // it is not dimmed, which would take its text below the contrast people need.
      <div className={styles.content}>
        <PreviewContent preview={preview} statuses={statuses} />
      </div>
    );
  }

  return (
    <section className={section.card} aria-labelledby={headingId} aria-busy={loading} data-testid="export-preview">
      <div className={styles.headLine}>
        <h3 id={headingId} className={section.heading}>
          Preview
        </h3>
        {loading && preview && !problem && <Spinner size="extra-tiny" aria-label="Updating the preview" />}
      </div>
      {body}
      {/* Heard after each change of choices: the totals once, not the whole panel. */}
      <div role="status" className={sr.hidden} data-testid="export-preview-announce">
        {problem ?? (preview && !loading && !error ? `The pack would hold ${previewSummary(preview)}.` : '')}
      </div>
    </section>
  );
}

function PreviewContent({ preview, statuses }: { preview: PackPreview; statuses: readonly EvidenceStatusName[] }) {
  const section = useSectionStyles();
  const styles = useStyles();
  if (preview.evidence === 0 && preview.missing.length === 0) {
    return (
      <p className={section.p} data-testid="export-preview-empty">
        {emptyScopeAdvice(statuses)}
      </p>
    );
  }
  return (
    <>
      <dl className={styles.stats} data-testid="export-preview-totals">
        <Stat label="Evidence items" value={formatCount(preview.evidence)} />
        <Stat label="Files" value={formatCount(preview.files)} />
        <Stat label="Size" value={formatSize(preview.bytes)} />
      </dl>
      <p className={section.muted}>The searchable index, the Excel index and the manifest add a little to the size.</p>
      {preview.judgements.length > 0 && (
        <Table size="small" aria-label="Evidence per judgement" data-testid="export-preview-judgements">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Judgement</TableHeaderCell>
              <TableHeaderCell className={styles.number}>Evidence</TableHeaderCell>
              <TableHeaderCell className={styles.number}>Criteria</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {preview.judgements.map((j) => (
              <TableRow key={j.id}>
                <TableCell>{j.title}</TableCell>
                <TableCell className={styles.number}>{formatCount(j.evidence)}</TableCell>
                <TableCell className={styles.number}>{formatCount(j.criteria)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Warnings preview={preview} />
      {preview.evidence === 0 && (
        <p className={section.p} data-testid="export-preview-empty">
          {emptyScopeAdvice(statuses)}
        </p>
      )}
    </>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  const styles = useStyles();
  return (
    <div className={styles.stat}>
      {/* Label first for screen readers; column-reverse shows the number above it. */}
      <dt className={styles.statLabel}>{label}</dt>
      <dd className={styles.statValue}>{value}</dd>
    </div>
  );
}

/** What the person may want to fix before exporting; each says what happens and what to do. */
function Warnings({ preview }: { preview: PackPreview }) {
  const styles = useStyles();
  const [showMissing, setShowMissing] = useState(false);
  const missingId = useId();
  const missing = preview.missing.length;
  return (
    <div className={styles.warnings} data-testid="export-preview-warnings">
      {missing > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="export-preview-missing">
          <MessageBarBody>
            <MessageBarTitle>{`${plural(missing, 'item is', 'items are')} left out: no file holds ${missing === 1 ? 'its' : 'their'} content any more`}</MessageBarTitle>
            If a file was moved to a folder that is not in the Library, add that folder; if it was deleted, retire the item.
            <div>
              <Button
                size="small"
                appearance="transparent"
                aria-expanded={showMissing}
                aria-controls={missingId}
                onClick={() => setShowMissing((s) => !s)}
              >
                {showMissing ? 'Hide the titles' : `Show the ${missing === 1 ? 'title' : plural(missing, 'title')}`}
              </Button>
            </div>
            <ul id={missingId} className={styles.titles} hidden={!showMissing}>
              {preview.missing.map((m) => (
                <li key={m.evidenceId}>{m.title}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {preview.personalData > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="export-preview-personal">
          <MessageBarBody>
            <MessageBarTitle>{`${plural(preview.personalData, 'item is', 'items are')} marked as holding personal data`}</MessageBarTitle>
            The pack goes to a shared drive: check that everyone who can open the folder may see {preview.personalData === 1 ? 'it' : 'them'}, or untick
            the judgements {preview.personalData === 1 ? 'it serves' : 'they serve'}.
          </MessageBarBody>
        </MessageBar>
      )}
      {preview.changedSinceTagged > 0 && (
        <MessageBar intent="info" layout="multiline" data-testid="export-preview-changed">
          <MessageBarBody>
            {`${plural(preview.changedSinceTagged, 'item has', 'items have')} changed since tagged: included, and marked so in the pack. Check what ${
              preview.changedSinceTagged === 1 ? 'it shows' : 'they show'
            } and confirm ${preview.changedSinceTagged === 1 ? 'it' : 'them'} in the evidence panel.`}
          </MessageBarBody>
        </MessageBar>
      )}
      {preview.renamed > 0 && (
        <MessageBar intent="info" layout="multiline" data-testid="export-preview-renamed">
          <MessageBarBody>
            {`${plural(preview.renamed, 'file is', 'files are')} renamed in the pack to be safe on Windows (characters it refuses, names too long or the same as another). The originals are not touched.`}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

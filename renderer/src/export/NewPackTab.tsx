import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowExportLtr20Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useApi } from '../api/ApiContext.tsx';
import { useFrameworkView, useFrameworks } from '../frameworks/useFrameworks.ts';
import { ConfirmDialog } from '../shared/ConfirmDialog.tsx';
import { useVisuallyHidden } from '../shared/visually-hidden.ts';
import { choicesProblem, toPackOptions, type Availability, type ExportChoices } from './export-choices.ts';
import { cancelExport, clearOutcome, startExport } from './export-run.ts';
import { updateExportSession, useExportSession } from './export-session.ts';
import { ExportOutcome } from './ExportOutcome.tsx';
import { ExportProgress } from './ExportProgress.tsx';
import { FolderField } from './FolderField.tsx';
import { IncludeSection } from './IncludeSection.tsx';
import { PreviewPanel } from './PreviewPanel.tsx';
import { runAnnouncement } from './progress-text.ts';
import { ScopeSection } from './ScopeSection.tsx';
import { useSectionStyles } from './section-styles.ts';
import { usePackPreview } from './usePackPreview.ts';
import { matchesShortcut } from '../app/shortcuts.ts';

const useStyles = makeStyles({
  tab: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1100px' },
  // Two columns where there is room (choices beside the preview), one below about 760 px of content.
  columns: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(360px, 1fr))', gap: tokens.spacingHorizontalL, alignItems: 'start' },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  explain: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  go: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  why: { color: tokens.colorNeutralForeground2 },
});

/** Making a pack: what goes in, what that comes to, where it goes, and the export itself. */
export function NewPackTab() {
  const styles = useStyles();
  const section = useSectionStyles();
  const sr = useVisuallyHidden();
  const api = useApi();
  const { choices, destination, run } = useExportSession();
  const frameworks = useFrameworks();
  const framework = useFrameworkView(choices.frameworkId);
  const [confirming, setConfirming] = useState(false);
  const destinationInput = useRef<HTMLInputElement>(null);
  const outcomeHeading = useRef<HTMLHeadingElement>(null);
  const whyId = useId();
  const destinationHeading = useId();

  // The framework starts as the one the person works with (the default, unless they chose another in the top bar),
  // and goes back to it if the one chosen here has since been deleted.
  const { list: frameworkList, activeId } = frameworks;
  useEffect(() => {
    if (!frameworkList || !activeId) return;
    if (choices.frameworkId === null || !frameworkList.some((f) => f.id === choices.frameworkId)) {
      updateExportSession((s) => ({ choices: { ...s.choices, frameworkId: activeId, judgementIds: 'all' } }));
    }
  }, [frameworkList, activeId, choices.frameworkId]);

  const change = useCallback((patch: Partial<ExportChoices>) => updateExportSession((s) => ({ choices: { ...s.choices, ...patch } })), []);

  const allJudgementIds = framework.status === 'ready' ? framework.value.judgements.map((j) => j.id) : [];
  // Which extras the app can include comes from the last preview, and the next request depends on it
  // (toPackOptions): kept in state, updated while rendering when an answer says otherwise. The
  // preview asks again only when the request's text changes, so this settles after one more request at most.
  const [lastAnswer, setLastAnswer] = useState<Availability>(null);
  const options = toPackOptions(choices, lastAnswer, allJudgementIds);
  const preview = usePackPreview(options);
  const answer = preview.preview;
  const available: Availability = answer ? { annexa: answer.annexa, selfEvaluation: answer.selfEvaluation } : null;
  if (answer && JSON.stringify(available) !== JSON.stringify(lastAnswer)) setLastAnswer(available);

  // Before the framework list has loaded there is nothing wrong yet, only something to wait for.
  const problem = choices.frameworkId === null && !frameworks.error ? null : choicesProblem(choices);
  const running = run.kind === 'running';
  const why = running
    ? null
    : problem
      ? problem
      : !destination.trim()
        ? 'Type or choose the destination folder first.'
        : preview.error
          ? 'The preview could not be worked out, so nothing can be exported yet.'
          : !answer || preview.loading
            ? 'Working out what goes in…'
            : answer.evidence === 0
              ? 'There is no evidence to export for these choices.'
              : null;
  const canExport = options !== null && why === null;

  const go = useCallback(() => {
    if (!options) return;
    setConfirming(false);
    void startExport(api, options, destination.trim());
  }, [api, options, destination]);

  const begin = () => {
    if (!canExport) return;
    // The child-level workbook is the one thing a pack can hold that must not reach a shared folder: asked once more.
    if (options.include?.includes('annexa') && options.audience === 'inspection-team') setConfirming(true);
    else go();
  };

  // After an export ends, the focus goes where the news is: the outcome, or the folder field the app refused.
  const lastKind = useRef(run.kind);
  useEffect(() => {
    const was = lastKind.current;
    lastKind.current = run.kind;
    if (was !== 'running' || run.kind === 'running') return;
    if (run.kind === 'failed' && run.field === 'destination') destinationInput.current?.focus();
    else outcomeHeading.current?.focus();
  }, [run]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (matchesShortcut('export-pack', event)) {
      event.preventDefault();
      begin();
    }
  };

  const destinationError = run.kind === 'failed' && run.field === 'destination' ? run.message : null;

  return (
    <div className={styles.tab} onKeyDown={onKeyDown} data-testid="export-new">
      {frameworks.error && !frameworks.list && (
        <MessageBar intent="error">
          <MessageBarBody>{`The frameworks could not be loaded: ${frameworks.error}`}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.columns}>
        <div className={styles.stack}>
          <ScopeSection choices={choices} onChange={change} frameworks={frameworks.list} framework={framework} />
          <IncludeSection choices={choices} onChange={change} available={available} />
        </div>
        <PreviewPanel state={preview} problem={problem} statuses={choices.statuses} />
      </div>

      <section className={section.card} aria-labelledby={destinationHeading}>
        <h3 id={destinationHeading} className={section.heading}>
          Where the pack goes
        </h3>
        <FolderField
          label="Destination folder"
          value={destination}
          onChange={(path) => {
            updateExportSession({ destination: path });
            // The refusal was about the old path; the person is correcting it.
            if (destinationError) clearOutcome();
          }}
          error={destinationError}
          hint="Choose the folder, or type or paste its path: a shared drive such as \\server\share\Inspection\Pack is normal."
          inputRef={destinationInput}
          disabled={running}
          testId="export-destination"
        />
        <ul className={styles.explain}>
          <li>A folder that does not exist yet is created.</li>
          <li>A pack already there is replaced only once the new one has been written and checked, so the folder is never left half-written.</li>
          <li>A folder that holds anything else is refused: choose an empty folder, or the one the last pack went to.</li>
        </ul>

        {running ? (
          <ExportProgress run={run} onCancel={() => void cancelExport(api)} />
        ) : (
          <div className={styles.go}>
            <Button
              appearance="primary"
              icon={<ArrowExportLtr20Regular />}
              // Focusable while disabled, so a keyboard or screen-reader user reaches it and hears why (aria-describedby).
              disabledFocusable={!canExport}
              onClick={begin}
              aria-describedby={why ? whyId : undefined}
              title="Export (Ctrl+Enter)"
              data-testid="export-start"
            >
              Export the pack
            </Button>
            {why && (
              <span id={whyId} className={styles.why}>
                {why}
              </span>
            )}
          </div>
        )}
        {(run.kind === 'done' || run.kind === 'cancelled' || (run.kind === 'failed' && run.field !== 'destination')) && (
          <ExportOutcome ref={outcomeHeading} run={run} onRetry={canExport ? begin : null} onDismiss={clearOutcome} />
        )}
        {/* Always in the page, so the first announcement is not lost. */}
        <div role="status" aria-live="polite" className={sr.hidden} data-testid="export-announce">
          {runAnnouncement(run)}
        </div>
      </section>

      <ConfirmDialog
        open={confirming}
        title="Put the child-level Annex A workbook in this pack?"
        confirm="Export with child-level data"
        danger
        onConfirm={go}
        onCancel={() => setConfirming(false)}
      >
        <p>{`The pack will hold every child’s id, date of birth and postcode, and their workers’ names, in ${destination.trim()}.`}</p>
        <p>Go on only if nobody but the inspection team can open that folder. For anyone else, choose “Anyone on the shared drive” and the pseudonymised copy goes in instead.</p>
      </ConfirmDialog>
    </div>
  );
}

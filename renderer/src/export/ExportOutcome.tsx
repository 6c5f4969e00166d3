import { Button, MessageBar, MessageBarBody, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowClockwise20Regular, CheckmarkCircle24Filled, ErrorCircle24Regular, Info24Regular } from '@fluentui/react-icons';
import { forwardRef } from 'react';
import { formatSize, plural } from '../shared/format.ts';
import { CopyPath } from './CopyPath.tsx';
import type { RunState } from './export-session.ts';
import { durationWords } from './progress-text.ts';
import { useSectionStyles } from './section-styles.ts';
import { VerifyResultView } from './VerifyResultView.tsx';

const useStyles = makeStyles({
  // Set apart from the form above it: this is news, not another field.
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    alignItems: 'stretch',
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
  },
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  good: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  info: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

type Ended = Extract<RunState, { kind: 'done' | 'failed' | 'cancelled' }>;

export interface ExportOutcomeProps {
  run: Ended;
  /** Runs the same export again (disabled when the choices no longer make a pack). */
  onRetry: (() => void) | null;
  onDismiss: () => void;
}

/**
 * How the last export ended. The heading takes the focus when it appears (the parent moves it), so
 * keyboard and screen-reader users land on the result rather than on a Cancel button that went away.
 */
export const ExportOutcome = forwardRef<HTMLHeadingElement, ExportOutcomeProps>(function ExportOutcome({ run, onRetry, onDismiss }, heading) {
  const section = useSectionStyles();
  const styles = useStyles();

  if (run.kind === 'done') {
    const r = run.result;
    return (
      <section className={styles.box} aria-labelledby="export-outcome-heading" data-testid="export-done">
        <h3 id="export-outcome-heading" ref={heading} tabIndex={-1} className={mergeClasses(section.heading, styles.heading)}>
          <CheckmarkCircle24Filled className={styles.good} aria-hidden />
          The pack is written
        </h3>
        <p className={section.p}>{`${plural(r.evidence, 'evidence item')} in ${plural(r.files, 'file')}, ${formatSize(r.bytes)}, in ${durationWords(r.seconds)}.`}</p>
        <p className={section.muted}>
          {r.reused > 0
            ? `${plural(r.copied, 'evidence file')} copied from ${r.copied === 1 ? 'its folder' : 'their folders'}; ${plural(r.reused, 'file')} kept from the pack that was there, unchanged.`
            : `${plural(r.copied, 'evidence file')} copied from ${r.copied === 1 ? 'its folder' : 'their folders'}.`}
        </p>
        <VerifyResultView result={r.verify} />
        <CopyPath path={r.pack} label="Where the pack is" />
        <p className={section.muted}>Open index.html in that folder to see the pack as others will. Anyone can check it later with “Verify a pack”.</p>
        <div className={styles.actions}>
          <Button onClick={onDismiss}>Done</Button>
        </div>
      </section>
    );
  }

  if (run.kind === 'cancelled') {
    return (
      <section className={styles.box} aria-labelledby="export-outcome-heading" data-testid="export-cancelled">
        <h3 id="export-outcome-heading" ref={heading} tabIndex={-1} className={mergeClasses(section.heading, styles.heading)}>
          <Info24Regular className={styles.info} aria-hidden />
          Export cancelled
        </h3>
        <p className={section.p}>{`Nothing was changed: ${run.destination} was left as it was.`}</p>
        <div className={styles.actions}>
          <Button onClick={onDismiss}>Close</Button>
        </div>
      </section>
    );
  }

  return (
    <section className={styles.box} aria-labelledby="export-outcome-heading" data-testid="export-failed">
      <h3 id="export-outcome-heading" ref={heading} tabIndex={-1} className={mergeClasses(section.heading, styles.heading)}>
        <ErrorCircle24Regular className={styles.bad} aria-hidden />
        The pack was not written
      </h3>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{run.message}</MessageBarBody>
      </MessageBar>
      {/* The app's own failures already say so; anything else (a lost connection) gets the sentence here. */}
      {!/left as it was/u.test(run.message) && <p className={section.p}>{`${run.destination} was left as it was.`}</p>}
      <div className={styles.actions}>
        <Button appearance="primary" icon={<ArrowClockwise20Regular />} onClick={onRetry ?? undefined} disabled={!onRetry} data-testid="export-retry">
          Try again
        </Button>
        <Button onClick={onDismiss}>Close</Button>
      </div>
    </section>
  );
});

/**
 * What an export is doing, in words. The screen shows the detail (bytes and files, updated with
 * every event); the live region reads runAnnouncement, which changes only with the phase, so a
 * screen reader hears "Copying the evidence files" once rather than a running count.
 */
import type { PackProgress } from '../../../shared/pack.ts';
import { formatSize, plural } from '../shared/format.ts';
import type { RunState } from './export-session.ts';

const PHASES: Record<PackProgress['phase'], string> = {
  preparing: 'Getting ready: working out which files go in',
  copying: 'Copying the evidence files',
  writing: 'Writing the index, the Excel index and the manifest',
  verifying: 'Checking every file against the manifest',
  done: 'Finished',
  failed: 'The export did not finish',
  cancelled: 'Cancelled',
};

export function phaseWords(phase: PackProgress['phase']): string {
  return PHASES[phase];
}

/**
 * "about 2 minutes left": in full words (the status bar abbreviates to fit; here there is room and
 * a screen reader says "min" badly), and rough on purpose because the copy rate of a shared drive wobbles.
 */
export function timeLeftWords(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return null;
  if (seconds < 10) return 'a few seconds left';
  if (seconds < 60) return 'less than a minute left';
  const minutes = Math.max(1, Math.round(seconds / 60));
  if (minutes < 90) return `about ${plural(minutes, 'minute')} left`;
  return `about ${plural(Math.round(minutes / 60), 'hour')} left`;
}

/** 0..1 for the bar, or undefined (an indeterminate bar) while the phase's total is not known. */
export function progressValue(p: PackProgress): number | undefined {
  if (p.phase === 'done') return 1;
  if (!(p.total > 0)) return undefined;
  return Math.min(1, Math.max(0, p.done / p.total));
}

/** "120 MB of 1.4 GB · 312 files": what the bar stands for, said in numbers too. */
export function progressDetail(p: PackProgress): string {
  const parts: string[] = [];
  if (p.total > 0) parts.push(`${formatSize(p.done)} of ${formatSize(p.total)}`);
  if (p.files > 0) parts.push(plural(p.files, 'file'));
  return parts.join(' · ');
}

/** How long an export took: "4 seconds", "2 minutes 5 seconds". */
export function durationWords(seconds: number): string {
  if (!(seconds >= 1)) return 'under a second';
  const whole = Math.round(seconds);
  if (whole < 60) return plural(whole, 'second');
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  return rest ? `${plural(minutes, 'minute')} ${plural(rest, 'second')}` : plural(minutes, 'minute');
}

/**
 * What the live region says about a run: once per phase while it runs, then how it ended. The
 * words change only when there is news, so a screen reader is not read a running count.
 */
export function runAnnouncement(run: RunState): string {
  switch (run.kind) {
    case 'idle':
      return '';
    case 'running':
      if (run.cancelling) return 'Cancelling the export…';
      return run.progress ? `${phaseWords(run.progress.phase)}…` : 'Export started…';
    case 'done':
      return run.result.verify.ok
        ? `The pack is written. All ${plural(run.result.verify.files, 'file')} match the manifest.`
        : 'The pack is written, but some files do not match the manifest.';
    case 'failed':
      return run.field === 'destination' ? `That folder cannot be used: ${run.message}` : `The pack was not written: ${run.message} The destination was left as it was.`;
    case 'cancelled':
      return 'Export cancelled. The destination was left as it was.';
  }
}

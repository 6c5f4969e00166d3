/** Files that need attention, grouped by why, so a long list reads as a few plain reasons with counts. */
import type { Failure } from '../../../shared/contract.ts';
import { failureGroupSentence, failureLabel } from '../../../shared/failures.ts';

type Status = Failure['status'];

export interface FailureGroup {
  reason: string;
  label: string;
  status: Status;
  /** The group said once: "12 files are password-protected: ask the owner for an unprotected copy…". */
  sentence: string;
  /** The server's plain message for the reason, with what to do (the same for every file in the group). */
  message: string;
  /** The technical detail when every file of the group has the same one: said once, not per file. */
  commonDetail: string | null;
  /** Reading again can help only a file that failed (not one of a kind not supported, or a scan). */
  retryable: boolean;
  failures: Failure[];
}

const STATUS_ORDER: Record<Status, number> = { failed: 0, unsupported: 1, warning: 2 };

/** Groups by reason: files that failed first, then unsupported, then warnings; the biggest group first within each. */
export function groupFailures(failures: readonly Failure[]): FailureGroup[] {
  const groups = new Map<string, FailureGroup>();
  for (const failure of failures) {
    const key = `${failure.status}:${failure.reason}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        reason: failure.reason,
        label: failureLabel(failure.reason),
        status: failure.status,
        sentence: '',
        commonDetail: null,
        message: failure.message,
        retryable: failure.status === 'failed',
        failures: [],
      };
      groups.set(key, group);
    }
    group.failures.push(failure);
  }
  for (const group of groups.values()) {
    group.sentence = failureGroupSentence(group.reason, group.failures.length);
    const details = new Set(group.failures.map((f) => f.detail));
    const [only] = details;
    group.commonDetail = group.failures.length > 1 && details.size === 1 && only && !sameWords(only, group.message) ? only : null;
  }
  return [...groups.values()].sort(
    (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.failures.length - a.failures.length || a.label.localeCompare(b.label),
  );
}

/** The technical detail often repeats the plain message; show it only when it adds something. */
export function sameWords(detail: string, message: string): boolean {
  const words = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return words(message).includes(words(detail));
}

/** Files that need attention, grouped by why, so a long list reads as a few plain reasons with counts. */
import type { Failure } from '../../../shared/contract.ts';
import { failureLabel } from '../../../shared/failures.ts';

type Status = Failure['status'];

export interface FailureGroup {
  reason: string;
  label: string;
  status: Status;
  /** The server's plain message for the reason, with what to do (the same for every file in the group). */
  message: string;
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
      group = { reason: failure.reason, label: failureLabel(failure.reason), status: failure.status, message: failure.message, failures: [] };
      groups.set(key, group);
    }
    group.failures.push(failure);
  }
  return [...groups.values()].sort(
    (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.failures.length - a.failures.length || a.label.localeCompare(b.label),
  );
}

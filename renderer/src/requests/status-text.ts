/** The statuses in words, in board order, and where a card moves with the arrow buttons. */
import type { RequestStatus } from '../../../shared/requests.ts';
import { REQUEST_STATUSES } from '../../../shared/requests.ts';

export const STATUS_LABELS: Record<RequestStatus, string> = { new: 'New', 'in-progress': 'In progress', answered: 'Answered', withdrawn: 'Withdrawn' };

/** The column before or after on the board (null at either end). */
export function neighbour(status: RequestStatus, step: -1 | 1): RequestStatus | null {
  return REQUEST_STATUSES[REQUEST_STATUSES.indexOf(status) + step] ?? null;
}

/** One line of a request's history, from the contract's change record. */
export function historyText(change: { action: string; detail: Record<string, unknown> }): string {
  const d = change.detail;
  switch (change.action) {
    case 'logged':
      return 'Logged';
    case 'status':
      return typeof d.to === 'string' && d.to in STATUS_LABELS ? `Moved to ${STATUS_LABELS[d.to as RequestStatus]}` : 'Status changed';
    case 'edited': {
      const fields = Array.isArray(d.fields) ? d.fields : Object.keys(d);
      return fields.length ? `Edited ${fields.join(', ')}` : 'Edited';
    }
    case 'linked':
      return typeof d.label === 'string' ? `Linked ${d.label}` : 'Linked';
    case 'unlinked':
      return typeof d.label === 'string' ? `Unlinked ${d.label}` : 'Unlinked';
    case 'answered':
      return 'Answered';
    default:
      return change.action;
  }
}

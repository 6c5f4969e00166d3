/**
 * The life of a request: new → in progress → answered, or withdrawn while it is open; an answered
 * or withdrawn request can be reopened (back to in progress). Pure, so the rules are tested alone.
 *
 * A new request may be answered straight away: an inspector's quick question is often answered in
 * the minute it is asked, and making the analyst click "in progress" first would only add a step.
 * Going back to new is refused: "new" means nobody has picked it up yet, which is no longer true.
 * Answered → withdrawn is refused too: an answer was given, so reopen it first if it really was not.
 */
import type { RequestStatus } from '../../shared/requests.ts';
import { ApiFailure } from '../api/errors.ts';

const ALLOWED: Record<RequestStatus, readonly RequestStatus[]> = {
  new: ['in-progress', 'answered', 'withdrawn'],
  'in-progress': ['answered', 'withdrawn'],
  answered: ['in-progress'],
  withdrawn: ['in-progress'],
};

const WORDS: Record<RequestStatus, string> = { new: 'new', 'in-progress': 'in progress', answered: 'answered', withdrawn: 'withdrawn' };

export function canMove(from: RequestStatus, to: RequestStatus): boolean {
  return ALLOWED[from].includes(to);
}

/** The times a move sets: answered records when, withdrawn closes, reopening clears both. */
export interface StatusTimes {
  status: RequestStatus;
  answered: string | null;
  closed: string | null;
}

/**
 * What a request's status and times become when moved from `from` to `to` at `now` (ISO). Refuses a
 * move the rules do not allow, in words, naming the field `status`. Moving to the same status is
 * the caller's no-op, not this function's business.
 */
export function move(from: RequestStatus, to: RequestStatus, now: string): StatusTimes {
  if (!canMove(from, to)) {
    const hint = to === 'new' ? ' A request someone has picked up cannot be new again.' : from === 'answered' || from === 'withdrawn' ? ' Reopen it first (in progress).' : '';
    throw new ApiFailure('invalid-argument', `A request that is ${WORDS[from]} cannot be moved to ${WORDS[to]}.${hint}`, 'status');
  }
  switch (to) {
    case 'answered':
      return { status: to, answered: now, closed: now };
    case 'withdrawn':
      return { status: to, answered: null, closed: now };
    default:
      // Reopening (or picking up): it is open again, so it has neither an answer time nor an end.
      return { status: to, answered: null, closed: null };
  }
}

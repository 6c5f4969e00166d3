import { describe, expect, it } from 'vitest';
import { canMove, move } from '../../../core/requests/status.ts';
import { REQUEST_STATUSES } from '../../../shared/requests.ts';

const NOW = '2026-12-02T14:30:00.000Z';

describe('request status rules', () => {
  it('allows new → in progress → answered, withdrawing while open, and reopening', () => {
    const allowed = REQUEST_STATUSES.flatMap((from) => REQUEST_STATUSES.filter((to) => canMove(from, to)).map((to) => `${from}→${to}`));
    expect(allowed.sort()).toEqual(
      ['new→in-progress', 'new→answered', 'new→withdrawn', 'in-progress→answered', 'in-progress→withdrawn', 'answered→in-progress', 'withdrawn→in-progress'].sort(),
    );
  });

  it('records the answer time, closes on withdrawal, and clears both on reopening', () => {
    expect(move('in-progress', 'answered', NOW)).toEqual({ status: 'answered', answered: NOW, closed: NOW });
    expect(move('new', 'withdrawn', NOW)).toEqual({ status: 'withdrawn', answered: null, closed: NOW });
    expect(move('answered', 'in-progress', NOW)).toEqual({ status: 'in-progress', answered: null, closed: null });
    expect(move('withdrawn', 'in-progress', NOW)).toEqual({ status: 'in-progress', answered: null, closed: null });
  });

  it('refuses the rest in words, naming the status field', () => {
    expect(() => move('in-progress', 'new', NOW)).toThrow(expect.objectContaining({ code: 'invalid-argument', field: 'status' }));
    expect(() => move('answered', 'withdrawn', NOW)).toThrow(/Reopen it first/u);
    expect(() => move('withdrawn', 'answered', NOW)).toThrow(/cannot be moved to answered/u);
  });
});

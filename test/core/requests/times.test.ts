import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toStoredTime } from '../../../core/requests/times.ts';
import { formatDateTime, localWallClock } from '../../../shared/dates.ts';

// The analyst's laptop is in England: GMT in winter, BST (UTC+1) in summer.
const before = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/London';
});
afterAll(() => {
  if (before === undefined) delete process.env.TZ;
  else process.env.TZ = before;
});

describe('request log times', () => {
  it('reads a typed time without a zone as local time and stores UTC', () => {
    expect(toStoredTime('2026-12-02T14:30', 'due')).toBe('2026-12-02T14:30:00.000Z'); // GMT
    expect(toStoredTime('2026-06-02T14:30', 'due')).toBe('2026-06-02T13:30:00.000Z'); // BST
    expect(toStoredTime('2026-06-02T14:30:15', 'due')).toBe('2026-06-02T13:30:15.000Z');
  });

  it('takes a time with a zone as it says', () => {
    expect(toStoredTime('2026-06-02T14:30Z', 'due')).toBe('2026-06-02T14:30:00.000Z');
    expect(toStoredTime('2026-06-02T14:30:00.000+02:00', 'due')).toBe('2026-06-02T12:30:00.000Z');
  });

  it('moves a time in the hour skipped in March on, as the clock does', () => {
    expect(toStoredTime('2026-03-29T01:30', 'due')).toBe('2026-03-29T01:30:00.000Z'); // 02:30 BST
  });

  it('refuses what is not a real date and time, naming the field', () => {
    for (const bad of ['2026-04-31T10:00', '2026-12-02', '02/12/2026 14:30', '2026-12-02T24:00', 'tomorrow']) {
      expect(() => toStoredTime(bad, 'due'), bad).toThrow(expect.objectContaining({ code: 'invalid-argument', field: 'due' }));
    }
  });

  it('shows stored times as local wall-clock time', () => {
    expect(formatDateTime('2026-06-02T13:30:00.000Z')).toBe('02/06/2026 14:30');
    expect(formatDateTime('2026-12-02T14:30:00.000Z')).toBe('02/12/2026 14:30');
    expect(localWallClock('2026-06-02T13:30:05.000Z')).toBe('2026-06-02T14:30:05');
  });
});

import { describe, expect, it } from 'vitest';
import { isDueSoon, isOpen, isOverdue, minutesOpen, requestMethods } from '../../shared/requests.ts';

const NOW = new Date('2026-12-02T14:00:00.000Z');

describe('request log rules shared by the screen and the core', () => {
  it('is open while new or in progress', () => {
    expect([isOpen('new'), isOpen('in-progress'), isOpen('answered'), isOpen('withdrawn')]).toEqual([true, true, false, false]);
  });

  it('is overdue once an open request is past its due time, and never when answered or with no due time', () => {
    expect(isOverdue({ status: 'new', due: '2026-12-02T13:59:00.000Z' }, NOW)).toBe(true);
    expect(isOverdue({ status: 'in-progress', due: '2026-12-02T14:00:00.000Z' }, NOW)).toBe(false);
    expect(isOverdue({ status: 'answered', due: '2026-12-02T10:00:00.000Z' }, NOW)).toBe(false);
    expect(isOverdue({ status: 'withdrawn', due: '2026-12-02T10:00:00.000Z' }, NOW)).toBe(false);
    expect(isOverdue({ status: 'new', due: null }, NOW)).toBe(false);
  });

  it('is due soon when open and due within the next hour, not when overdue', () => {
    expect(isDueSoon({ status: 'new', due: '2026-12-02T14:00:00.000Z' }, NOW)).toBe(true);
    expect(isDueSoon({ status: 'new', due: '2026-12-02T15:00:00.000Z' }, NOW)).toBe(true);
    expect(isDueSoon({ status: 'new', due: '2026-12-02T15:00:01.000Z' }, NOW)).toBe(false);
    expect(isDueSoon({ status: 'new', due: '2026-12-02T13:59:00.000Z' }, NOW)).toBe(false);
    expect(isDueSoon({ status: 'answered', due: '2026-12-02T14:30:00.000Z' }, NOW)).toBe(false);
    expect(isDueSoon({ status: 'new', due: null }, NOW)).toBe(false);
  });

  it('counts minutes open to the close, or to now', () => {
    expect(minutesOpen({ received: '2026-12-02T09:00:00.000Z', closed: '2026-12-02T10:30:00.000Z' }, NOW)).toBe(90);
    expect(minutesOpen({ received: '2026-12-02T13:00:00.000Z', closed: null }, NOW)).toBe(60);
    expect(minutesOpen({ received: '2026-12-02T15:00:00.000Z', closed: null }, NOW)).toBe(0);
  });

  it('accepts typed times without a zone and refuses other shapes', () => {
    const add = requestMethods['requests.add'].input;
    expect(add.safeParse({ text: 'QA report', inspector: 'Jo', due: '2026-12-02T14:30' }).success).toBe(true);
    expect(add.safeParse({ text: 'QA report', inspector: 'Jo', due: '02/12/2026 14:30' }).success).toBe(false);
    expect(add.safeParse({ text: ' ', inspector: 'Jo' }).success).toBe(false);
  });
});

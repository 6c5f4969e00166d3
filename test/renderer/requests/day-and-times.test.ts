// @vitest-environment jsdom
/** The pure sums behind Today and the words for times, with a fixed clock; and the area's shortcuts. */
import { describe, expect, it } from 'vitest';
import { AREAS, AREA_LABELS } from '../../../renderer/src/app/areas.ts';
import { SHORTCUTS, shortcutFor } from '../../../renderer/src/app/shortcuts.ts';
import { countBy, weekStrip } from '../../../renderer/src/requests/day.ts';
import { durationWords, formatUkDateTime, fromLocalInput, toLocalInput } from '../../../renderer/src/requests/time-text.ts';
import { request } from './fake-api.tsx';

const key = (k: string, code: string, mods: Partial<KeyboardEvent> = {}) => ({ key: k, code, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, target: null, ...mods });

describe('times in words', () => {
  it('British day-first dates with a 24-hour clock, and durations a card can show', () => {
    expect(formatUkDateTime(new Date(2024, 2, 5, 9, 7).toISOString())).toBe('05/03/2024 09:07');
    expect(durationWords(0)).toBe('less than a minute');
    expect(durationWords(25)).toBe('25 min');
    expect(durationWords(125)).toBe('2 h 5 min');
    expect(durationWords(60 * 27)).toBe('1 day 3 h');
    const iso = fromLocalInput('2024-03-13T11:30');
    expect(iso).toBe(new Date(2024, 2, 13, 11, 30).toISOString());
    expect(toLocalInput(iso)).toBe('2024-03-13T11:30');
    expect(fromLocalInput('')).toBeNull();
  });
});

describe('the week and the counts', () => {
  it('Monday to Friday of this week, answered against open; withdrawn left out', () => {
    const now = new Date(2024, 2, 13, 10); // a Wednesday
    const on = (d: number) => new Date(2024, 2, d, 9).toISOString();
    const days = weekStrip(
      [request({ id: 1, received: on(11) }), request({ id: 2, received: on(13), status: 'answered' }), request({ id: 3, received: on(13) }), request({ id: 4, received: on(13), status: 'withdrawn' })],
      now,
    );
    expect(days.map((d) => d.label)).toEqual(['Mon 11/03', 'Tue 12/03', 'Wed 13/03', 'Thu 14/03', 'Fri 15/03']);
    expect(days.map((d) => [d.answered, d.open])).toEqual([[0, 1], [0, 0], [1, 1], [0, 0], [0, 0]]);
    expect(days[2].isToday).toBe(true);
  });

  it('counts by inspector, most open first', () => {
    const counts = countBy([request({ id: 1, inspector: 'A', status: 'answered' }), request({ id: 2, inspector: 'B' }), request({ id: 3, inspector: 'B' })], (r) => r.inspector, (k) => k);
    expect(counts.map((c) => [c.label, c.open, c.total])).toEqual([['B', 2, 2], ['A', 0, 1]]);
  });
});

describe('Requests in the navigation', () => {
  it('Alt+6 after Export; Ctrl+Shift+L logs a request from anywhere, even while typing', () => {
    expect(AREAS[5]).toBe('requests');
    expect(AREA_LABELS.requests).toBe('Requests');
    expect(shortcutFor(key('6', 'Digit6', { altKey: true }))).toBe('area-6');
    const input = document.createElement('input');
    expect(shortcutFor(key('L', 'KeyL', { ctrlKey: true, shiftKey: true, target: input }))).toBe('log-request');
    expect(shortcutFor(key('l', 'KeyL', { ctrlKey: true }))).toBeNull();
    expect(SHORTCUTS.some((s) => s.keys === 'Ctrl+Shift+L')).toBe(true);
    expect(SHORTCUTS.some((s) => s.keys === 'Alt+6' && s.action === 'Requests')).toBe(true);
  });
});

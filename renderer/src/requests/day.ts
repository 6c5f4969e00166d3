/**
 * The "Today" view's sums, as pure functions of the requests and a clock so they can be tested with
 * a fixed time: which requests are overdue, due within the hour, still open, answered today; the
 * counts by inspector and judgement; and the week at a glance. The state rules themselves (open,
 * overdue, due soon, time open) are the contract's, in shared/requests.ts.
 */
import { isDueSoon, isOpen, isOverdue, type InspectorRequest } from '../../../shared/requests.ts';
import { sameDay } from './time-text.ts';

export interface DayGroups {
  /** Most late first. */
  overdue: InspectorRequest[];
  /** Soonest first. */
  dueSoon: InspectorRequest[];
  /** Open, neither overdue nor due within the hour: those with a due time first (soonest), then oldest received. */
  open: InspectorRequest[];
  /** Answered today, latest first. */
  answeredToday: InspectorRequest[];
}

const due = (r: InspectorRequest) => (r.due ? Date.parse(r.due) : Number.POSITIVE_INFINITY);

export function groupDay(requests: readonly InspectorRequest[], now: Date): DayGroups {
  const overdue = requests.filter((r) => isOverdue(r, now)).sort((a, b) => due(a) - due(b));
  const dueSoon = requests.filter((r) => isDueSoon(r, now)).sort((a, b) => due(a) - due(b));
  const open = requests
    .filter((r) => isOpen(r.status) && !isOverdue(r, now) && !isDueSoon(r, now))
    .sort((a, b) => due(a) - due(b) || Date.parse(a.received) - Date.parse(b.received));
  const answeredToday = requests
    .filter((r) => r.status === 'answered' && r.answered !== null && sameDay(new Date(r.answered), now))
    .sort((a, b) => Date.parse(b.answered ?? '') - Date.parse(a.answered ?? ''));
  return { overdue, dueSoon, open, answeredToday };
}

export interface Count {
  key: string;
  label: string;
  open: number;
  total: number;
}

/**
 * Requests per inspector (or per judgement), with how many are still open: who is waiting on us,
 * and where the questions are. Withdrawn requests are left out; most open first.
 */
export function countBy(requests: readonly InspectorRequest[], keyOf: (r: InspectorRequest) => string | null, labelOf: (key: string) => string): Count[] {
  const counts = new Map<string, Count>();
  for (const r of requests) {
    if (r.status === 'withdrawn') continue;
    const key = keyOf(r) ?? '';
    const c = counts.get(key) ?? { key, label: key ? labelOf(key) : 'None given', open: 0, total: 0 };
    c.total++;
    if (isOpen(r.status)) c.open++;
    counts.set(key, c);
  }
  return [...counts.values()].sort((a, b) => b.open - a.open || b.total - a.total || a.label.localeCompare(b.label));
}

export interface WeekDay {
  date: Date;
  /** "Mon 11/03". */
  label: string;
  /** Received that day and answered since. */
  answered: number;
  /** Received that day and still open. */
  open: number;
  isToday: boolean;
}

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Monday to Friday of the week `now` is in (a weekend shows the week just gone): requests received each day, answered against open. */
export function weekStrip(requests: readonly InspectorRequest[], now: Date): WeekDay[] {
  const monday = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const back = (monday.getDay() + 6) % 7; // days since Monday
  monday.setDate(monday.getDate() - back);
  const days: WeekDay[] = [];
  for (let i = 0; i < 5; i++) {
    const date = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + i);
    const received = requests.filter((r) => r.status !== 'withdrawn' && sameDay(new Date(r.received), date));
    days.push({
      date,
      label: `${DAY_NAMES[date.getDay()]} ${String(date.getDate()).padStart(2, '0')}/${String(date.getMonth() + 1).padStart(2, '0')}`,
      answered: received.filter((r) => r.status === 'answered').length,
      open: received.filter((r) => isOpen(r.status)).length,
      isToday: sameDay(date, now),
    });
  }
  return days;
}

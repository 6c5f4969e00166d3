/**
 * "Today": the daily catch-up. What is overdue (most late first), what is due within the hour, what
 * else is open, what was answered today; the counts by inspector and by judgement; the week so far.
 * The clock comes in as a prop, so the parent's 30-second tick moves requests between the lists.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { InspectorRequest } from '../../../shared/requests.ts';
import { countBy, groupDay, type Count } from './day.ts';
import { RequestCard } from './RequestCard.tsx';
import { WeekStrip } from './WeekStrip.tsx';

const useStyles = makeStyles({
  view: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(220px, 280px)', gap: tokens.spacingHorizontalXL, alignItems: 'start' },
  lists: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  side: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  heading: { margin: `0 0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  overdueHeading: { color: tokens.colorPaletteRedForeground1 },
  list: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { padding: tokens.spacingVerticalS, borderRadius: tokens.borderRadiusMedium, border: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground1 },
  overdueItem: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  none: { margin: 0, color: tokens.colorNeutralForeground3 },
  counts: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, '& th, & td': { textAlign: 'start', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}` }, '& td:not(:first-child), & th:not(:first-child)': { textAlign: 'end' } },
});

interface Props {
  requests: InspectorRequest[];
  now: Date;
  judgementTitle: (id: string) => string;
  onOpen: (id: number) => void;
}

export function TodayView({ requests, now, judgementTitle, onOpen }: Props) {
  const styles = useStyles();
  const day = useMemo(() => groupDay(requests, now), [requests, now]);
  const byInspector = useMemo(() => countBy(requests, (r) => r.inspector, (k) => k), [requests]);
  const byJudgement = useMemo(() => countBy(requests, (r) => r.judgementId, judgementTitle), [requests, judgementTitle]);

  const section = (id: string, title: string, list: InspectorRequest[], empty: string, overdue = false) => (
    <section aria-labelledby={id} data-testid={id}>
      <h3 id={id} className={overdue && list.length ? `${styles.heading} ${styles.overdueHeading}` : styles.heading}>
        {title} ({list.length})
      </h3>
      {list.length === 0 ? (
        <p className={styles.none}>{empty}</p>
      ) : (
        <ul className={styles.list}>
          {list.map((r) => (
            <li key={r.id} className={overdue ? `${styles.item} ${styles.overdueItem}` : styles.item} data-testid="today-request">
              <RequestCard request={r} now={now} onOpen={onOpen} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );

  return (
    <div className={styles.view}>
      <div className={styles.lists}>
        {section('today-overdue', 'Overdue', day.overdue, 'Nothing is overdue.', true)}
        {section('today-due-soon', 'Due within the hour', day.dueSoon, 'Nothing is due in the next hour.')}
        {section('today-open', 'Open', day.open, 'No other requests are open.')}
        {section('today-answered', 'Answered today', day.answeredToday, 'Nothing answered yet today.')}
      </div>
      <div className={styles.side}>
        <WeekStrip requests={requests} now={now} />
        <CountTable caption="By inspector" first="Inspector" counts={byInspector} className={styles.counts} headingClass={styles.heading} />
        <CountTable caption="By judgement" first="Judgement" counts={byJudgement} className={styles.counts} headingClass={styles.heading} />
      </div>
    </div>
  );
}

function CountTable({ caption, first, counts, className, headingClass }: { caption: string; first: string; counts: Count[]; className: string; headingClass: string }) {
  return (
    <section aria-label={caption}>
      <h3 className={headingClass}>{caption}</h3>
      <table className={className}>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            <th scope="col">Open</th>
            <th scope="col">All</th>
          </tr>
        </thead>
        <tbody>
          {counts.map((c) => (
            <tr key={c.key}>
              <th scope="row">{c.label}</th>
              <td>{c.open}</td>
              <td>{c.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

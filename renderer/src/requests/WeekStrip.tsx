/**
 * The week at a glance: Monday to Friday, requests received each day as a bar split into answered
 * and open, with the numbers written beside it (the bar is decoration; the words carry the meaning).
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { InspectorRequest } from '../../../shared/requests.ts';
import { weekStrip } from './day.ts';

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  day: { display: 'grid', gridTemplateColumns: '72px minmax(0, 1fr)', gap: tokens.spacingHorizontalS, alignItems: 'center', fontSize: tokens.fontSizeBase200 },
  today: { fontWeight: tokens.fontWeightSemibold },
  bar: { display: 'flex', height: '10px', borderRadius: tokens.borderRadiusSmall, overflow: 'hidden', backgroundColor: tokens.colorNeutralBackground3 },
  answered: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  open: { backgroundColor: tokens.colorPaletteMarigoldBackground3 },
  words: { gridColumn: '2', color: tokens.colorNeutralForeground3 },
  heading: { margin: `0 0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

export function WeekStrip({ requests, now }: { requests: InspectorRequest[]; now: Date }) {
  const styles = useStyles();
  const days = weekStrip(requests, now);
  const most = Math.max(1, ...days.map((d) => d.answered + d.open));
  return (
    <section aria-labelledby="week-strip" data-testid="week-strip">
      <h3 id="week-strip" className={styles.heading}>
        This week
      </h3>
      <ul className={styles.list}>
        {days.map((d) => (
          <li key={d.label} className={mergeClasses(styles.day, d.isToday && styles.today)} aria-current={d.isToday ? 'date' : undefined}>
            <span>{d.label}</span>
            <span className={styles.bar} aria-hidden>
              <span className={styles.answered} style={{ width: `${(d.answered / most) * 100}%` }} />
              <span className={styles.open} style={{ width: `${(d.open / most) * 100}%` }} />
            </span>
            <span className={styles.words}>
              {d.answered + d.open === 0 ? 'none received' : `${d.answered + d.open} received: ${d.answered} answered, ${d.open} open`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * One request as a compact card, used by the Today lists and the board: the words, who asked, when
 * it is due (and how late, in words and red, not colour alone), how long it has been open.
 */
import { Badge, Link, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { isOverdue, minutesOpen, type InspectorRequest } from '../../../shared/requests.ts';
import { durationWords, formatWhen, minutesBetween } from './time-text.ts';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  text: { fontWeight: tokens.fontWeightSemibold, textAlign: 'start', overflowWrap: 'anywhere', display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical', overflow: 'hidden' },
  meta: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, alignItems: 'center' },
  late: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

export function RequestCard({ request, now, onOpen, children }: { request: InspectorRequest; now: Date; onOpen: (id: number) => void; children?: ReactNode }) {
  const styles = useStyles();
  const late = isOverdue(request, now) && request.due ? minutesBetween(request.due, now) : null;
  return (
    <div className={styles.card}>
      <Link as="button" className={styles.text} onClick={() => onOpen(request.id)} data-testid="request-open">
        {request.text}
      </Link>
      <div className={styles.meta}>
        <span>#{request.id}</span>
        <span>{request.inspector}</span>
        {request.priority === 'high' && (
          <Badge appearance="filled" color="important" size="small">
            High
          </Badge>
        )}
        {late !== null ? (
          <span className={styles.late} data-testid="request-late">
            Overdue by {durationWords(late)} (due {formatWhen(request.due, now)})
          </span>
        ) : (
          request.due && <span>due {formatWhen(request.due, now)}</span>
        )}
        <span>{request.closed ? 'was open' : 'open'} {durationWords(minutesOpen(request, now))}</span>
        {request.owner && <span>owner {request.owner}</span>}
      </div>
      {children}
    </div>
  );
}

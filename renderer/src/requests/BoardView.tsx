/**
 * The board: a column per status. A card moves with its arrow buttons, with Ctrl+Left/Right while
 * focus is on it, or by dragging it to another column; each move is one requests.setStatus (the
 * backend times it in the history). Clicking a card's words opens the request panel.
 */
import { Button, Tooltip, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowLeft16Regular, ArrowRight16Regular } from '@fluentui/react-icons';
import { useState, type KeyboardEvent } from 'react';
import { REQUEST_STATUSES, type InspectorRequest, type RequestStatus } from '../../../shared/requests.ts';
import { RequestCard } from './RequestCard.tsx';
import { STATUS_LABELS, neighbour } from './status-text.ts';
import { matchesShortcut } from '../app/shortcuts.ts';

const DRAG_TYPE = 'application/x-evidence-request';

const useStyles = makeStyles({
  board: { display: 'grid', gridTemplateColumns: 'repeat(4, minmax(180px, 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'start', overflowX: 'auto' },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingVerticalS, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2, minHeight: '120px' },
  over: { outline: `2px dashed ${tokens.colorBrandStroke1}` },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: { padding: tokens.spacingVerticalS, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1, border: `1px solid ${tokens.colorNeutralStroke2}` },
  moves: { display: 'flex', justifyContent: 'space-between' },
  empty: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

interface Props {
  requests: InspectorRequest[];
  now: Date;
  onOpen: (id: number) => void;
  onMove: (request: InspectorRequest, status: RequestStatus) => void;
}

export function BoardView({ requests, now, onOpen, onMove }: Props) {
  const styles = useStyles();
  const [over, setOver] = useState<RequestStatus | null>(null);

  const onCardKeys = (event: KeyboardEvent, r: InspectorRequest) => {
    if (!matchesShortcut('request-move', event)) return;
    const to = neighbour(r.status, event.key === 'ArrowLeft' ? -1 : 1);
    if (!to) return;
    event.preventDefault();
    onMove(r, to);
  };

  return (
    <div className={styles.board} data-testid="request-board">
      {REQUEST_STATUSES.map((status) => {
        const cards = requests.filter((r) => r.status === status);
        return (
          <section
            key={status}
            aria-labelledby={`board-${status}`}
            className={mergeClasses(styles.column, over === status && styles.over)}
            data-testid={`board-${status}`}
            onDragOver={(event) => {
              if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
              event.preventDefault();
              setOver(status);
            }}
            onDragLeave={() => setOver(null)}
            onDrop={(event) => {
              setOver(null);
              const id = Number(event.dataTransfer.getData(DRAG_TYPE));
              const r = requests.find((x) => x.id === id);
              if (r && r.status !== status) onMove(r, status);
            }}
          >
            <h3 id={`board-${status}`} className={styles.heading}>
              {STATUS_LABELS[status]} ({cards.length})
            </h3>
            {cards.length === 0 ? (
              <p className={styles.empty}>None</p>
            ) : (
              <ul className={styles.list}>
                {cards.map((r) => {
                  const back = neighbour(r.status, -1);
                  const next = neighbour(r.status, 1);
                  return (
                    <li
                      key={r.id}
                      className={styles.card}
                      draggable
                      onDragStart={(event) => event.dataTransfer.setData(DRAG_TYPE, String(r.id))}
                      onKeyDown={(event) => onCardKeys(event, r)}
                      data-testid="board-card"
                    >
                      <RequestCard request={r} now={now} onOpen={onOpen}>
                        <div className={styles.moves}>
                          {back ? (
                            <Tooltip content={`Move to ${STATUS_LABELS[back]} (Ctrl+Left)`} relationship="label">
                              <Button size="small" appearance="subtle" icon={<ArrowLeft16Regular />} onClick={() => onMove(r, back)} />
                            </Tooltip>
                          ) : (
                            <span />
                          )}
                          {next && (
                            <Tooltip content={`Move to ${STATUS_LABELS[next]} (Ctrl+Right)`} relationship="label">
                              <Button size="small" appearance="subtle" icon={<ArrowRight16Regular />} onClick={() => onMove(r, next)} />
                            </Tooltip>
                          )}
                        </div>
                      </RequestCard>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

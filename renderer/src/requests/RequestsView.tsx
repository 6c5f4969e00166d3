/**
 * The Requests area: the onsite week's queue. "Today" (the default) for the daily catch-up, the
 * board to move requests along, a panel for one request, "Log a request" and "Export to Excel".
 * Everything is summed from one requests.list, reloaded on every change; the clock ticks every 30 s
 * so a request turns overdue on screen without a reload.
 */
import { Button, MessageBar, MessageBarBody, Spinner, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { useCallback, useState } from 'react';
import type { InspectorRequest, RequestStatus } from '../../../shared/requests.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { useVisuallyHidden } from '../shared/visually-hidden.ts';
import { BoardView } from './BoardView.tsx';
import { notifyRequestsChanged, useNow } from './changes.ts';
import { ExportLogButton } from './ExportLogButton.tsx';
import { RequestPanel } from './RequestPanel.tsx';
import { STATUS_LABELS } from './status-text.ts';
import { formatUkDateTime } from './time-text.ts';
import { TodayView } from './TodayView.tsx';
import { useDefaultJudgements, useRequestList } from './useRequests.ts';

const useStyles = makeStyles({
  view: { height: '100%', overflowY: 'auto', padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`, boxSizing: 'border-box', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  top: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, flex: 1 },
  clock: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  empty: { maxWidth: '60ch', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
});

type Tab = 'today' | 'board';

export interface RequestsViewProps {
  onOpenDocument: (documentId: number, page: number) => void;
  onOpenSearch: (query: string) => void;
  onLogRequest: () => void;
}

export function RequestsView({ onOpenDocument, onOpenSearch, onLogRequest }: RequestsViewProps) {
  const styles = useStyles();
  const hidden = useVisuallyHidden();
  const api = useApi();
  const list = useRequestList();
  const now = useNow();
  const { frameworkId, judgements } = useDefaultJudgements();
  const [tab, setTab] = useState<Tab>('today');
  const [openId, setOpenId] = useState<number | null>(null);
  const [announce, setAnnounce] = useState('');
  const [error, setError] = useState<string | null>(null);

  const judgementTitle = useCallback((id: string) => judgements.find((j) => j.id === id)?.title ?? id, [judgements]);
  const requests = list.status === 'ready' ? list.requests : [];
  const open = requests.find((r) => r.id === openId) ?? null;

  const move = (r: InspectorRequest, status: RequestStatus) => {
    setError(null);
    api.call('requests.setStatus', { id: r.id, status }).then(
      () => {
        notifyRequestsChanged();
        setAnnounce(`Request ${r.id} moved to ${STATUS_LABELS[status]}.`);
      },
      (e) => setError(errorMessage(e)),
    );
  };

  return (
    <div className={styles.view} data-testid="requests-view">
      <div className={styles.top}>
        <h2 className={styles.title}>Inspector requests</h2>
        <span className={styles.clock}>As of {formatUkDateTime(now.toISOString())}</span>
        <Button appearance="primary" icon={<Add20Regular />} onClick={onLogRequest} title="Ctrl+Shift+L from anywhere">
          Log a request
        </Button>
        <ExportLogButton onDone={setAnnounce} onError={setError} />
      </div>
      <div role="status" aria-live="polite" className={hidden.hidden} data-testid="requests-announce">
        {announce}
      </div>
      {error && (
        <MessageBar intent="error" data-testid="requests-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as Tab)} aria-label="Views of the request log">
        <Tab value="today">Today</Tab>
        <Tab value="board">Board</Tab>
      </TabList>
      {list.status === 'loading' ? (
        <Spinner label="Loading the requests…" />
      ) : list.status === 'error' ? (
        <MessageBar intent={list.unavailable ? 'warning' : 'error'} data-testid="requests-load-error">
          <MessageBarBody>{list.unavailable ? `The request log is not available in this version of the app yet (${list.message})` : list.message}</MessageBarBody>
        </MessageBar>
      ) : requests.length === 0 ? (
        <div className={styles.empty} data-testid="requests-empty">
          <p>
            No requests logged yet. During the onsite week, log each thing an inspector asks for here (Ctrl+Shift+L from anywhere): who asked, what,
            and by when. Then link the documents or searches that answer it, write the response and mark it answered; the log exports to Excel.
          </p>
          <Button appearance="primary" icon={<Add20Regular />} onClick={onLogRequest}>
            Log the first request
          </Button>
        </div>
      ) : tab === 'today' ? (
        <TodayView requests={requests} now={now} judgementTitle={judgementTitle} onOpen={setOpenId} />
      ) : (
        <BoardView requests={requests} now={now} onOpen={setOpenId} onMove={move} />
      )}
      <RequestPanel
        request={open}
        now={now}
        judgements={judgements}
        frameworkId={frameworkId}
        onClose={() => setOpenId(null)}
        onAnnounce={setAnnounce}
        onOpenDocument={onOpenDocument}
        onOpenSearch={onOpenSearch}
      />
    </div>
  );
}

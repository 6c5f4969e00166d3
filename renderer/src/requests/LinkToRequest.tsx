/**
 * "Link to request": one action from where the answer is (a search result, the document view, the
 * search itself). The menu lists the open requests, most recently received first (the list comes
 * newest first), fetched when it opens; choosing one calls requests.link and says so.
 */
import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { Link20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { isOpen, type InspectorRequest, type RequestLinkInput } from '../../../shared/requests.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { notifyRequestsChanged } from './changes.ts';

const useStyles = makeStyles({
  item: { maxWidth: '420px', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  said: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  wrap: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

interface Props {
  link: RequestLinkInput;
  /** The button's words: "Link to request", "Link this search". */
  label?: string;
  /** Icon only (a search result's row is narrow); the label becomes its accessible name. */
  compact?: boolean;
}

export function LinkToRequest({ link, label = 'Link to request', compact = false }: Props) {
  const styles = useStyles();
  const api = useApi();
  const [requests, setRequests] = useState<InspectorRequest[] | null>(null);
  const [said, setSaid] = useState('');

  const load = () => {
    setRequests(null);
    api.call('requests.list', { statuses: ['new', 'in-progress'] }).then(
      (list) => setRequests(list.filter((r) => isOpen(r.status))),
      (e) => {
        setRequests([]);
        setSaid(errorMessage(e));
      },
    );
  };

  const choose = async (r: InspectorRequest) => {
    try {
      await api.call('requests.link', { id: r.id, link });
      notifyRequestsChanged();
      setSaid(`Linked to request #${r.id}`);
    } catch (e) {
      setSaid(errorMessage(e));
    }
  };

  const trigger = (
    <Button size="small" appearance="subtle" icon={<Link20Regular />} aria-label={compact ? label : undefined} data-testid="link-to-request">
      {compact ? undefined : label}
    </Button>
  );

  return (
    // Clicks here must not select or open the search result around it.
    <span className={styles.wrap} onClick={(e) => e.stopPropagation()} onDoubleClick={(e) => e.stopPropagation()}>
      <Menu onOpenChange={(_, d) => d.open && load()}>
        <MenuTrigger disableButtonEnhancement>{compact ? <Tooltip content={label} relationship="description">{trigger}</Tooltip> : trigger}</MenuTrigger>
        <MenuPopover>
          <MenuList>
            {requests === null ? (
              <MenuItem disabled>Loading the open requests…</MenuItem>
            ) : requests.length === 0 ? (
              <MenuItem disabled>No open requests. Log one with Ctrl+Shift+L.</MenuItem>
            ) : (
              requests.map((r) => (
                <MenuItem key={r.id} onClick={() => void choose(r)} className={styles.item} title={r.text}>
                  #{r.id} {r.inspector}: {r.text}
                </MenuItem>
              ))
            )}
          </MenuList>
        </MenuPopover>
      </Menu>
      <span role="status" className={styles.said}>
        {said}
      </span>
    </span>
  );
}

import { ToggleButton, makeStyles } from '@fluentui/react-components';
import { ShieldCheckmark20Regular } from '@fluentui/react-icons';
import { useCallback, useState } from 'react';

const KEY = 'evidence-store.evidencePanel';

const useStyles = makeStyles({ toggle: { marginLeft: 'auto' } });

/** Whether the evidence panel is shown beside documents (remembered on this computer; shown by default). */
export function useEvidencePanelOpen(): [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(() => {
    try {
      return window.localStorage.getItem(KEY) !== 'closed';
    } catch {
      return true;
    }
  });
  const set = useCallback((next: boolean) => {
    setOpen(next);
    try {
      window.localStorage.setItem(KEY, next ? 'open' : 'closed');
    } catch {
      // Not remembered; fine for this session.
    }
  }, []);
  return [open, set];
}

export function EvidenceToggle({ open, onChange }: { open: boolean; onChange: (open: boolean) => void }) {
  const styles = useStyles();
  return (
    <ToggleButton className={styles.toggle} size="small" appearance="subtle" checked={open} icon={<ShieldCheckmark20Regular />} onClick={() => onChange(!open)} aria-controls="evidence-panel">
      Evidence
    </ToggleButton>
  );
}

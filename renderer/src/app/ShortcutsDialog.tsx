import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from '@fluentui/react-components';
import { SHORTCUTS } from './shortcuts.ts';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%' },
  group: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, paddingTop: tokens.spacingVerticalM, paddingBottom: tokens.spacingVerticalXS },
  keys: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'pre', paddingRight: tokens.spacingHorizontalXL, paddingBlock: tokens.spacingVerticalXS, verticalAlign: 'top' },
});

/** Every shortcut of the app (shortcuts.ts), grouped by where it works. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const styles = useStyles();
  const groups = [...new Set(SHORTCUTS.map((s) => s.where))];
  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Keyboard shortcuts</DialogTitle>
          {/* Focusable: on a short screen the list scrolls, and the keyboard must be able to scroll it. */}
          <DialogContent tabIndex={0} role="region" aria-label="Shortcuts">
            <table className={styles.table} data-testid="shortcuts-table">
              {groups.map((where) => (
                <tbody key={where}>
                  <tr>
                    <th colSpan={2} scope="colgroup" className={styles.group}>
                      {where}
                    </th>
                  </tr>
                  {SHORTCUTS.filter((s) => s.where === where).map((s) => (
                    <tr key={s.id} data-shortcut={s.id}>
                      <td className={styles.keys}>
                        <kbd>{s.keys}</kbd>
                      </td>
                      <td>{s.action}</td>
                    </tr>
                  ))}
                </tbody>
              ))}
            </table>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

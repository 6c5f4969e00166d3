/** "Previous hit", "Next hit" and where we are ("Hit 3 of 17"), for the document view's toolbar. */
import { Button, Text, Toolbar, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDown20Regular, ArrowUp20Regular } from '@fluentui/react-icons';

const useStyles = makeStyles({
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  counter: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, minWidth: '8em' },
});

export interface HitNavProps {
  /** "Hit 3 of 17" or "17 hits in the document"; null when the document has none. */
  counter: string | null;
  /** Said after the counter when a step went round from the last hit to the first (or back). */
  wrapped: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

export function HitNav({ counter, wrapped, onPrevious, onNext }: HitNavProps) {
  const styles = useStyles();
  const none = counter === null;
  return (
    <Toolbar className={styles.bar} aria-label="Hits" size="small">
      <Button size="small" icon={<ArrowUp20Regular />} onClick={onPrevious} disabled={none} title="Previous hit (Shift+F3)" aria-keyshortcuts="Shift+F3" data-testid="hit-previous">
        Previous hit
      </Button>
      <Button size="small" icon={<ArrowDown20Regular />} onClick={onNext} disabled={none} title="Next hit (F3)" aria-keyshortcuts="F3" data-testid="hit-next">
        Next hit
      </Button>
      <Text className={styles.counter} role="status" aria-live="polite" data-testid="hit-counter">
        {none ? 'No hits in the document' : `${counter}${wrapped ? ' (from the other end)' : ''}`}
      </Text>
    </Toolbar>
  );
}

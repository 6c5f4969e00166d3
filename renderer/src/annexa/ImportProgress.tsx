import { ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ProgressWords } from './progress-text.ts';
import { useVisuallyHidden } from '../shared/visually-hidden.ts';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, maxWidth: '560px' },
});

/**
 * An import's or a build's progress: a bar and the rows counted so far on screen, and a polite
 * live region that speaks once per phase (the running count would drown a screen reader).
 * The live region is always in the page, so the first announcement is not lost.
 */
export function ImportProgress({ words }: { words: ProgressWords | null }) {
  const styles = useStyles();
  const sr = useVisuallyHidden();
  return (
    <>
      <div role="status" aria-live="polite" className={sr.hidden} data-testid="annexa-progress-announce">
        {words?.announce ?? ''}
      </div>
      {words && (
        <div className={styles.box} data-testid="annexa-progress">
          <ProgressBar value={words.value} thickness="large" aria-label="Import progress" aria-valuetext={words.detail} />
          <Text size={200} aria-hidden>
            {words.detail}
          </Text>
        </div>
      )}
    </>
  );
}

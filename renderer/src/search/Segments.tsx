import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Segment } from '../../../shared/contract.ts';

const useStyles = makeStyles({
  mark: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    color: tokens.colorNeutralForeground1,
    borderRadius: tokens.borderRadiusSmall,
    paddingInline: '1px',
    fontWeight: tokens.fontWeightSemibold,
  },
  // The hit "Next hit" went to: outlined as well as coloured, so it is told apart without colour.
  current: {
    backgroundColor: tokens.colorPaletteDarkOrangeBackground2,
    outline: `2px solid ${tokens.colorNeutralForeground1}`,
    outlineOffset: '1px',
  },
});

/**
 * Snippet or page text with the matched words marked. Every piece is a React text child, so text
 * from a document is never parsed as HTML, whatever it contains. `currentHit` (0-based, in reading
 * order) is the hit the document view stepped to.
 */
export function Segments({ segments, currentHit = null, firstHit = 0 }: { segments: readonly Segment[]; currentHit?: number | null; firstHit?: number }) {
  const styles = useStyles();
  // Hits are numbered in reading order from `firstHit` (a sheet's cell starts where the cells before it stopped).
  let n = firstHit;
  return (
    <>
      {segments.map((segment, i) => {
        if (!segment.hit) return <span key={i}>{segment.text}</span>;
        const current = n++ === currentHit;
        return (
          <mark key={i} className={mergeClasses(styles.mark, current && styles.current)} data-current-hit={current ? 'true' : undefined}>
            {segment.text}
          </mark>
        );
      })}
    </>
  );
}

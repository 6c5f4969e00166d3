import { makeStyles, tokens } from '@fluentui/react-components';
import type { Segment } from '../../../shared/contract.ts';

const useStyles = makeStyles({
  mark: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    color: tokens.colorNeutralForeground1,
    borderRadius: tokens.borderRadiusSmall,
    paddingInline: '1px',
    fontWeight: tokens.fontWeightSemibold,
  },
});

/**
 * Snippet or page text with the matched words marked. Every piece is a React text child, so text
 * from a document is never parsed as HTML, whatever it contains.
 */
export function Segments({ segments }: { segments: readonly Segment[] }) {
  const styles = useStyles();
  return (
    <>
      {segments.map((segment, i) =>
        segment.hit ? (
          <mark key={i} className={styles.mark}>
            {segment.text}
          </mark>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </>
  );
}

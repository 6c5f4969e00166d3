import { makeStyles, mergeClasses } from '@fluentui/react-components';
import { Fragment } from 'react';
import { pathPieces } from './path-pieces.ts';

const useStyles = makeStyles({
  path: { minWidth: 0 },
  // Each folder or file name stays whole on its line; one longer than the whole line is cut with an
  // ellipsis (the full path is in the tooltip) rather than broken mid-word.
  piece: { display: 'inline-block', maxWidth: '100%', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', verticalAlign: 'bottom' },
});

export interface PathTextProps {
  /** What to show (a shortened path, say). */
  path: string;
  /** The whole path, for the tooltip. */
  full?: string;
  className?: string;
}

/** A path that wraps only between folders ("C:\Reports\" | "plan.pdf"), the whole of it on hover. */
export function PathText({ path, full = path, className }: PathTextProps) {
  const styles = useStyles();
  return (
    <span className={mergeClasses(styles.path, className)} title={full} data-testid="path-text">
      {pathPieces(path).map((piece, i) => (
        <Fragment key={i}>
          <span className={styles.piece} data-testid="path-piece">
            {piece}
          </span>
          <wbr />
        </Fragment>
      ))}
    </span>
  );
}

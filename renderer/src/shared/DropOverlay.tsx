import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  overlay: {
    inset: '12px',
    border: `3px dashed ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackgroundAlpha2,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    pointerEvents: 'none',
  },
  window: { position: 'fixed', zIndex: 1000 },
  area: { position: 'absolute', zIndex: 10 },
});

/**
 * What a drop will do, shown while something is dragged over the window (adding a folder) or over
 * one area (adding extracts). Screen readers are not told: the same actions have their buttons.
 */
export function DropOverlay({ over, children }: { over: 'window' | 'area'; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={mergeClasses(styles.overlay, over === 'window' ? styles.window : styles.area)} aria-hidden>
      {children}
    </div>
  );
}

/**
 * A whole page shown instead of the app, before it can start (browser mode without its launch
 * address, an encrypted index waiting for its passphrase): a lock, a heading that says what to do,
 * then the words and any form. One frame, so these pages look and read alike.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { LockClosed24Regular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  page: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalXXL,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    overflowY: 'auto',
  },
  box: { maxWidth: '640px', margin: `${tokens.spacingVerticalXXL} auto`, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  icon: { color: tokens.colorBrandForeground1 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold },
});

export function FullPage({ heading, testId, children }: { heading: string; testId: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <main className={styles.page} data-testid={testId}>
      <div className={styles.box}>
        <LockClosed24Regular className={styles.icon} aria-hidden />
        <h1 className={styles.heading}>{heading}</h1>
        {children}
      </div>
    </main>
  );
}

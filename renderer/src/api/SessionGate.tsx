/**
 * Browser mode only lets in a tab opened with the address the app printed (it carries the token).
 * A tab without it (a new tab, a bookmark) or whose token the app refused (it restarted) gets this
 * full page in plain words instead of an app whose every call would fail.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useSyncExternalStore, type ReactNode } from 'react';
import { sessionState, subscribeSession, type SessionState } from './session.ts';
import { FullPage } from '../shared/FullPage.tsx';

const useStyles = makeStyles({
  p: { margin: 0 },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    backgroundColor: tokens.colorNeutralBackground3,
    paddingInline: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusSmall,
  },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export function SessionGate({ children }: { children: ReactNode }) {
  const state = useSyncExternalStore(subscribeSession, sessionState);
  return state === 'ready' ? children : <OpenWithAddress state={state} />;
}

function OpenWithAddress({ state }: { state: Exclude<SessionState, 'ready'> }) {
  const styles = useStyles();
  return (
    <FullPage heading="Open Evidence Store with the address it printed when it started" testId="open-with-address">
      <p className={styles.p}>
        {state === 'refused'
          ? 'Evidence Store no longer recognises this tab. It has probably been restarted since the tab was opened, and each start prints a new address.'
          : 'This tab was not opened with that address, so it cannot show your documents. Only a tab opened with it is let in: that keeps your index private to you, even from other programs on this computer.'}
      </p>
      <ol className={styles.steps}>
        <li>
          Find the window where Evidence Store was started (for example with <code className={styles.code}>npm start</code>). It printed a line
          like <code className={styles.code}>Evidence Store is running at http://127.0.0.1:…/#token=…</code>
        </li>
        <li>Copy that whole address, including everything after the #, into this tab’s address bar.</li>
        <li>
          If Evidence Store is no longer running, start it again with <code className={styles.code}>npm start</code>: it opens the right address for you.
        </li>
      </ol>
    </FullPage>
  );
}

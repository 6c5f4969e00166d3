/**
 * This page's browser-mode session: the launch token, read once, and whether the app has refused
 * it. main.tsx shows a full-page message instead of the app when there is no token (a new tab, a
 * bookmark) or the app refused it (it restarted with a new one); the HTTP client reports refusals.
 */
import { forgetLaunchToken, takeLaunchToken, windowPlace } from './launch-token.ts';

export type SessionState = 'ready' | 'no-token' | 'refused';

let token: string | null | undefined;
let refused = false;
const listeners = new Set<() => void>();

/** The token for API calls; read from the address (or this tab's storage) on first use. */
export function sessionToken(): string | null {
  if (token === undefined) token = takeLaunchToken(windowPlace());
  return token;
}

/** The app answered 401: the token is no longer valid, so forget it and tell the page. */
export function sessionRefused(): void {
  if (refused) return;
  refused = true;
  forgetLaunchToken(windowPlace());
  for (const listener of listeners) listener();
}

export function sessionState(): SessionState {
  if (refused) return 'refused';
  return sessionToken() ? 'ready' : 'no-token';
}

/** For useSyncExternalStore. */
export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/**
 * Browser mode's per-launch token, on the page's side.
 *
 * The launch address carries it in the fragment (`http://127.0.0.1:PORT/#token=…`): browsers never
 * send a fragment to any server. The page keeps it in sessionStorage, which belongs to this origin
 * (so this port) and this tab alone, unlike a cookie, which every port of 127.0.0.1 would receive.
 * It then takes the token out of the address bar, so it is not bookmarked, shared or shown.
 */

/** The sessionStorage key; exported for tests. */
export const TOKEN_KEY = 'evidence-store.token';

/** The parts of `window` the token needs, so tests can hand in their own. */
export interface TokenPlace {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  /** Null where the browser refuses storage (some privacy settings): the token then lasts until a reload. */
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
}

/**
 * The token from the fragment (stored, and removed from the address) or else the one stored by an
 * earlier load of this tab; null when this tab was never opened with the launch address.
 */
export function takeLaunchToken(place: TokenPlace): string | null {
  const fragment = new URLSearchParams(place.location.hash.replace(/^#/u, ''));
  const fromAddress = fragment.get('token');
  if (fromAddress) {
    // A newer launch address wins over a stored token: the app may have restarted with a new one.
    try {
      place.storage?.setItem(TOKEN_KEY, fromAddress);
    } catch {
      // Storage full or refused: the token still works until the page is reloaded.
    }
    fragment.delete('token');
    const rest = fragment.toString();
    place.history.replaceState(place.history.state, '', place.location.pathname + place.location.search + (rest ? `#${rest}` : ''));
    return fromAddress;
  }
  try {
    return place.storage?.getItem(TOKEN_KEY) || null;
  } catch {
    return null;
  }
}

/** Drops the stored token (the app refused it: it has restarted with a new one). */
export function forgetLaunchToken(place: Pick<TokenPlace, 'storage'>): void {
  try {
    place.storage?.removeItem(TOKEN_KEY);
  } catch {
    // Nothing stored, nothing to forget.
  }
}

/** This page's window, with storage that may be refused. */
export function windowPlace(): TokenPlace {
  return { location: window.location, history: window.history, storage: sessionStorageOrNull() };
}

function sessionStorageOrNull(): TokenPlace['storage'] {
  try {
    // Reading the property itself throws where the browser blocks storage.
    return window.sessionStorage;
  } catch {
    return null;
  }
}

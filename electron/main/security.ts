/**
 * Hardening every web page the app creates (Electron's security checklist, anchors.md part C):
 * no navigation away from the app, no new windows, no webviews, no permissions, and only links on
 * a short allow-list handed to the user's browser.
 */
import { app, session, shell, type WebFrameMain } from 'electron';
import { APP_ORIGIN } from './protocol.ts';

export function hardenWebContents(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (isAppUrl(url)) return;
      event.preventDefault();
      // A plain link to gov.uk (no target) opens in the browser too, rather than doing nothing.
      openExternalLink(url);
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Links to the web open in the user's browser, never inside the app.
      openExternalLink(url);
      return { action: 'deny' };
    });
  });
}

/**
 * The only places the app itself links to: Ofsted's and the DfE's pages on GOV.UK (the sources of
 * the built-in frameworks, shared/frameworks/data). The renderer has no other external links, so
 * anything else asking to leave the app (a link inside an imported framework or an indexed
 * document's text, a compromised page) is refused. Add a host here only with the link that needs it.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = ['www.gov.uk'];

/** https, an allowed host, no user name or password, the default port. */
export function isAllowedExternalLink(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' && EXTERNAL_LINK_HOSTS.includes(parsed.hostname) &&
    parsed.username === '' && parsed.password === '' && parsed.port === ''
  );
}

/** Opens an allowed link in the user's browser; anything else is refused and logged. */
export function openExternalLink(url: string, log: (message: string) => void = console.warn): boolean {
  if (!isAllowedExternalLink(url)) {
    log(`Refused to open a link outside the app: ${JSON.stringify(url.slice(0, 200))} (only https links to ${EXTERNAL_LINK_HOSTS.join(', ')} are opened).`);
    return false;
  }
  shell.openExternal(url).catch((error: unknown) => log(`Could not open ${url} in the browser: ${String(error)}`));
  return true;
}

/** A page of the app itself (app://evidence/…), compared parsed, never as a string prefix. */
export function isAppUrl(url: string): boolean {
  try {
    // Not URL.origin: for a custom scheme the WHATWG parser in Node says "null".
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === APP_ORIGIN && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/** Only our own page, in its top frame, may call the API: not an iframe, not another origin. */
export function isTrustedSender(frame: WebFrameMain | null): boolean {
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

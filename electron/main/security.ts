/**
 * Hardening every web page the app creates (Electron's security checklist, anchors.md part C):
 * no navigation away from the app, no new windows, no webviews, no permissions.
 */
import { app, session, shell, type WebFrameMain } from 'electron';
import { APP_ORIGIN } from './protocol.ts';

export function hardenWebContents(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(APP_ORIGIN + '/')) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!url.startsWith(APP_ORIGIN + '/')) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Links to the web open in the user's browser, never inside the app.
      if (/^https?:\/\//u.test(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

/** Only our own page, in its top frame, may call the API: not an iframe, not another origin. */
export function isTrustedSender(frame: WebFrameMain | null): boolean {
  if (!frame || frame.parent !== null) return false;
  try {
    // Not URL.origin: for a custom scheme the WHATWG parser in Node says "null".
    const url = new URL(frame.url);
    return `${url.protocol}//${url.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

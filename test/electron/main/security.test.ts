import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The Electron binary cannot run here: security.ts needs only these parts of it.
const electron = vi.hoisted(() => ({
  openExternal: vi.fn(async (_url: string) => {}),
  webContentsCreated: [] as ((event: unknown, contents: unknown) => void)[],
  permissionRequest: null as null | ((wc: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void),
  permissionCheck: null as null | ((wc: unknown, permission: string, origin: string, details: unknown) => boolean),
}));
vi.mock('electron', () => ({
  app: {
    on: (name: string, listener: (event: unknown, contents: unknown) => void) => {
      if (name === 'web-contents-created') electron.webContentsCreated.push(listener);
    },
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (handler: typeof electron.permissionRequest) => (electron.permissionRequest = handler),
      setPermissionCheckHandler: (handler: typeof electron.permissionCheck) => (electron.permissionCheck = handler),
    },
  },
  shell: { openExternal: electron.openExternal },
  protocol: {},
  net: {},
}));

const { hardenWebContents, isAllowedExternalLink, openExternalLink } = await import('../../../electron/main/security.ts');
const { APP_ORIGIN } = await import('../../../electron/main/protocol.ts');

const FRAMEWORK_DATA = fileURLToPath(new URL('../../../shared/frameworks/data/', import.meta.url));
const OFSTED_FRAMEWORK =
  'https://www.gov.uk/government/publications/inspecting-local-authority-childrens-services-from-2018/inspecting-local-authority-childrens-services';

describe('links that leave the app', () => {
  beforeEach(() => {
    electron.openExternal.mockClear();
  });

  it.each([
    OFSTED_FRAMEWORK,
    'https://www.gov.uk/government/organisations/ofsted',
    'https://WWW.GOV.UK/government/organisations/ofsted',
  ])('allows %s', (url) => {
    expect(isAllowedExternalLink(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://www.gov.uk/government/organisations/ofsted'],
    ['another host', 'https://example.com/'],
    ['a look-alike host', 'https://www.gov.uk.example.com/ofsted'],
    ['a host ending like it', 'https://evilwww.gov.uk/'],
    ['the host only in the path', 'https://example.com/www.gov.uk/'],
    ['a user name', 'https://someone@www.gov.uk/'],
    ['another port', 'https://www.gov.uk:8443/'],
    ['a local file', 'file:///C:/Windows/System32/calc.exe'],
    ['a script', 'javascript:alert(1)'],
    ['a network share', '\\\\server\\share\\report.docx'],
    ['the app itself', 'app://evidence/index.html'],
    ['not a link', 'care plan audit'],
  ])('refuses %s', (_what, url) => {
    expect(isAllowedExternalLink(url)).toBe(false);
  });

  it('allows every link the app ships (the sources of the built-in frameworks)', () => {
    const urls = readdirSync(FRAMEWORK_DATA).flatMap((name) =>
      [...readFileSync(join(FRAMEWORK_DATA, name), 'utf8').matchAll(/"url":\s*"([^"]+)"/gu)].map((m) => m[1]),
    );
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(isAllowedExternalLink(url), url).toBe(true);
  });

  it('opens an allowed link in the browser, and refuses and logs anything else', () => {
    const log = vi.fn();
    expect(openExternalLink(OFSTED_FRAMEWORK, log)).toBe(true);
    expect(openExternalLink('https://example.com/phish', log)).toBe(false);
    expect(electron.openExternal.mock.calls).toEqual([[OFSTED_FRAMEWORK]]);
    expect(log).toHaveBeenCalledOnce();
    expect(log.mock.calls[0][0]).toContain('https://example.com/phish');
  });

  it('every page: a new window is always denied, and only an allowed link reaches the browser', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    hardenWebContents();
    let openHandler: (details: { url: string }) => { action: string } = () => ({ action: 'allow' });
    const navigation = new Map<string, (event: { preventDefault: () => void }, url: string) => void>();
    const contents = {
      on: (name: string, listener: (event: { preventDefault: () => void }, url: string) => void) => navigation.set(name, listener),
      setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
    };
    for (const listener of electron.webContentsCreated) listener({}, contents);

    expect(openHandler({ url: OFSTED_FRAMEWORK })).toEqual({ action: 'deny' });
    expect(openHandler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(openHandler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });

    const prevented = vi.fn();
    navigation.get('will-navigate')!({ preventDefault: prevented }, 'https://example.com/');
    navigation.get('will-navigate')!({ preventDefault: prevented }, OFSTED_FRAMEWORK);
    navigation.get('will-navigate')!({ preventDefault: prevented }, 'app://evidence/search');
    expect(prevented).toHaveBeenCalledTimes(2);

    expect(electron.openExternal.mock.calls).toEqual([[OFSTED_FRAMEWORK], [OFSTED_FRAMEWORK]]);
    expect(warn).toHaveBeenCalledTimes(3);
    warn.mockRestore();
  });
});

// Electron's checklist items 5, 12, 13 and 14 (docs/security.md), on the real handlers.
describe('the session and every page (hardenWebContents)', () => {
  type Listener = (event: { preventDefault: () => void }, url: string) => void;
  const listeners = new Map<string, Listener>();
  let openHandler: (details: { url: string }) => { action: string } = () => ({ action: 'allow' });

  beforeAll(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    hardenWebContents();
    const contents = {
      on: (name: string, listener: Listener) => listeners.set(name, listener),
      setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
    };
    electron.webContentsCreated.at(-1)!({}, contents);
  });

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'fullscreen', 'openExternal', 'pointerLock', 'hid', 'serial', 'usb', 'unknown'])(
    'denies the permission request %s (checklist 5)',
    (permission) => {
      const callback = vi.fn();
      electron.permissionRequest!({}, permission, callback, { requestingUrl: `${APP_ORIGIN}/index.html` });
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    },
  );

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'serial', 'usb'])('answers no to the permission check %s', (permission) => {
    expect(electron.permissionCheck!({}, permission, APP_ORIGIN, {})).toBe(false);
  });

  it.each([
    'https://example.invalid/',
    'http://127.0.0.1:8080/',
    'file:///etc/passwd',
    'app://evil/index.html',
    'app://evidence.example/index.html',
    'app://someone@evidence/index.html',
    'app://evidence:8080/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
  ])('refuses to navigate or redirect the page to %s (checklist 13)', (url) => {
    for (const name of ['will-navigate', 'will-redirect']) {
      const preventDefault = vi.fn();
      listeners.get(name)!({ preventDefault }, url);
      expect(preventDefault, name).toHaveBeenCalledOnce();
    }
  });

  it('lets the page move within its own origin', () => {
    for (const name of ['will-navigate', 'will-redirect']) {
      const preventDefault = vi.fn();
      listeners.get(name)!({ preventDefault }, `${APP_ORIGIN}/search`);
      expect(preventDefault, name).not.toHaveBeenCalled();
    }
  });

  it('denies every new window, the app’s own address and about:blank included (checklist 14)', () => {
    electron.openExternal.mockClear();
    for (const url of [`${APP_ORIGIN}/index.html`, 'about:blank', 'https://example.invalid/', 'file:///C:/Windows/System32/calc.exe']) {
      expect(openHandler({ url })).toEqual({ action: 'deny' });
    }
    expect(electron.openExternal).not.toHaveBeenCalled();
  });

  it('blocks attaching a <webview> (checklist 12)', () => {
    const preventDefault = vi.fn();
    listeners.get('will-attach-webview')!({ preventDefault }, '');
    expect(preventDefault).toHaveBeenCalledOnce();
  });
});

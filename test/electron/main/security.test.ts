import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The Electron binary cannot run here: security.ts needs only these parts of it.
const electron = vi.hoisted(() => ({
  openExternal: vi.fn(async (_url: string) => {}),
  webContentsCreated: [] as ((event: unknown, contents: unknown) => void)[],
}));
vi.mock('electron', () => ({
  app: {
    on: (name: string, listener: (event: unknown, contents: unknown) => void) => {
      if (name === 'web-contents-created') electron.webContentsCreated.push(listener);
    },
  },
  session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
  shell: { openExternal: electron.openExternal },
  protocol: {},
  net: {},
}));

const { hardenWebContents, isAllowedExternalLink, openExternalLink } = await import('../../../electron/main/security.ts');

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

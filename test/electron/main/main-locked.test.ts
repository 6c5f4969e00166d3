/**
 * The desktop app's start-up on an encrypted index whose key it does not have (Electron replaced
 * by a stand-in; the index is real): no quit-only dialog, but a window whose every call is refused
 * as 'locked' until the right passphrase is given over IPC, after which the app works. Both ways
 * it happens: a store encrypted with a passphrase on the command line, and a key the operating
 * system keeps that cannot be read here.
 */
import { describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCore } from '../../../core/core.ts';
import { DATABASE_FILE, DESKTOP_KEY_FILE } from '../../../core/paths.ts';
import { IPC_CHANNEL_PREFIX } from '../../../shared/channels.ts';
import { tempDir } from '../../helpers/temp.ts';

type IpcHandler = (event: unknown, input: unknown) => Promise<{ ok: boolean; data?: unknown; error?: { code: string; message: string; field?: string } }>;

const electron = vi.hoisted(() => ({
  userData: '',
  ipc: new Map<string, IpcHandler>(),
  appListeners: new Map<string, (...args: unknown[]) => void>(),
  windows: 0,
  showMessageBox: vi.fn(),
  quit: vi.fn(),
  exit: vi.fn(),
  /** What the operating system's key store does with the key file: read it, or refuse (another user). */
  decryptString: (bytes: Buffer): string => bytes.toString(),
}));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class BrowserWindow extends EventEmitter {
    webContents = { send: vi.fn(), isDestroyed: () => false };
    constructor() {
      super();
      electron.windows++;
    }
    loadURL = async () => {};
    maximize() {}
    isDestroyed = () => false;
    getNormalBounds = () => ({ x: 0, y: 0, width: 1280, height: 820 });
    isMaximized = () => false;
  }
  return {
    app: {
      setName: vi.fn(),
      requestSingleInstanceLock: () => true,
      on: (event: string, listener: (...args: unknown[]) => void) => electron.appListeners.set(event, listener),
      whenReady: async () => {},
      getPath: () => electron.userData,
      getVersion: () => '0.0.0-test',
      isPackaged: false,
      quit: electron.quit,
      exit: electron.exit,
    },
    dialog: { showMessageBox: async (options: unknown) => (electron.showMessageBox(options), { response: 0 }) },
    shell: { showItemInFolder: vi.fn(), openExternal: vi.fn(), openPath: vi.fn() },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    net: {},
    ipcMain: { handle: (channel: string, fn: IpcHandler) => electron.ipc.set(channel, fn), removeHandler: (channel: string) => electron.ipc.delete(channel) },
    BrowserWindow,
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: vi.fn() },
    screen: { getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }), getAllDisplays: () => [] },
    nativeTheme: { shouldUseDarkColors: false },
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (text: string) => Buffer.from(text),
      decryptString: (bytes: Buffer) => electron.decryptString(bytes),
    },
  };
});

const PASSPHRASE = 'Kestrel meadow 42';
const fromTheWindow = { senderFrame: { url: 'app://evidence/index.html', parent: null } };

/** An index in the data folder encrypted with PASSPHRASE (as `evidence-store encrypt` would leave it). */
async function encryptedIndexIn(userData: string): Promise<string> {
  const file = join(userData, DATABASE_FILE);
  const core = openCore({ databasePath: file, workers: 1, key: { passphrase: PASSPHRASE } });
  await core.close();
  return file;
}

/** Starts main.ts afresh and waits for its IPC handlers (registered once the index is open or locked). */
async function startDesktop(): Promise<(method: string, input?: object) => ReturnType<IpcHandler>> {
  electron.ipc.clear();
  electron.appListeners.clear();
  electron.windows = 0;
  for (const fn of [electron.showMessageBox, electron.quit, electron.exit]) fn.mockClear();
  vi.resetModules();
  await import('../../../electron/main/main.ts');
  await vi.waitFor(() => expect(electron.windows).toBe(1));
  return (method, input = {}) => electron.ipc.get(IPC_CHANNEL_PREFIX + method)!(fromTheWindow, input);
}

/** Quits as the user would, waiting for the index to be closed. */
async function quit(): Promise<void> {
  electron.appListeners.get('will-quit')!({ preventDefault: () => {} });
  await vi.waitFor(() => expect(electron.quit.mock.calls.length + electron.exit.mock.calls.length).toBeGreaterThan(0));
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('desktop start-up on an encrypted index without its key', () => {
  it('encrypted with a passphrase: no dialog, the window is opened locked, and the right passphrase opens the index', async () => {
    electron.userData = tempDir();
    electron.decryptString = (bytes) => bytes.toString();
    const file = await encryptedIndexIn(electron.userData);
    const before = sha(file);
    const call = await startDesktop();
    try {
      expect(electron.showMessageBox).not.toHaveBeenCalled();
      expect(await call('store.status')).toEqual({ ok: true, data: { locked: true, file, reason: expect.stringContaining('is encrypted') } });
      expect(await call('roots.list')).toMatchObject({ ok: false, error: { code: 'locked' } });
      expect(await call('store.unlock', { passphrase: 'kestrel meadow 42' })).toMatchObject({
        ok: false,
        error: { code: 'invalid-argument', field: 'passphrase', message: expect.stringContaining('That passphrase does not open this index') },
      });
      expect(sha(file)).toBe(before);
      expect(await call('store.unlock', { passphrase: PASSPHRASE })).toEqual({ ok: true, data: { locked: false, file, reason: null } });
      expect(await call('roots.list')).toEqual({ ok: true, data: [] });
    } finally {
      await quit();
    }
    const log = readFileSync(join(electron.userData, 'logs', 'main.log'), 'utf8');
    expect(log).toContain('is encrypted and its key is not available: the window asks for the passphrase');
    expect(log).not.toContain(PASSPHRASE);
  });

  it('whose key the operating system keeps cannot be read here: the window is opened locked and says why', async () => {
    electron.userData = tempDir();
    const file = await encryptedIndexIn(electron.userData);
    writeFileSync(join(electron.userData, DESKTOP_KEY_FILE), 'kept for another user');
    electron.decryptString = () => {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    };
    const call = await startDesktop();
    try {
      expect(electron.showMessageBox).not.toHaveBeenCalled();
      expect(await call('store.status')).toEqual({
        ok: true,
        data: { locked: true, file, reason: expect.stringMatching(/key that this computer keeps .* could not be read here .* enter it/u) },
      });
      expect(await call('store.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true, data: { locked: false } });
    } finally {
      await quit();
    }
  });
});

/**
 * The desktop app's start-up, with Electron replaced by a stand-in (its binary cannot run here)
 * and a real index that cannot be opened: the user gets a dialog saying why, and the app quits.
 */
import { describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { DATABASE_FILE } from '../../../core/paths.ts';
import { migrations } from '../../../core/store/migrations.ts';
import { tempDir } from '../../helpers/temp.ts';

const electron = vi.hoisted(() => ({
  userData: '',
  dialogResponse: 0,
  exited: null as null | ((code: number) => void),
  showMessageBox: vi.fn(),
  showItemInFolder: vi.fn(),
  exit: vi.fn(),
}));

vi.mock('electron', () => ({
  app: {
    setName: vi.fn(),
    requestSingleInstanceLock: () => true,
    on: vi.fn(),
    whenReady: async () => {},
    getPath: () => electron.userData,
    getVersion: () => '0.0.0-test',
    quit: vi.fn(),
    exit: (code: number) => {
      electron.exit(code);
      electron.exited?.(code);
    },
  },
  dialog: {
    showMessageBox: async (options: unknown) => {
      electron.showMessageBox(options);
      return { response: electron.dialogResponse };
    },
  },
  shell: { showItemInFolder: electron.showItemInFolder, openExternal: vi.fn() },
  session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  net: {},
  ipcMain: { handle: vi.fn() },
  BrowserWindow: vi.fn(),
  nativeTheme: {},
  // No keyring here: a new index would be made unencrypted (store-key.ts).
  safeStorage: { isEncryptionAvailable: () => false, encryptString: vi.fn(), decryptString: vi.fn() },
}));

/** Starts main.ts afresh with an index from a newer version in its data folder; resolves with the exit code. */
async function startWithNewerIndex(dialogResponse: number): Promise<{ code: number; file: string }> {
  electron.userData = tempDir();
  const file = join(electron.userData, DATABASE_FILE);
  const db = new Database(file);
  db.pragma(`user_version = ${migrations.length + 1}`);
  db.close();
  electron.dialogResponse = dialogResponse;
  for (const fn of [electron.showMessageBox, electron.showItemInFolder, electron.exit]) fn.mockClear();
  const exited = new Promise<number>((resolve) => (electron.exited = resolve));
  vi.resetModules();
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  await import('../../../electron/main/main.ts');
  const code = await exited;
  error.mockRestore();
  return { code, file };
}

describe('desktop start-up with an index it cannot open', () => {
  it('shows an error dialog in plain words with the file, and quits when the user chooses Quit', async () => {
    const { code, file } = await startWithNewerIndex(0);
    expect(electron.showMessageBox).toHaveBeenCalledOnce();
    const options = electron.showMessageBox.mock.calls[0][0];
    expect(options).toMatchObject({
      type: 'error',
      title: 'Evidence Store cannot start',
      message: 'The index was made by a newer version of Evidence Store',
      buttons: ['Quit', 'Show the file'],
    });
    expect(options.detail).toContain(file);
    expect(electron.showItemInFolder).not.toHaveBeenCalled();
    expect(code).toBe(1);
  });

  it('shows the file in its folder when the user asks, then quits', async () => {
    const { code, file } = await startWithNewerIndex(1);
    expect(electron.showItemInFolder).toHaveBeenCalledWith(file);
    expect(code).toBe(1);
  });
});

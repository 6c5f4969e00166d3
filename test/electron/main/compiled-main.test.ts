/**
 * The compiled main process, as the installer would ship it (`npm run build:electron` →
 * dist/electron/main/main.js), started under plain Node with Electron replaced by a stand-in
 * (fixtures/fake-electron.mjs, put in place of 'electron' by a module hook): it takes the
 * single-instance lock, serves app://, registers one IPC handler per contract method, sets the
 * menu, opens the window, focuses it on a second launch, and on quit waits for the core to close,
 * keeping the window's place and a log in the data folder. Anything thrown fails the test.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMPILED_MAIN, ensureElectronBuild, REPO } from './build.ts';
import { METHOD_NAMES, IPC_CHANNEL_PREFIX } from '../../../shared/channels.ts';
import { DATABASE_FILE } from '../../../core/paths.ts';
import { tempDir } from '../../helpers/temp.ts';

const HOOK = fileURLToPath(new URL('./fixtures/electron-hook.mjs', import.meta.url));

interface Report {
  name: string;
  singleInstanceLock: number;
  appEvents: string[];
  windows: { options: Record<string, unknown> & { webPreferences: Record<string, unknown> }; loaded: string[]; focused: number }[];
  menu: { label?: string; role?: string; accelerator?: string; submenu?: Report['menu'] }[];
  ipcChannels: string[];
  privilegedSchemes: string[];
  protocolHandlers: string[];
  permissionHandlers: number;
  focusedOnSecondLaunch: boolean;
  dialogs: unknown[];
  willQuit: number;
  willQuitPrevented: number;
  exitCode: number;
  errors: string[];
}

let report: Report;
let userData: string;
let output: string;

beforeAll(async () => {
  await ensureElectronBuild();
  userData = tempDir();
  const reportFile = join(tempDir(), 'report.json');
  const run = spawnSync(process.execPath, ['--import', HOOK, COMPILED_MAIN], {
    cwd: REPO,
    env: { ...process.env, FAKE_USER_DATA: userData, FAKE_ELECTRON_REPORT: reportFile, NODE_OPTIONS: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  output = `${run.stdout}\n${run.stderr}`;
  if (!existsSync(reportFile)) throw new Error(`the compiled main process wrote no report (exit ${run.status}):\n${output}`);
  report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
}, 240_000);

describe('the compiled main process under plain Node, Electron mocked', () => {
  it('starts and quits without throwing, exit code 0', () => {
    expect(report.errors, output).toEqual([]);
    expect(report.exitCode, output).toBe(0);
    expect(report.dialogs).toEqual([]);
  });

  it('takes the single-instance lock and focuses its window when launched again', () => {
    expect(report.name).toBe('Evidence Store');
    expect(report.singleInstanceLock).toBe(1);
    expect(report.appEvents).toContain('second-instance');
    expect(report.focusedOnSecondLaunch).toBe(true);
  });

  it('serves the UI from app:// with the page handlers, and one IPC handler per contract method', () => {
    expect(report.privilegedSchemes).toEqual(['app']);
    expect(report.protocolHandlers).toEqual(['app']);
    expect(report.permissionHandlers).toBe(2);
    expect(report.appEvents).toContain('web-contents-created');
    expect([...report.ipcChannels].sort()).toEqual(METHOD_NAMES.map((m) => IPC_CHANNEL_PREFIX + m).sort());
  });

  it('opens one sandboxed window on the app’s page, at the default place on the only screen', () => {
    expect(report.windows).toHaveLength(1);
    const [window] = report.windows;
    expect(window.loaded).toEqual(['app://evidence/index.html']);
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(String(window.options.webPreferences.preload)).toBe(join(REPO, 'dist', 'electron', 'preload', 'preload.cjs'));
    expect(existsSync(String(window.options.webPreferences.preload))).toBe(true);
    expect(window.options).toMatchObject({ x: 320, y: 110, width: 1280, height: 820 });
  });

  it('sets the File, Edit, View, Help menu', () => {
    expect(report.menu.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    const help = report.menu.at(-1)!.submenu!.map((i) => i.label);
    expect(help).toEqual(expect.arrayContaining(['Show Logs', 'About Evidence Store']));
  });

  it('on quit waits for the core to close, then leaves: the index, the window’s place and the log are in the data folder', () => {
    expect(report.willQuitPrevented).toBe(1);
    expect(report.willQuit).toBe(2);
    expect(existsSync(join(userData, DATABASE_FILE))).toBe(true);
    // A new index, with the OS able to keep a key: encrypted, its key kept only as the OS encrypted it.
    expect(readFileSync(join(userData, DATABASE_FILE)).includes('SQLite format 3')).toBe(false);
    expect(readFileSync(join(userData, 'index-key.bin'), 'utf8')).toMatch(/^fake-os:[0-9a-f]{64}$/u);
    expect(JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8'))).toEqual({ x: 320, y: 110, width: 1280, height: 820, maximized: false });
    const log = readFileSync(join(userData, 'logs', 'main.log'), 'utf8');
    expect(log).toMatch(/INFO {2}Evidence Store 0\.1\.0 starting/u);
    expect(log).toContain(`Started with the index at ${join(userData, DATABASE_FILE)}`);
    expect(log).toContain('Closed the index; quitting.');
  });
});

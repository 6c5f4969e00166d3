/**
 * The desktop app's main process: a flat list of setup steps. All the work is in the core;
 * this file only wires it to Electron.
 */
import { app, dialog, Menu, safeStorage, screen, shell, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStoreGate, type StoreGate } from '../../core/api/store-gate.ts';
import { APP_NAME, DATABASE_FILE } from '../../core/paths.ts';
import { registerAppScheme, serveRenderer } from './protocol.ts';
import { hardenWebContents } from './security.ts';
import { registerIpc, forwardEvents } from './ipc.ts';
import { createMainWindow } from './window.ts';
import { desktopHost } from './host.ts';
import { describeStartupError } from './startup-error.ts';
import { captureConsole, LOG_FOLDER, RotatingLog } from './log.ts';
import { readWindowState, restoreWindowState, trackWindowState } from './window-state.ts';
import { buildMenuTemplate } from './menu.ts';
import { aboutText, aboutVersions } from './about.ts';
import { closeWithin } from './quit.ts';
import { desktopStoreOpening } from './store-key.ts';

const RENDERER_DIR = fileURLToPath(new URL('../../renderer/', import.meta.url));

app.setName(APP_NAME);
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // A second copy would be a second database writer: hand over to the first and leave.
  app.quit();
} else {
  let window: BrowserWindow | null = null;
  let gate: StoreGate | null = null;

  app.on('second-instance', () => {
    if (window) {
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    }
  });

  const dataDir = () => app.getPath('userData');
  const databasePath = () => join(dataDir(), DATABASE_FILE);
  // The log (logs/main.log in the data folder, rotated): what the main process prints goes there too.
  const log = new RotatingLog(join(dataDir(), LOG_FOLDER));
  captureConsole(log);
  log.info(`Evidence Store ${app.getVersion()} starting (Electron ${process.versions.electron ?? '?'}, ${process.platform} ${process.arch})`);
  // A monitor only records: Electron still reports the exception as it would without it.
  process.on('uncaughtExceptionMonitor', (error) => log.error('Uncaught exception:', error));
  process.on('unhandledRejection', (reason) => log.error('Unhandled promise rejection:', reason));
  app.on('render-process-gone', (_event, _contents, details) => log.error('The window’s page stopped:', details.reason, `exit code ${details.exitCode}`));
  app.on('child-process-gone', (_event, details) => log.warn(`A ${details.type} process stopped:`, details.reason, `exit code ${details.exitCode}`));

  const showAbout = () => {
    // The SQLite library's own SQLite (SQLite3 Multiple Ciphers), which the core reports.
    const sqlite = gate?.core()?.sqliteVersion() ?? null;
    const text = aboutText(APP_NAME, aboutVersions(app.getVersion(), process.versions, sqlite));
    const options = { type: 'info' as const, title: text.title, message: text.message, detail: text.detail, buttons: ['OK'], noLink: true };
    void (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
  };

  const installMenu = () => {
    const template = buildMenuTemplate(
      {
        sendKey: (key) => {
          if (!window || window.isDestroyed()) return;
          window.webContents.sendInputEvent({ type: 'keyDown', keyCode: key.keyCode, modifiers: key.modifiers });
          window.webContents.sendInputEvent({ type: 'keyUp', keyCode: key.keyCode, modifiers: key.modifiers });
        },
        showAbout,
        showLogs: () => shell.showItemInFolder(log.file),
        showDataFolder: () => shell.showItemInFolder(databasePath()),
      },
      { platform: process.platform, isPackaged: app.isPackaged, appName: APP_NAME },
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };

  const start = () => {
    hardenWebContents();
    serveRenderer(RENDERER_DIR);
    // Encryption at rest: the key the operating system keeps for this user, if the store has one.
    // Without a key that opens it, the store starts locked and the window asks for the passphrase.
    const { key, lockedBecause } = desktopStoreOpening(dataDir(), databasePath(), safeStorage);
    gate = openStoreGate(
      { databasePath: databasePath(), key },
      {
        host: desktopHost(app.getVersion(), databasePath(), () => window),
        lockedBecause,
        onOpen: (core) => {
          core.startBackgroundSync();
          log.info(`Started with the index at ${databasePath()}`);
        },
      },
    );
    if (gate.status().locked) log.info(`The index at ${databasePath()} is encrypted and its key is not available: the window asks for the passphrase.`);
    registerIpc(gate.dispatch);
    installMenu();
    // The window is created only once every handler exists, so no early call can be lost.
    // The screens present now, the primary first (where a window that cannot go back opens).
    const primary = screen.getPrimaryDisplay();
    const screens = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)];
    const place = restoreWindowState(readWindowState(dataDir()), screens.map((d) => d.workArea));
    window = createMainWindow(place.bounds);
    if (place.maximized) window.maximize();
    trackWindowState(window, dataDir());
    window.on('closed', () => (window = null));
    forwardEvents(window, gate.subscribe);
  };

  // Without a window the user would see nothing at all (an index from a newer version, a locked
  // file): say what happened in a dialog, then leave. The wording is in startup-error.ts.
  const failToStart = async (error: unknown) => {
    console.error('Evidence Store could not start:', error);
    window?.destroy();
    const opened = gate;
    gate = null;
    await opened?.close().catch(() => {});
    const shown = describeStartupError(error, databasePath());
    const { response } = await dialog.showMessageBox({
      type: 'error',
      title: shown.title,
      message: shown.message,
      detail: shown.detail,
      buttons: shown.buttons,
      defaultId: shown.defaultId,
      cancelId: shown.cancelId,
      noLink: true,
    });
    if (shown.actions[response] === 'show-file') shell.showItemInFolder(shown.file);
    // Nothing is open any more (no core, no window), so there is nothing for will-quit to wait for.
    app.exit(1);
  };

  app
    .whenReady()
    .then(start)
    .catch(failToStart)
    .catch((error: unknown) => {
      // Even the dialog failed: leave rather than stay running with no window.
      console.error('Evidence Store could not show why it could not start:', error);
      app.exit(1);
    });

  app.on('window-all-closed', () => app.quit());

  let closing = false;
  app.on('will-quit', (event) => {
    if (!gate || closing) return;
    // Let the indexer finish its current transaction and the workers stop before exiting, but
    // never keep the user waiting long: past the limit every write is still whole (quit.ts).
    event.preventDefault();
    closing = true;
    const opened = gate;
    void closeWithin(() => opened.close()).then(({ outcome, error }) => {
      gate = null;
      if (outcome === 'closed') {
        log.info('Closed the index; quitting.');
        app.quit();
      } else {
        if (outcome === 'timed-out') log.warn('The index did not close in time (a file still being read); quitting anyway.');
        else log.error('Closing the index failed; quitting anyway:', error);
        app.exit(0);
      }
    });
  });
}

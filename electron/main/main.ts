/**
 * The desktop app's main process: a flat list of setup steps. All the work is in the core;
 * this file only wires it to Electron.
 */
import { app, dialog, shell, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCore, type Core } from '../../core/core.ts';
import { APP_NAME, DATABASE_FILE } from '../../core/paths.ts';
import { registerAppScheme, serveRenderer } from './protocol.ts';
import { hardenWebContents } from './security.ts';
import { registerIpc, forwardEvents } from './ipc.ts';
import { createMainWindow } from './window.ts';
import { desktopHost } from './host.ts';
import { describeStartupError } from './startup-error.ts';

const RENDERER_DIR = fileURLToPath(new URL('../../renderer/', import.meta.url));

app.setName(APP_NAME);
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // A second copy would be a second database writer: hand over to the first and leave.
  app.quit();
} else {
  let window: BrowserWindow | null = null;
  let core: Core | null = null;

  app.on('second-instance', () => {
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  const databasePath = () => join(app.getPath('userData'), DATABASE_FILE);

  const start = () => {
    hardenWebContents();
    serveRenderer(RENDERER_DIR);
    core = openCore({ databasePath: databasePath() });
    const { dispatch } = core.api(desktopHost(app.getVersion(), databasePath(), () => window));
    registerIpc(dispatch);
    // The window is created only once every handler exists, so no early call can be lost.
    window = createMainWindow();
    window.on('closed', () => (window = null));
    forwardEvents(window, core.subscribe);
    core.startBackgroundSync();
  };

  // Without a window the user would see nothing at all (an index from a newer version, a locked
  // file): say what happened in a dialog, then leave. The wording is in startup-error.ts.
  const failToStart = async (error: unknown) => {
    console.error('Evidence Store could not start:', error);
    window?.destroy();
    const opened = core;
    core = null;
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
    if (!core || closing) return;
    // Let the indexer finish its current transaction and the workers stop before exiting.
    event.preventDefault();
    closing = true;
    void core.close().finally(() => {
      core = null;
      app.quit();
    });
  });
}

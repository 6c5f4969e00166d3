/**
 * The desktop app's main process: a flat list of setup steps. All the work is in the core;
 * this file only wires it to Electron.
 */
import { app, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCore, type Core } from '../../core/core.ts';
import { APP_NAME, DATABASE_FILE } from '../../core/paths.ts';
import { registerAppScheme, serveRenderer } from './protocol.ts';
import { hardenWebContents } from './security.ts';
import { registerIpc, forwardEvents } from './ipc.ts';
import { createMainWindow } from './window.ts';
import { desktopHost } from './host.ts';

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

  app.whenReady().then(() => {
    hardenWebContents();
    serveRenderer(RENDERER_DIR);
    const databasePath = join(app.getPath('userData'), DATABASE_FILE);
    core = openCore({ databasePath });
    const { dispatch } = core.api(desktopHost(app.getVersion(), databasePath, () => window));
    registerIpc(dispatch);
    // The window is created only once every handler exists, so no early call can be lost.
    window = createMainWindow();
    window.on('closed', () => (window = null));
    forwardEvents(window, core.subscribe);
    core.startBackgroundSync();
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

import { BrowserWindow, nativeTheme } from 'electron';
import { fileURLToPath } from 'node:url';
import { APP_ORIGIN } from './protocol.ts';
import { DEFAULT_SIZE, MIN_SIZE } from './window-state.ts';

const PRELOAD = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));

/** `bounds`: where to open it (window-state.ts: the place the user left it, checked against the screens). */
export function createMainWindow(bounds: { x?: number; y?: number; width: number; height: number } = DEFAULT_SIZE): BrowserWindow {
  const window = new BrowserWindow({
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Evidence Store',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1f1f1f' : '#ffffff',
    // Electron's security checklist, written out even where it is the default so a review (and
    // test/electron/main/security-checklist.test.ts) reads it here: docs/security.md.
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

/** What the desktop shell can do that browser mode cannot: the OS shell and native dialogs. */
import { dialog, shell, type BrowserWindow } from 'electron';
import type { Host } from '../../core/api/handlers.ts';
import { ApiFailure } from '../../core/api/errors.ts';

export function desktopHost(version: string, databasePath: string, window: () => BrowserWindow | null): Host {
  return {
    mode: 'desktop',
    version,
    databasePath,
    async openPath(path) {
      const error = await shell.openPath(path);
      if (error) throw new ApiFailure('unavailable', `Could not open “${path}”: ${error}`);
    },
    async revealPath(path) {
      shell.showItemInFolder(path);
    },
    async pickFolder() {
      const win = window();
      const options = { title: 'Add a folder of evidence', properties: ['openDirectory' as const, 'multiSelections' as const] };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}

/**
 * The application menu: File, Edit, View, Help, showing the keyboard shortcuts the UI already has
 * (renderer/src/app/shortcuts.ts; test/electron/main/menu.test.ts checks the two agree).
 *
 * The UI handles its own keys, the same way in the desktop app and in browser mode, and knows when
 * a key is typing in a field. So on Windows and Linux the menu only shows its shortcuts
 * (`registerAccelerator: false`) and the key still reaches the page; choosing the item with the
 * mouse sends the page that same key. macOS always registers menu shortcuts, so there the item
 * sends the key on, and single keys the user types in fields ('/', '?') get no menu shortcut.
 *
 * Kept free of Electron's runtime (types only) so the template can be tested as data.
 */
import type { MenuItemConstructorOptions } from 'electron';

/** A key press as `webContents.sendInputEvent` takes it. */
export interface KeyPress {
  keyCode: string;
  modifiers: ('control' | 'meta' | 'alt' | 'shift')[];
}

/** What the menu's own items do; main.ts supplies them. */
export interface MenuActions {
  /** Send a key press to the page, as if the user had typed it. */
  sendKey(key: KeyPress): void;
  showAbout(): void;
  showLogs(): void;
  showDataFolder(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Reload and the developer tools are offered only when running from the sources. */
  isPackaged: boolean;
  appName: string;
}

/** A UI shortcut as the menu shows it, and the key press that performs it. */
export interface MenuShortcut {
  label: string;
  /** Electron accelerator text, shown beside the label. */
  accelerator: string;
  key: KeyPress;
  /** A single key, typed in fields too: never registered with the system. */
  singleKey?: boolean;
}

function primary(platform: NodeJS.Platform): 'meta' | 'control' {
  return platform === 'darwin' ? 'meta' : 'control';
}

/** The UI's shortcuts the menu offers, by menu. Every one is checked against the UI's own handler. */
export function menuShortcuts(platform: NodeJS.Platform): Record<'file' | 'edit' | 'view' | 'help', MenuShortcut[]> {
  const mod = primary(platform);
  const area = (digit: number, label: string): MenuShortcut => ({ label, accelerator: `Alt+${digit}`, key: { keyCode: String(digit), modifiers: ['alt'] } });
  return {
    file: [
      { label: 'Log an Inspector’s Request…', accelerator: 'CmdOrCtrl+Shift+L', key: { keyCode: 'L', modifiers: [mod, 'shift'] } },
      area(5, 'Export the Pack…'),
    ],
    edit: [{ label: 'Find…', accelerator: 'CmdOrCtrl+K', key: { keyCode: 'K', modifiers: [mod] } }],
    view: [area(1, 'Search'), area(2, 'Library'), area(3, 'Frameworks'), area(4, 'Annex A'), area(5, 'Export'), area(6, 'Requests'), area(7, 'Evidence'), area(9, 'Settings')],
    help: [{ label: 'Keyboard Shortcuts', accelerator: '?', key: { keyCode: '?', modifiers: ['shift'] }, singleKey: true }],
  };
}

function shortcutItem(shortcut: MenuShortcut, actions: MenuActions, platform: NodeJS.Platform): MenuItemConstructorOptions {
  const item: MenuItemConstructorOptions = { label: shortcut.label, click: () => actions.sendKey(shortcut.key) };
  if (platform === 'darwin') {
    if (!shortcut.singleKey) item.accelerator = shortcut.accelerator;
  } else {
    item.accelerator = shortcut.accelerator;
    item.registerAccelerator = false;
  }
  return item;
}

export function buildMenuTemplate(actions: MenuActions, options: MenuOptions): MenuItemConstructorOptions[] {
  const { platform, isPackaged, appName } = options;
  const mac = platform === 'darwin';
  const shortcuts = menuShortcuts(platform);
  const item = (s: MenuShortcut) => shortcutItem(s, actions, platform);
  const about: MenuItemConstructorOptions = { label: `About ${appName}`, click: () => actions.showAbout() };

  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: appName,
      submenu: [about, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
    });
  }
  template.push({
    label: 'File',
    submenu: [
      ...shortcuts.file.map(item),
      { type: 'separator' },
      { label: 'Show Data Folder', click: () => actions.showDataFolder() },
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: 'Exit' } as const]),
    ],
  });
  template.push({
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      ...shortcuts.edit.map(item),
    ],
  });
  template.push({
    label: 'View',
    submenu: [
      ...shortcuts.view.map(item),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(isPackaged ? [] : [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const]),
    ],
  });
  template.push({
    label: 'Help',
    submenu: [
      ...shortcuts.help.map(item),
      { label: 'Show Logs', click: () => actions.showLogs() },
      ...(mac ? [] : [{ type: 'separator' } as const, about]),
    ],
  });
  return template;
}

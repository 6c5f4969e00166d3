// @vitest-environment jsdom
/**
 * The application menu (electron/main/menu.ts) as data: File, Edit, View, Help, and every shortcut
 * it shows does, through the UI's own key handler (renderer/src/app/shortcuts.ts), what its label
 * says. A shortcut renamed or moved in the UI and not in the menu fails here.
 */
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, menuShortcuts, type KeyPress, type MenuActions } from '../../../electron/main/menu.ts';
import { SHORTCUTS, shortcutFor, type ShortcutAction } from '../../../renderer/src/app/shortcuts.ts';

/** The key press as the page sees it (what Chromium makes of webContents.sendInputEvent). */
function asKeyboardEvent(key: KeyPress, target: EventTarget) {
  const k = key.keyCode;
  const shift = key.modifiers.includes('shift');
  const letter = /^[A-Z]$/u.test(k);
  return {
    key: letter ? (shift ? k : k.toLowerCase()) : k,
    code: letter ? `Key${k}` : /^\d$/u.test(k) ? `Digit${k}` : k === '?' ? 'Slash' : k,
    ctrlKey: key.modifiers.includes('control'),
    metaKey: key.modifiers.includes('meta'),
    altKey: key.modifiers.includes('alt'),
    shiftKey: shift,
    target,
  };
}

const EXPECTED: Record<string, ShortcutAction> = {
  'Log an Inspector’s Request…': 'log-request',
  'Export the Pack…': 'area-5',
  'Find…': 'focus-search',
  Search: 'area-1',
  Library: 'area-2',
  Frameworks: 'area-3',
  'Annex A': 'area-4',
  Export: 'area-5',
  Requests: 'area-6',
  Evidence: 'area-7',
  Settings: 'settings',
  'Keyboard Shortcuts': 'show-shortcuts',
};

function actions() {
  return { sendKey: vi.fn<MenuActions['sendKey']>(), showAbout: vi.fn<() => void>(), showLogs: vi.fn<() => void>(), showDataFolder: vi.fn<() => void>() };
}

function items(menu: MenuItemConstructorOptions): MenuItemConstructorOptions[] {
  return menu.submenu as MenuItemConstructorOptions[];
}

function find(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const item = template.flatMap(items).find((i) => i.label === label);
  if (!item) throw new Error(`no menu item “${label}”`);
  return item;
}

describe.each(['win32', 'linux', 'darwin'] as const)('the application menu on %s', (platform) => {
  const options = { platform, isPackaged: true, appName: 'Evidence Store' };

  it('has File, Edit, View and Help (after the app menu on macOS)', () => {
    const labels = buildMenuTemplate(actions(), options).map((m) => m.label);
    expect(labels).toEqual(platform === 'darwin' ? ['Evidence Store', 'File', 'Edit', 'View', 'Help'] : ['File', 'Edit', 'View', 'Help']);
  });

  it('each shortcut item sends the page a key that the UI’s own handler reads as that action', () => {
    const all = Object.values(menuShortcuts(platform)).flat();
    expect(all.map((s) => s.label).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const shortcut of all) {
      const a = actions();
      const item = find(buildMenuTemplate(a, options), shortcut.label);
      (item.click as () => void)();
      expect(a.sendKey).toHaveBeenCalledWith(shortcut.key);
      expect(shortcutFor(asKeyboardEvent(shortcut.key, document.body)), shortcut.label).toBe(EXPECTED[shortcut.label]);
    }
  });

  it('shows the same keys as the UI’s shortcut list', () => {
    const shown = new Set(SHORTCUTS.map((s) => s.keys));
    for (const s of Object.values(menuShortcuts(platform)).flat()) {
      const keys = s.accelerator.replace('CmdOrCtrl', 'Ctrl').replace(/^\?$/u, 'Shift+?');
      expect([...shown].some((k) => k.split(/\s+or\s+/u).includes(keys)), `${s.label}: ${keys}`).toBe(true);
    }
  });

  it(platform === 'darwin' ? 'registers modifier shortcuts but never a single key the user types in fields' : 'only shows its shortcuts, so keys still reach the page (which knows when a field is being typed in)', () => {
    const template = buildMenuTemplate(actions(), options);
    const withKeys = template.flatMap(items).filter((i) => i.accelerator);
    expect(withKeys.length).toBeGreaterThanOrEqual(platform === 'darwin' ? 10 : 11);
    for (const item of withKeys) {
      if (platform === 'darwin') expect(item.accelerator).toMatch(/\+/u);
      else expect(item.registerAccelerator, String(item.label)).toBe(false);
    }
  });

  it('has Show Logs and About in Help (About in the app menu on macOS), Quit, the edit roles, and no developer tools once packaged', () => {
    const a = actions();
    const template = buildMenuTemplate(a, options);
    (find(template, 'Show Logs').click as () => void)();
    expect(a.showLogs).toHaveBeenCalledOnce();
    (find(template, 'About Evidence Store').click as () => void)();
    expect(a.showAbout).toHaveBeenCalledOnce();
    (find(template, 'Show Data Folder').click as () => void)();
    expect(a.showDataFolder).toHaveBeenCalledOnce();
    const roles = template.flatMap(items).map((i) => i.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom']));
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('reload');
    const dev = buildMenuTemplate(actions(), { ...options, isPackaged: false }).flatMap(items).map((i) => i.role);
    expect(dev).toContain('toggleDevTools');
  });
});

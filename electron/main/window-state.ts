/**
 * The window comes back where the user left it: its size, place and whether it was maximised,
 * kept in `window-state.json` in the data folder. A saved place is used only if enough of it is on
 * a screen that is there now (a laptop taken off its docking station must not open the window on
 * a monitor that has gone); otherwise the window opens at its default size on the main screen.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const WINDOW_STATE_FILE = 'window-state.json';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState extends Rect {
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 800, height: 560 } as const;

/** How much of the window's top strip (where the title bar is) must be on one screen to be used. */
const VISIBLE = { width: 200, height: 40 } as const;

/** A saved state, or null if the file is missing, damaged or not a state. */
export function readWindowState(dataDir: string): WindowState | null {
  try {
    const value: unknown = JSON.parse(readFileSync(join(dataDir, WINDOW_STATE_FILE), 'utf8'));
    return isWindowState(value) ? value : null;
  } catch {
    return null;
  }
}

export function writeWindowState(dataDir: string, state: WindowState): void {
  const file = join(dataDir, WINDOW_STATE_FILE);
  try {
    // Written beside and renamed over: a crash mid-write leaves the previous state, never half a file.
    writeFileSync(`${file}.tmp`, JSON.stringify(state));
    renameSync(`${file}.tmp`, file);
  } catch {
    // The window's place is a convenience: failing to keep it must not disturb quitting.
  }
}

function isWindowState(value: unknown): value is WindowState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((k) => typeof v[k] === 'number' && Number.isFinite(v[k])) && typeof v.maximized === 'boolean';
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * Where to open the window, given what was saved and the work areas of the screens present now.
 * The saved place is kept if the window's top strip is on a screen enough to grab and move it;
 * its size is cut down to fit that screen. Otherwise: the default size (cut to fit), centred on
 * the primary screen (the first work area), still maximised if it was.
 */
export function restoreWindowState(saved: WindowState | null, workAreas: readonly Rect[]): { bounds: Partial<Rect> & { width: number; height: number }; maximized: boolean } {
  const primary = workAreas[0];
  const fit = (size: { width: number; height: number }, area: Rect | undefined) => ({
    width: Math.max(MIN_SIZE.width, Math.min(Math.round(size.width), area ? area.width : Infinity)),
    height: Math.max(MIN_SIZE.height, Math.min(Math.round(size.height), area ? area.height : Infinity)),
  });
  if (saved && saved.width > 0 && saved.height > 0) {
    const titleStrip = { x: saved.x, y: saved.y, width: saved.width, height: VISIBLE.height };
    const screen = workAreas.find((area) => {
      const o = overlap(titleStrip, area);
      return o.width >= Math.min(VISIBLE.width, saved.width) && o.height >= VISIBLE.height;
    });
    if (screen) {
      const size = fit(saved, screen);
      // Pull it fully onto that screen where it fits, so no edge is lost off the side.
      const x = Math.min(Math.max(Math.round(saved.x), screen.x), screen.x + screen.width - size.width);
      const y = Math.min(Math.max(Math.round(saved.y), screen.y), screen.y + screen.height - size.height);
      return { bounds: { x: Math.max(x, screen.x), y: Math.max(y, screen.y), ...size }, maximized: saved.maximized };
    }
  }
  const size = fit(DEFAULT_SIZE, primary);
  const bounds = primary
    ? { x: primary.x + Math.round((primary.width - size.width) / 2), y: primary.y + Math.round((primary.height - size.height) / 2), ...size }
    : size;
  return { bounds, maximized: saved?.maximized ?? false };
}

/** What the window must offer to be tracked (a BrowserWindow does). */
export interface TrackedWindow {
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isDestroyed(): boolean;
  on(event: 'close', listener: () => void): unknown;
}

/** Saves the window's state when it closes (its normal bounds: the size it un-maximises to). */
export function trackWindowState(window: TrackedWindow, dataDir: string): void {
  window.on('close', () => {
    if (window.isDestroyed()) return;
    writeWindowState(dataDir, { ...window.getNormalBounds(), maximized: window.isMaximized() });
  });
}

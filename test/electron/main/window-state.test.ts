/** The window's size and place, kept between runs and checked against the screens present (electron/main/window-state.ts). */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EventEmitter } from 'node:events';
import { DEFAULT_SIZE, MIN_SIZE, readWindowState, restoreWindowState, trackWindowState, WINDOW_STATE_FILE, writeWindowState } from '../../../electron/main/window-state.ts';
import { tempDir } from '../../helpers/temp.ts';

const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
const monitorRight = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('restoreWindowState', () => {
  it('puts the window back where it was on a screen that is still there', () => {
    const saved = { x: 2100, y: 120, width: 1400, height: 900, maximized: false };
    expect(restoreWindowState(saved, [laptop, monitorRight])).toEqual({ bounds: { x: 2100, y: 120, width: 1400, height: 900 }, maximized: false });
  });

  it('opens at the default size, centred on the main screen, when its screen has gone (undocked laptop)', () => {
    const saved = { x: 2100, y: 120, width: 1400, height: 900, maximized: true };
    const { bounds, maximized } = restoreWindowState(saved, [laptop]);
    expect(bounds).toEqual({ x: (1920 - DEFAULT_SIZE.width) / 2, y: (1040 - DEFAULT_SIZE.height) / 2, ...DEFAULT_SIZE });
    expect(maximized).toBe(true);
  });

  it('refuses a place whose title bar is off every screen (above the top, or barely a sliver on the edge)', () => {
    expect(restoreWindowState({ x: 100, y: -500, width: 1000, height: 600, maximized: false }, [laptop]).bounds).toMatchObject({ width: DEFAULT_SIZE.width });
    expect(restoreWindowState({ x: 1850, y: 100, width: 1000, height: 600, maximized: false }, [laptop]).bounds.x).toBe((1920 - DEFAULT_SIZE.width) / 2);
  });

  it('pulls a window hanging off an edge fully onto its screen, and shrinks one bigger than the screen', () => {
    expect(restoreWindowState({ x: 1500, y: 500, width: 1000, height: 700, maximized: false }, [laptop]).bounds).toEqual({ x: 920, y: 340, width: 1000, height: 700 });
    expect(restoreWindowState({ x: 0, y: 0, width: 3000, height: 2000, maximized: false }, [laptop]).bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
  });

  it('never goes below the minimum size, and copes with no saved state or no screens', () => {
    expect(restoreWindowState({ x: 10, y: 10, width: 100, height: 50, maximized: false }, [laptop]).bounds).toMatchObject({ width: MIN_SIZE.width, height: MIN_SIZE.height });
    expect(restoreWindowState(null, [laptop])).toEqual({ bounds: { x: 320, y: 110, ...DEFAULT_SIZE }, maximized: false });
    expect(restoreWindowState(null, [])).toEqual({ bounds: { ...DEFAULT_SIZE }, maximized: false });
  });

  it('uses a screen to the left or above the main one (negative coordinates)', () => {
    const left = { x: -1600, y: -200, width: 1600, height: 900 };
    expect(restoreWindowState({ x: -1500, y: -150, width: 1200, height: 800, maximized: false }, [laptop, left]).bounds).toEqual({ x: -1500, y: -150, width: 1200, height: 800 });
  });
});

describe('the saved file', () => {
  it('round-trips, and a damaged or foreign file counts as nothing saved', () => {
    const dir = tempDir();
    expect(readWindowState(dir)).toBeNull();
    writeWindowState(dir, { x: 5, y: 6, width: 900, height: 700, maximized: true });
    expect(readWindowState(dir)).toEqual({ x: 5, y: 6, width: 900, height: 700, maximized: true });
    writeFileSync(join(dir, WINDOW_STATE_FILE), '{"x": 1, "y": "2"');
    expect(readWindowState(dir)).toBeNull();
    writeFileSync(join(dir, WINDOW_STATE_FILE), JSON.stringify({ x: 1, y: 2, width: 'wide', height: 3, maximized: false }));
    expect(readWindowState(dir)).toBeNull();
  });

  it('is written when the window closes: its normal (un-maximised) bounds and whether it was maximised', () => {
    const dir = tempDir();
    const window = Object.assign(new EventEmitter(), {
      getNormalBounds: () => ({ x: 40, y: 50, width: 1100, height: 750 }),
      isMaximized: () => true,
      isDestroyed: () => false,
    });
    trackWindowState(window, dir);
    expect(readWindowState(dir)).toBeNull();
    window.emit('close');
    expect(JSON.parse(readFileSync(join(dir, WINDOW_STATE_FILE), 'utf8'))).toEqual({ x: 40, y: 50, width: 1100, height: 750, maximized: true });
  });
});

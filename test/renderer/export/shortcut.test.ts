// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { AREAS, AREA_LABELS } from '../../../renderer/src/app/areas.ts';
import { SHORTCUTS, shortcutFor } from '../../../renderer/src/app/shortcuts.ts';

const key = (k: string, code: string) => ({ key: k, code, ctrlKey: false, metaKey: false, altKey: true, shiftKey: false, target: null });

describe('Alt+5 goes to Export', () => {
  it('after Annex A in the navigation, and listed in the shortcuts dialog with Ctrl+Enter', () => {
    expect(shortcutFor(key('5', 'Digit5'))).toBe('area-5');
    // A keyboard layout where Alt+5 types another character still has the key code.
    expect(shortcutFor(key('€', 'Digit5'))).toBe('area-5');
    expect(AREAS.indexOf('export')).toBe(AREAS.indexOf('annexa') + 1);
    expect(AREAS[4]).toBe('export');
    expect(AREA_LABELS.export).toBe('Export');
    expect(SHORTCUTS.some((s) => s.keys === 'Alt+5' && s.action === 'Export')).toBe(true);
    expect(SHORTCUTS.some((s) => s.keys === 'Ctrl+Enter')).toBe(true);
  });
});

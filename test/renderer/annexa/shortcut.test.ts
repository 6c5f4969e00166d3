// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { AREAS, AREA_LABELS } from '../../../renderer/src/app/areas.ts';
import { SHORTCUTS, shortcutFor } from '../../../renderer/src/app/shortcuts.ts';

const key = (k: string, code: string) => ({ key: k, code, ctrlKey: false, metaKey: false, altKey: true, shiftKey: false, target: null });

describe('Alt+4 goes to Annex A', () => {
  it('in the order of the navigation, and listed in the shortcuts dialog', () => {
    expect(shortcutFor(key('4', 'Digit4'))).toBe('area-4');
    // A keyboard layout where Alt+4 types another character still has the key code.
    expect(shortcutFor(key('¢', 'Digit4'))).toBe('area-4');
    expect(AREAS[3]).toBe('annexa');
    expect(AREA_LABELS.annexa).toBe('Annex A');
    expect(SHORTCUTS.some((s) => s.keys === 'Alt+4' && s.action === 'Annex A')).toBe(true);
  });
});

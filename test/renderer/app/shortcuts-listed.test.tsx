// @vitest-environment jsdom
/**
 * Every shortcut the app handles is listed in the "Keyboard shortcuts" dialog, and every one listed
 * is handled: shortcuts.ts is the one definition, the handlers ask it, and no other code reads keys
 * without going through it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { HIT_KEYS_ATTRIBUTE, SHORTCUTS, matchesShortcut, shortcutFor, type KeyPress, type ShortcutId } from '../../../renderer/src/app/shortcuts.ts';
import { ShortcutsDialog } from '../../../renderer/src/app/ShortcutsDialog.tsx';

// jsdom gives import.meta.url a non-file URL in some setups: take the folder from the test file's path.
const SRC = join(dirname(fileURLToPath(import.meta.url.replace(/^[a-z]+:\/\/[^/]*\//u, 'file:///'))), '../../../renderer/src/');

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({ key, code: '', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, target: null, ...extra });
const textarea = () => document.createElement('textarea');
/** The document's page, where Enter steps through hits. */
const onThePage = () => {
  const page = document.createElement('div');
  page.setAttribute(HIT_KEYS_ATTRIBUTE, '');
  return page;
};

/** A key press for each shortcut (typed: a shortcut added to shortcuts.ts without one here does not compile). */
const PRESSES: Record<ShortcutId, KeyPress[]> = {
  'focus-search': [press('k', { ctrlKey: true }), press('/')],
  'area-1': [press('1', { altKey: true, code: 'Digit1' })],
  'area-2': [press('2', { altKey: true, code: 'Digit2' })],
  'area-3': [press('3', { altKey: true, code: 'Digit3' })],
  'area-4': [press('4', { altKey: true, code: 'Digit4' })],
  'area-5': [press('5', { altKey: true, code: 'Digit5' })],
  'area-6': [press('6', { altKey: true, code: 'Digit6' })],
  'area-7': [press('7', { altKey: true, code: 'Digit7' })],
  settings: [press('9', { altKey: true, code: 'Digit9' })],
  'log-request': [press('L', { ctrlKey: true, shiftKey: true, code: 'KeyL' })],
  'show-shortcuts': [press('?', { shiftKey: true })],
  'close-document': [press('Escape')],
  'results-move': [press('ArrowDown'), press('ArrowUp')],
  'results-open': [press('Enter')],
  'hit-next': [press('F3'), press('Enter', { target: onThePage() })],
  'hit-previous': [press('F3', { shiftKey: true }), press('Enter', { shiftKey: true, target: onThePage() })],
  'thumbnails-move': [press('ArrowDown'), press('ArrowUp'), press('Home'), press('End')],
  'nav-move': [press('ArrowDown'), press('ArrowUp'), press('Home'), press('End')],
  'evidence-tick-run': [press('', { shiftKey: true })],
  'export-pack': [press('Enter', { ctrlKey: true })],
  'request-move': [press('ArrowLeft', { ctrlKey: true }), press('ArrowRight', { metaKey: true })],
  'request-save': [press('Enter', { target: textarea() }), press('Enter', { ctrlKey: true })],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? sourceFiles(join(dir, d.name)) : /\.tsx?$/u.test(d.name) ? [join(dir, d.name)] : []));
}

/** Code that looks at which key was pressed. */
const READS_KEYS = /\b(?:event|e|ev|evt)\.(?:key|ctrlKey|metaKey|altKey|shiftKey)\b|\.code\s*[!=]==?\s*['"](?:Key|Digit|Arrow|Enter|Escape)|addEventListener\(\s*['"]key(?:down|up|press)['"]/u;

/**
 * Files that read keys without being an app shortcut, and why. Anything else that reads keys must
 * take them from shortcuts.ts (so the dialog lists them).
 */
const NOT_SHORTCUTS: Record<string, string> = {
  'frameworks/FrameworkForm.tsx': 'Escape in a rename field or the new-criterion form cancels it (the field’s own key, not a shortcut)',
};

afterEach(cleanup);

describe('keyboard shortcuts', () => {
  it('each listed shortcut has its keys and what it does, once', () => {
    expect(new Set(SHORTCUTS.map((s) => s.id)).size).toBe(SHORTCUTS.length);
    for (const s of SHORTCUTS) {
      expect(s.keys.trim(), s.id).not.toBe('');
      expect(s.action.trim(), s.id).not.toBe('');
    }
    // Within one place, two shortcuts never share keys.
    const seen = SHORTCUTS.map((s) => `${s.where}: ${s.keys}`);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('each shortcut is the key press it says, and the app-wide ones are told apart', () => {
    for (const s of SHORTCUTS) {
      for (const p of PRESSES[s.id]) expect(matchesShortcut(s.id, p), `${s.id} for ${p.key}`).toBe(true);
    }
    expect(shortcutFor(press('4', { altKey: true, code: 'Digit4' }))).toBe('area-4');
    expect(shortcutFor(press('L', { ctrlKey: true, shiftKey: true, code: 'KeyL' }))).toBe('log-request');
    expect(shortcutFor(press('a'))).toBeNull();
    // Enter steps to the next hit only on the document's page (elsewhere it opens, presses, submits).
    expect(matchesShortcut('hit-next', press('Enter'))).toBe(false);
    expect(matchesShortcut('hit-next', press('F3', { shiftKey: true }))).toBe(false);
    expect(matchesShortcut('hit-previous', press('F3'))).toBe(false);
    // Enter saves a request from its words, but Shift+Enter is a new line there.
    expect(matchesShortcut('request-save', press('Enter', { shiftKey: true, target: textarea() }))).toBe(false);
    expect(matchesShortcut('export-pack', press('Enter'))).toBe(false);
    expect(matchesShortcut('request-move', press('ArrowLeft'))).toBe(false);
  });

  it('every file that reads keys takes its shortcuts from shortcuts.ts, and every listed shortcut is handled somewhere', () => {
    const files = sourceFiles(SRC).filter((f) => !f.endsWith(join('app', 'shortcuts.ts')));
    const texts = new Map(files.map((f) => [relative(SRC, f).split('\\').join('/'), readFileSync(f, 'utf8')]));
    const readers = [...texts].filter(([, text]) => READS_KEYS.test(text)).map(([name]) => name);
    // The handlers known today are found (so the pattern still sees key handling).
    expect(readers).toEqual(expect.arrayContaining(['app/App.tsx', 'app/AppNav.tsx', 'requests/BoardView.tsx']));
    const unlisted = readers.filter((name) => !(name in NOT_SHORTCUTS) && !/from '(?:\.\.\/app|\.)\/shortcuts\.ts'/u.test(texts.get(name)!));
    expect(unlisted, 'files reading keys without shortcuts.ts: add their shortcuts there, or say here why they are not shortcuts').toEqual([]);

    const all = [...texts.values()].join('\n');
    for (const s of SHORTCUTS) {
      expect(all.includes(`matchesShortcut('${s.id}'`) || all.includes(`case '${s.id}':`), `${s.id} is listed but nothing handles it`).toBe(true);
    }
  });

  it('the dialog lists every one of them', () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <ShortcutsDialog open onClose={() => {}} />
      </FluentProvider>,
    );
    const table = screen.getByTestId('shortcuts-table');
    for (const s of SHORTCUTS) {
      const row = table.querySelector(`[data-shortcut="${s.id}"]`) as HTMLElement | null;
      expect(row, s.id).not.toBeNull();
      expect(within(row!).getByText(s.keys.trim(), { normalizer: (t) => t.trim(), exact: false })).toBeTruthy();
      expect(within(row!).getByText(s.action)).toBeTruthy();
    }
  });
});

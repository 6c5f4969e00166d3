/**
 * Every keyboard shortcut of the app, defined once: what the "Keyboard shortcuts" dialog lists and
 * what each handler asks (`matchesShortcut(id, event)`, `shortcutFor(event)` for the app-wide ones).
 * A handler that reads keys some other way is caught by test/renderer/app/shortcuts-listed.test.ts.
 */
import { AREAS, AREA_LABELS, type Area } from './areas.ts';

/** What a shortcut looks at in a key press (a DOM or React keyboard event, or a test's object). */
export type KeyPress = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'target'>;

/** True when keys typed now are text for a field, so single-key shortcuts like '/' must not fire. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  }
  return false;
}

const ctrl = (e: KeyPress) => e.ctrlKey || e.metaKey;
/** The element marks itself as where Enter steps through hits (the document's page, not a button or field). */
export const HIT_KEYS_ATTRIBUTE = 'data-hit-keys';
const onHitKeysTarget = (e: KeyPress) => e.target instanceof Element && e.target.hasAttribute(HIT_KEYS_ATTRIBUTE);
const plain = (e: KeyPress) => !e.ctrlKey && !e.metaKey && !e.altKey;
/** Alt+digit: event.code too, because Alt+digit types other characters on some keyboard layouts. */
const altDigit = (digit: number) => (e: KeyPress) => e.altKey && !ctrl(e) && (e.code === `Digit${digit}` || e.key === String(digit));

/** Alt+1 … Alt+7 in the order of the navigation; Settings, at the bottom, Alt+9. */
export function areaShortcutKeys(area: Area): string {
  return area === 'settings' ? 'Alt+9' : `Alt+${AREAS.indexOf(area) + 1}`;
}

interface Definition {
  keys: string;
  action: string;
  /** Where it works, as the dialog groups them. */
  where: 'Anywhere' | 'Search' | 'Document' | 'Navigation' | 'Evidence' | 'Export' | 'Requests' | 'Logging a request';
  matches: (e: KeyPress) => boolean;
}

const DEFINITIONS = {
  'focus-search': {
    keys: 'Ctrl+K  or  /',
    action: 'Go to the search box',
    where: 'Anywhere',
    matches: (e) => (ctrl(e) && !e.altKey && e.key.toLowerCase() === 'k') || (e.key === '/' && plain(e) && !isTypingTarget(e.target)),
  },
  'area-1': { keys: 'Alt+1', action: AREA_LABELS[AREAS[0]], where: 'Anywhere', matches: altDigit(1) },
  'area-2': { keys: 'Alt+2', action: AREA_LABELS[AREAS[1]], where: 'Anywhere', matches: altDigit(2) },
  'area-3': { keys: 'Alt+3', action: AREA_LABELS[AREAS[2]], where: 'Anywhere', matches: altDigit(3) },
  'area-4': { keys: 'Alt+4', action: AREA_LABELS[AREAS[3]], where: 'Anywhere', matches: altDigit(4) },
  'area-5': { keys: 'Alt+5', action: AREA_LABELS[AREAS[4]], where: 'Anywhere', matches: altDigit(5) },
  'area-6': { keys: 'Alt+6', action: AREA_LABELS[AREAS[5]], where: 'Anywhere', matches: altDigit(6) },
  'area-7': { keys: 'Alt+7', action: AREA_LABELS[AREAS[6]], where: 'Anywhere', matches: altDigit(7) },
  settings: { keys: 'Alt+9', action: AREA_LABELS.settings, where: 'Anywhere', matches: altDigit(9) },
  // Ctrl+Shift+L ("log"), not Ctrl+Shift+R: in browser mode that is the browser's hard reload.
  'log-request': {
    keys: 'Ctrl+Shift+L',
    action: 'Log an inspector’s request',
    where: 'Anywhere',
    matches: (e) => ctrl(e) && e.shiftKey && !e.altKey && (e.code === 'KeyL' || e.key.toLowerCase() === 'l'),
  },
  'show-shortcuts': { keys: 'Shift+?', action: 'Show these shortcuts', where: 'Anywhere', matches: (e) => e.key === '?' && plain(e) && !isTypingTarget(e.target) },
  'close-document': { keys: 'Esc', action: 'Put away the panel or results shown over the document, then close the document', where: 'Search', matches: (e) => e.key === 'Escape' },
  'results-move': {
    keys: '↑  ↓',
    action: 'Move through the results (in the search box or the list)',
    where: 'Search',
    matches: (e) => (e.key === 'ArrowDown' || e.key === 'ArrowUp') && plain(e) && !e.shiftKey,
  },
  'results-open': { keys: 'Enter', action: 'Open the selected result', where: 'Search', matches: (e) => e.key === 'Enter' && plain(e) && !e.shiftKey },
  // F3 as in a browser's find; Enter only on the page itself, where it has nothing else to do.
  'hit-next': {
    keys: 'F3  or  Enter',
    action: 'Go to the next hit in the document (Enter on the page)',
    where: 'Document',
    matches: (e) => !ctrl(e) && !e.altKey && !e.shiftKey && (e.key === 'F3' || (e.key === 'Enter' && onHitKeysTarget(e))),
  },
  'hit-previous': {
    keys: 'Shift+F3  or  Shift+Enter',
    action: 'Go to the previous hit in the document (Shift+Enter on the page)',
    where: 'Document',
    matches: (e) => !ctrl(e) && !e.altKey && e.shiftKey && (e.key === 'F3' || (e.key === 'Enter' && onHitKeysTarget(e))),
  },
  'thumbnails-move': {
    keys: '↑  ↓  Home  End',
    action: 'Move between the page thumbnails (Enter goes to the page)',
    where: 'Document',
    matches: (e) => ['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key) && plain(e) && !e.shiftKey,
  },
  'nav-move': {
    keys: '↑  ↓  Home  End',
    action: 'Move between the areas',
    where: 'Navigation',
    matches: (e) => ['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key) && plain(e),
  },
  // Read from the click a tick box gets (Space on a focused box clicks it too, with Shift held).
  'evidence-tick-run': {
    keys: 'Shift+click  or  Shift+Space',
    action: 'Tick (or untick) every row from the last box ticked to this one',
    where: 'Evidence',
    matches: (e) => e.shiftKey && !ctrl(e) && !e.altKey,
  },
  'export-pack': { keys: 'Ctrl+Enter', action: 'Export the pack', where: 'Export', matches: (e) => e.key === 'Enter' && ctrl(e) && !e.altKey },
  'request-move': {
    keys: 'Ctrl+←  Ctrl+→',
    action: 'Move a request on the board to the column before or after',
    where: 'Requests',
    matches: (e) => ctrl(e) && !e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight'),
  },
  'request-save': {
    keys: 'Enter  or  Ctrl+Enter',
    action: 'Save the request (Enter in the words; Shift+Enter is a new line)',
    where: 'Logging a request',
    matches: (e) => e.key === 'Enter' && !e.altKey && (ctrl(e) || (e.target instanceof HTMLTextAreaElement && !e.shiftKey)),
  },
} satisfies Record<string, Definition>;

export type ShortcutId = keyof typeof DEFINITIONS;

/** The list the dialog shows, in this order. */
export const SHORTCUTS: readonly ({ id: ShortcutId } & Definition)[] = (Object.keys(DEFINITIONS) as ShortcutId[]).map((id) => ({ id, ...DEFINITIONS[id] }));

/** Whether this key press is the given shortcut (handlers ask only for the ones they handle). */
export function matchesShortcut(id: ShortcutId, event: KeyPress): boolean {
  return DEFINITIONS[id].matches(event);
}

/** The shortcuts the app itself handles, wherever the focus is. */
const APP_WIDE = ['focus-search', 'log-request', 'area-1', 'area-2', 'area-3', 'area-4', 'area-5', 'area-6', 'area-7', 'settings', 'close-document', 'show-shortcuts'] as const satisfies readonly ShortcutId[];

export type ShortcutAction = (typeof APP_WIDE)[number];

/** Which app-wide shortcut a key press is, if any. */
export function shortcutFor(event: KeyPress): ShortcutAction | null {
  return APP_WIDE.find((id) => matchesShortcut(id, event)) ?? null;
}

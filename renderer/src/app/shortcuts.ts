/** The keyboard shortcuts, listed once for both the handler and the "Keyboard shortcuts" dialog. */

export const SHORTCUTS: { keys: string; action: string }[] = [
  { keys: 'Ctrl+K  or  /', action: 'Go to the search box' },
  { keys: '↑  ↓', action: 'Move through the results' },
  { keys: 'Enter', action: 'Open the selected result' },
  { keys: 'Esc', action: 'Close the document' },
  { keys: 'Alt+1', action: 'Search' },
  { keys: 'Alt+2', action: 'Library' },
  { keys: 'Alt+3', action: 'Frameworks' },
  { keys: 'Alt+4', action: 'Annex A' },
  { keys: 'Alt+5', action: 'Export' },
  { keys: 'Alt+6', action: 'Requests' },
  { keys: 'Alt+9', action: 'Settings' },
  { keys: 'Shift+?', action: 'Show these shortcuts' },
  { keys: 'Ctrl+Enter', action: 'Export the pack (in Export)' },
  { keys: 'Ctrl+Shift+L', action: 'Log an inspector’s request (from anywhere)' },
];

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

export type ShortcutAction = 'focus-search' | 'close-document' | 'area-1' | 'area-2' | 'area-3' | 'area-4' | 'area-5' | 'area-6' | 'settings' | 'log-request' | 'show-shortcuts';

/** Which app shortcut a key press is, if any. */
export function shortcutFor(event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'target'>): ShortcutAction | null {
  const typing = isTypingTarget(event.target);
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') return 'focus-search';
  // Ctrl+Shift+L ("log"), not Ctrl+Shift+R: in browser mode that is the browser's hard reload.
  if ((event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && (event.code === 'KeyL' || event.key.toLowerCase() === 'l')) return 'log-request';
  if (event.altKey && !event.ctrlKey && !event.metaKey) {
    // event.code: Alt+digit types other characters on some keyboard layouts.
    if (event.code === 'Digit1' || event.key === '1') return 'area-1';
    if (event.code === 'Digit2' || event.key === '2') return 'area-2';
    if (event.code === 'Digit3' || event.key === '3') return 'area-3';
    if (event.code === 'Digit4' || event.key === '4') return 'area-4';
    if (event.code === 'Digit5' || event.key === '5') return 'area-5';
    if (event.code === 'Digit6' || event.key === '6') return 'area-6';
    if (event.code === 'Digit9' || event.key === '9') return 'settings';
  }
  if (event.key === 'Escape') return 'close-document';
  if (typing || event.ctrlKey || event.metaKey || event.altKey) return null;
  if (event.key === '/') return 'focus-search';
  if (event.key === '?') return 'show-shortcuts';
  return null;
}

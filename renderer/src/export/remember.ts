/**
 * The last pack's destination, kept between visits (a pack goes to the same shared-drive folder
 * each time it is refreshed). A folder path says nothing about any child, so localStorage may keep it.
 */
const KEY = 'export.destination';

export function recallDestination(): string {
  try {
    return globalThis.localStorage?.getItem(KEY) ?? '';
  } catch {
    // Storage refused (private mode, policy): nothing remembered, nothing broken.
    return '';
  }
}

export function rememberDestination(path: string): void {
  try {
    if (path.trim()) globalThis.localStorage?.setItem(KEY, path.trim());
  } catch {
    // As above.
  }
}

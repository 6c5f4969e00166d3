/**
 * Choices worth keeping between visits: the inspection date, the Annex A version and the source
 * system. They say nothing about any child, so the page's localStorage may keep them; the
 * extracts themselves are never kept here.
 */
const KEYS = { inspectionDate: 'annexa.inspectionDate', specId: 'annexa.specId', system: 'annexa.system' } as const;
export type Remembered = keyof typeof KEYS;

export function recall(what: Remembered): string | null {
  try {
    return globalThis.localStorage?.getItem(KEYS[what]) ?? null;
  } catch {
    // Storage refused (private mode, policy): nothing remembered, nothing broken.
    return null;
  }
}

export function remember(what: Remembered, value: string | null): void {
  try {
    if (value === null || value === '') globalThis.localStorage?.removeItem(KEYS[what]);
    else globalThis.localStorage?.setItem(KEYS[what], value);
  } catch {
    // As above.
  }
}

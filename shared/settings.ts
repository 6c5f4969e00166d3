/**
 * The ranges each setting may take: the contract's schema enforces them and the Settings form
 * shows them, from this one definition.
 */
export const SETTING_LIMITS = {
  /** Worker threads reading files at once. */
  workers: { min: 1, max: 16 },
  /** Seconds one file may take to read before it is stopped and recorded as timed out. */
  timeoutSeconds: { min: 5, max: 3600 },
  /** Files larger than this many MB are not read (recorded as too large). */
  maxFileMB: { min: 1, max: 4096 },
  /** Minutes between rescans of every library folder while the app runs; 0 turns it off. */
  rescanMinutes: { min: 0, max: 1440 },
} as const;

export type NumericSetting = keyof typeof SETTING_LIMITS;

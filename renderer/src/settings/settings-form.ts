/**
 * The Settings form's logic, apart from React: the fields as people see them, turning what they
 * typed into a `settings.set` change, and placing the server's validation error next to its field.
 */
import type { Settings } from '../../../shared/contract.ts';
import { SETTING_LIMITS, type NumericSetting } from '../../../shared/settings.ts';
import { formatCount } from '../shared/format.ts';

export type NumberKey = NumericSetting;

export interface NumberField {
  key: NumberKey;
  label: string;
  /** One plain line: what the setting does. */
  hint: string;
  unit: string;
}

/** The range the contract accepts, for the hint and the input's min/max (the server still decides). */
export function rangeOf(key: NumberKey): { min: number; max: number } {
  return SETTING_LIMITS[key];
}

export const READING_FIELDS: readonly NumberField[] = [
  { key: 'workers', label: 'Files read at the same time', hint: 'More is faster, but keeps the computer busier while a scan runs.', unit: 'files' },
  { key: 'timeoutSeconds', label: 'Time limit per file', hint: 'A file that takes longer than this to read is stopped and listed as “took too long”.', unit: 'seconds' },
  { key: 'maxFileMB', label: 'Largest file to read', hint: 'Files larger than this are listed as too large and not read.', unit: 'MB' },
];

export const RESCAN_FIELD: NumberField = {
  key: 'rescanMinutes',
  label: 'Rescan every',
  hint: 'Look for new and changed files in every folder this often while the app is open; 0 turns it off.',
  unit: 'minutes',
};

export const NUMBER_FIELDS: readonly NumberField[] = [...READING_FIELDS, RESCAN_FIELD];

/** The form's state: numbers as typed (text), so a half-typed value is not lost. */
export type Draft = Record<NumberKey, string> & { watchFolders: boolean };

export function draftOf(settings: Settings): Draft {
  return {
    workers: String(settings.workers),
    timeoutSeconds: String(settings.timeoutSeconds),
    maxFileMB: String(settings.maxFileMB),
    rescanMinutes: String(settings.rescanMinutes),
    watchFolders: settings.watchFolders,
  };
}

export type FieldErrors = Partial<Record<keyof Settings, string>>;

/**
 * What to send to `settings.set`: only the fields that changed. Text that is not a whole number
 * never reaches the server; the range is the server's to check (one source of truth).
 */
export function changesOf(draft: Draft, saved: Settings): { changes: Partial<Settings>; errors: FieldErrors } {
  const changes: Partial<Settings> = {};
  const errors: FieldErrors = {};
  for (const field of NUMBER_FIELDS) {
    const text = draft[field.key].trim();
    if (!/^-?\d+$/u.test(text)) {
      errors[field.key] = text === '' ? 'Enter a number.' : 'Enter a whole number, with no units.';
      continue;
    }
    const value = Number(text);
    if (value !== saved[field.key]) changes[field.key] = value;
  }
  if (draft.watchFolders !== saved.watchFolders) changes.watchFolders = draft.watchFolders;
  return { changes, errors };
}

/** True when the form differs from what is saved. */
export function isDirty(draft: Draft, saved: Settings): boolean {
  const current = draftOf(saved);
  return (Object.keys(current) as (keyof Draft)[]).some((key) => (typeof draft[key] === 'string' ? String(draft[key]).trim() : draft[key]) !== current[key]);
}

/**
 * The server names the field it refused (the error's `field`). Returns that field with a message in
 * plain words, or null when the error is about something else.
 */
export function fieldOfError(fieldPath: string | undefined): { key: keyof Settings; message: string } | null {
  if (fieldPath === 'watchFolders') return { key: 'watchFolders', message: 'This could not be saved.' };
  const field = NUMBER_FIELDS.find((f) => f.key === fieldPath);
  if (!field) return null;
  // The schema's own wording ("Too small: expected number to be >=1") is for developers.
  return { key: field.key, message: `Not saved: choose a whole number from ${formatRange(field)}.` };
}

/** "1 to 16", "0 to 1,440". */
export function formatRange(field: NumberField): string {
  const { min, max } = rangeOf(field.key);
  return `${formatCount(min)} to ${formatCount(max)}`;
}

/** Failure reasons in plain words, with what the user can do about each. */
const MESSAGES: Record<string, string> = {
  corrupt: 'The file is damaged or not what its name says, so its text could not be read. Open it in its own application to check it; re-save or replace it, then scan again.',
  encrypted: 'The file is password-protected. Save an unprotected copy if it should be searchable.',
  'too-large': 'The file is over the size limit or expands to far more than its size (a zip bomb), so it was not read.',
  'timed-out': 'Reading the file took too long and was stopped. It will be tried again at the next scan.',
  unreadable: 'The file could not be opened: it may be open in another program, locked, or you may not have permission. It will be tried again at the next scan.',
  empty: 'The file is empty (0 bytes).',
  unsupported: 'This kind of file is not indexed yet. It is listed so you know it is there.',
  'no-text': 'This looks like a scan: it has no text layer, so it can only be found by its name.',
};

export function failureMessage(reason: string): string {
  return MESSAGES[reason] ?? 'The file could not be indexed.';
}

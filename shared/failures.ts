/**
 * Why a file is in the failures list, in words: a short label for the group heading and a message
 * saying what happened and what to do. Every reason the contract names must have both (the type
 * checks it), and the core's failures list and the UI's groups read them from here.
 */
import type { FailureReason } from './contract.ts';

/** The contract's failure reasons, and the two states that are not failures but need a look. */
export type AttentionReason = FailureReason | 'unsupported' | 'no-text';

export const FAILURE_TEXT: Readonly<Record<AttentionReason, { label: string; message: string }>> = {
  corrupt: {
    label: 'Damaged, or not what the name says',
    message: 'The file is damaged or not what its name says, so its text could not be read. Open it in its own application to check it; re-save or replace it, then scan again.',
  },
  encrypted: { label: 'Password protected', message: 'The file is password-protected. Save an unprotected copy if it should be searchable.' },
  'too-large': { label: 'Too large', message: 'The file is over the size limit or expands to far more than its size (a zip bomb), so it was not read.' },
  'timed-out': { label: 'Took too long to read', message: 'Reading the file took too long and was stopped. It will be tried again at the next scan.' },
  unreadable: {
    label: 'Could not be opened',
    message: 'The file could not be opened: it may be open in another program, locked, or you may not have permission. It will be tried again at the next scan.',
  },
  empty: { label: 'Empty', message: 'The file is empty (0 bytes).' },
  crashed: {
    label: 'The reader stopped',
    message: 'The reader stopped unexpectedly on this file (and again when tried once more). It may be damaged in a way Evidence Store cannot read; open it in its own application to check it. “Retry failed” reads it again.',
  },
  'internal-error': {
    label: 'Could not be stored',
    message: 'Evidence Store failed while storing this file (the details say how). It will be tried again at the next scan; report it if it keeps happening.',
  },
  unsupported: { label: 'Kind of file not supported yet', message: 'This kind of file is not indexed yet. It is listed so you know it is there.' },
  'no-text': { label: 'No text (scans)', message: 'This looks like a scan: it has no text layer, so it can only be found by its name.' },
};

function known(reason: string): reason is AttentionReason {
  return Object.hasOwn(FAILURE_TEXT, reason);
}

export function failureLabel(reason: string): string {
  return known(reason) ? FAILURE_TEXT[reason].label : reason.replace(/[-_]+/gu, ' ').replace(/^./u, (c) => c.toUpperCase());
}

export function failureMessage(reason: string): string {
  return known(reason) ? FAILURE_TEXT[reason].message : 'The file could not be indexed.';
}

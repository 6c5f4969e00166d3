/**
 * Why a file is in the failures list, in words: a short label, a message saying what happened and
 * what to do, and the sentence a group of such files is summed up by ("12 files are
 * password-protected: ask the owner for an unprotected copy"). Every reason the contract names
 * must have all of them (the type checks it), and the core's failures list and the UI's groups
 * read them from here.
 */
import type { FailureReason } from './contract.ts';
import { filesText } from './counts.ts';

/** The contract's failure reasons, and the two states that are not failures but need a look. */
export type AttentionReason = FailureReason | 'unsupported' | 'no-text';

interface ReasonText {
  label: string;
  message: string;
  /** What is wrong, after "1 file" / "12 files". */
  one: string;
  many: string;
  /** What to do about it, said once for the whole group. */
  todo: string;
}

export const FAILURE_TEXT: Readonly<Record<AttentionReason, ReasonText>> = {
  corrupt: {
    label: 'Damaged, or not what the name says',
    message: 'The file is damaged or not what its name says, so its text could not be read. Open it in its own application to check it; re-save or replace it, then scan again.',
    one: 'is damaged, or not what its name says',
    many: 'are damaged, or not what their names say',
    todo: 'open each in its own application to check it, replace it with a good copy, then retry it',
  },
  encrypted: {
    label: 'Password protected',
    message: 'The file is password-protected. Save an unprotected copy if it should be searchable.',
    one: 'is password-protected',
    many: 'are password-protected',
    todo: 'ask the owner for an unprotected copy if it should be searchable',
  },
  'too-large': {
    label: 'Too large',
    message: 'The file is over the size limit or expands to far more than its size (a zip bomb), so it was not read.',
    one: 'is too large to read',
    many: 'are too large to read',
    todo: 'save a smaller copy, or raise the size limit in Settings if the file is genuine',
  },
  'timed-out': {
    label: 'Took too long to read',
    message: 'Reading the file took too long and was stopped. It will be tried again at the next scan.',
    one: 'took too long to read',
    many: 'took too long to read',
    todo: 'they are tried again at the next scan, or retry them now',
  },
  unreadable: {
    label: 'Could not be opened',
    message: 'The file could not be opened: it may be open in another program, locked, or you may not have permission. It will be tried again at the next scan.',
    one: 'could not be opened',
    many: 'could not be opened',
    todo: 'close them in other programs or check you may read them, then retry',
  },
  empty: { label: 'Empty', message: 'The file is empty (0 bytes).', one: 'is empty (0 bytes)', many: 'are empty (0 bytes)', todo: 'there is nothing to read; replace each with the real file if one is missing' },
  crashed: {
    label: 'The reader stopped',
    message: 'The reader stopped unexpectedly on this file (and again when tried once more). It may be damaged in a way Evidence Store cannot read; open it in its own application to check it. “Retry failed” reads it again.',
    one: 'stopped the reader',
    many: 'stopped the reader',
    todo: 'they may be damaged: open each in its own application to check it, then retry',
  },
  'internal-error': {
    label: 'Could not be stored',
    message: 'Evidence Store failed while storing this file (the details say how). It will be tried again at the next scan; report it if it keeps happening.',
    one: 'could not be stored',
    many: 'could not be stored',
    todo: 'retry them; report it if it keeps happening',
  },
  unsupported: {
    label: 'Kind of file not supported yet',
    message: 'This kind of file is not indexed yet. It is listed so you know it is there.',
    one: 'is a kind of file not indexed yet',
    many: 'are kinds of file not indexed yet',
    todo: 'they are listed so you know they are there',
  },
  'no-text': {
    label: 'No text (scans)',
    message: 'This looks like a scan: it has no text layer, so it can only be found by its name.',
    one: 'has no text (a scan?)',
    many: 'have no text (scans?)',
    todo: 'they can only be found by their names; save a copy with text if they should be searchable',
  },
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

/** "12 files are password-protected: ask the owner for an unprotected copy if it should be searchable". */
export function failureGroupSentence(reason: string, count: number): string {
  const files = filesText(count);
  if (!known(reason)) return `${files} could not be indexed (${failureLabel(reason).toLowerCase()})`;
  const text = FAILURE_TEXT[reason];
  const todo = count === 1 ? oneFile(text.todo) : text.todo;
  return `${files} ${count === 1 ? text.one : text.many}: ${todo}`;
}

/** The group's advice for a single file: "retry them" reads "retry it". */
function oneFile(todo: string): string {
  return todo
    .replace(/\bthey are\b/gu, 'it is')
    .replace(/\bthey\b/gu, 'it')
    .replace(/\bthem\b/gu, 'it')
    .replace(/\btheir names\b/gu, 'its name')
    .replace(/\beach\b/gu, 'it');
}

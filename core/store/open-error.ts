/**
 * Why the index file could not be opened, in words a shell can show as they are. The desktop app,
 * the CLI and browser mode all open the same file, and at start-up the user has no other way to
 * learn what went wrong, so each message says what happened, names the file, and says what to do.
 */

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DESKTOP_KEY_FILE } from '../paths.ts';
import { fileKind, PASSPHRASE_VARIABLE } from './cipher.ts';

export type IndexOpenErrorKind =
  /** Written by a newer Evidence Store; left exactly as it was. */
  | 'newer-version'
  /** Another program kept it locked for longer than the busy timeout. */
  | 'locked'
  /** Not an SQLite file (damaged, another kind of file) or another program's database. */
  | 'not-a-database'
  /** Encrypted, and opened without its key or with a wrong one; left exactly as it was. */
  | 'encrypted'
  /** Not encrypted, but opened with a key: refused rather than used unencrypted by mistake. */
  | 'not-encrypted'
  /** The file, its folder or the drive can be read but not written. */
  | 'read-only'
  /** It cannot be opened or created at all: permissions, a folder that cannot be made, a full disk. */
  | 'unreadable';

export class IndexOpenError extends Error {
  override readonly name = 'IndexOpenError';
  readonly kind: IndexOpenErrorKind;
  /** The index file, as the app was asked to open it. */
  readonly file: string;

  constructor(kind: IndexOpenErrorKind, file: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
    this.file = file;
  }
}

export function newerVersionError(file: string, found: number, known: number): IndexOpenError {
  return new IndexOpenError(
    'newer-version',
    file,
    `The index ${file} was made by a newer version of Evidence Store (index format ${found}; this version reads up to ${known}). ` +
      'It has been left exactly as it was. Update Evidence Store to open it, or choose another index file.',
  );
}

export function foreignDatabaseError(file: string): IndexOpenError {
  return new IndexOpenError(
    'not-a-database',
    file,
    `The file ${file} is a database, but not an Evidence Store index. It has been left exactly as it was. ` +
      'Choose another index file, or move this one somewhere else so that Evidence Store can make a new index in its place.',
  );
}

export function readOnlyError(file: string, cause?: unknown): IndexOpenError {
  return new IndexOpenError(
    'read-only',
    file,
    `The index ${file} can be read but not changed: the file, its folder or the drive is read-only. ` +
      'Make the file and its folder writable (or ask IT to), or choose an index file in a folder you can write to.',
    { cause },
  );
}

export function lockedError(file: string, busyTimeoutMs: number, cause?: unknown): IndexOpenError {
  const waited = busyTimeoutMs >= 1000 ? `${Math.round(busyTimeoutMs / 1000)} seconds` : `${busyTimeoutMs} milliseconds`;
  return new IndexOpenError(
    'locked',
    file,
    `The index ${file} is in use by another program and was still locked after waiting ${waited}. ` +
      'Close any other copy of Evidence Store (the desktop app, browser mode, or a command in a terminal) and anything else that may have the file open, then try again.',
    { cause },
  );
}

export function notADatabaseError(file: string, cause?: unknown): IndexOpenError {
  return new IndexOpenError(
    'not-a-database',
    file,
    `The file ${file} is not an Evidence Store index that can be read: it may be damaged or a different kind of file. ` +
      'It has been left as it was. Choose another index file, or move this one somewhere else so that Evidence Store can make a new index in its place.',
    { cause },
  );
}

export function unreadableError(file: string, code: string, cause?: unknown): IndexOpenError {
  return new IndexOpenError(
    'unreadable',
    file,
    `Evidence Store cannot open or create the index ${file}: ${unreadableReason(code)} ${unreadableAdvice(code)}`,
    { cause },
  );
}

export function encryptedError(file: string, keyGiven: boolean, cause?: unknown): IndexOpenError {
  // Made by the desktop app with the key the operating system keeps for it: no passphrase opens it.
  if (file !== ':memory:' && existsSync(join(dirname(file), DESKTOP_KEY_FILE))) {
    return new IndexOpenError(
      'encrypted',
      file,
      `The index ${file} is encrypted with the desktop app's own key, which the operating system keeps for the user who made it ` +
        `(${DESKTOP_KEY_FILE} beside it); no passphrase opens it. It has been left exactly as it was. ` +
        'Open it in the Evidence Store desktop app, or give the command line its own index with --db FILE (or EVIDENCE_STORE_DATA).',
      { cause },
    );
  }
  const what = keyGiven
    ? `The index ${file} is encrypted, and the key given does not open it (or it is not an Evidence Store index).`
    : `The index ${file} is encrypted, and no key was given.`;
  return new IndexOpenError(
    'encrypted',
    file,
    `${what} It has been left exactly as it was. ` +
      `Check the key: for the command line and browser mode, set the environment variable ${PASSPHRASE_VARIABLE} to the passphrase it was encrypted with, then try again. ` +
      '(The desktop app uses the key it keeps for this user on this computer.)',
    { cause },
  );
}

export function notEncryptedError(file: string, cause?: unknown): IndexOpenError {
  return new IndexOpenError(
    'not-encrypted',
    file,
    `The index ${file} is not encrypted, but a key was given to open it, so it has been left as it was. ` +
      `Close Evidence Store everywhere and run evidence-store encrypt --db "${file}" to encrypt it with that key, ` +
      `or unset the environment variable ${PASSPHRASE_VARIABLE} to use it unencrypted.`,
    { cause },
  );
}

/**
 * SQLite says only "file is not a database" both for an encrypted file opened without its key (or
 * with a wrong one) and for a plain file opened with a key: what is on disk tells which it was.
 * Undefined for anything else (toIndexOpenError takes it from there).
 */
export function encryptionError(error: unknown, file: string, keyGiven: boolean): IndexOpenError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_NOTADB') || file === ':memory:') return undefined;
  const kind = fileKind(file);
  if (kind === 'plain' && keyGiven) return notEncryptedError(file, error);
  if (kind === 'encrypted' || (kind === 'other' && keyGiven)) return encryptedError(file, keyGiven, error);
  return undefined;
}

/**
 * Turns what SQLite or the file system threw while opening into an IndexOpenError. Anything not
 * recognised is returned unchanged: a bug should surface as itself, not as advice about files.
 */
export function toIndexOpenError(error: unknown, file: string, busyTimeoutMs: number): unknown {
  if (error instanceof IndexOpenError) return error;
  const code = typeof (error as { code?: unknown } | null)?.code === 'string' ? (error as { code: string }).code : '';
  // SQLite's extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_IOERR_WRITE…) start with their primary code.
  if (/^SQLITE_(BUSY|LOCKED)/u.test(code)) return lockedError(file, busyTimeoutMs, error);
  if (/^SQLITE_(NOTADB|CORRUPT)/u.test(code)) return notADatabaseError(file, error);
  if (/^SQLITE_READONLY/u.test(code) || code === 'EROFS') return readOnlyError(file, error);
  if (/^SQLITE_(CANTOPEN|PERM|AUTH|IOERR|FULL)/u.test(code) || FILE_SYSTEM_CODES.has(code)) return unreadableError(file, code, error);
  return error;
}

/** Node's errors from making the folder: what a user can fix by choosing another place or making room. */
const FILE_SYSTEM_CODES = new Set(['EACCES', 'EPERM', 'ENOTDIR', 'ENOENT', 'EEXIST', 'EISDIR', 'ENAMETOOLONG', 'ENOSPC', 'EDQUOT']);

function unreadableReason(code: string): string {
  if (code === 'ENOSPC' || code === 'EDQUOT' || code.startsWith('SQLITE_FULL')) return 'the drive is full.';
  if (code === 'EACCES' || code === 'EPERM' || code.startsWith('SQLITE_PERM') || code.startsWith('SQLITE_AUTH')) {
    return 'you do not have permission to use it or its folder.';
  }
  if (code === 'ENOTDIR' || code === 'ENOENT' || code === 'EEXIST') return 'its folder does not exist and cannot be made there.';
  if (code === 'EISDIR') return 'that path is a folder, not a file.';
  if (code === 'ENAMETOOLONG') return 'the path is too long.';
  if (code.startsWith('SQLITE_IOERR')) return 'the drive reported an error while reading or writing it.';
  // SQLITE_CANTOPEN: SQLite does not say why (permissions, a folder in the way, a missing share).
  return 'the file or its folder cannot be opened (you may not have permission, or the path may be a folder).';
}

function unreadableAdvice(code: string): string {
  if (code === 'ENOSPC' || code === 'EDQUOT' || code.startsWith('SQLITE_FULL')) return 'Free some space on the drive, then try again.';
  if (code.startsWith('SQLITE_IOERR')) return 'Check that the drive is still connected and working, then try again.';
  return 'Check that the folder exists and that you may write to it, or choose another index file.';
}

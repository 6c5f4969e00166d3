/**
 * What the desktop app says when it cannot start, as plain data: main.ts shows it in a native
 * dialog. Kept free of Electron so the wording and the choice of buttons can be tested.
 *
 * The core reports problems with the index as an IndexOpenError (core/store/open-error.ts). The
 * shell may not import the core's store modules (eslint layer rules), and does not need to: it
 * reads the error's name, kind and file, which is also robust to the error crossing a module copy.
 */

export type StartupAction = 'quit' | 'show-file';

export interface StartupErrorDialog {
  /** The dialog's window title. */
  title: string;
  /** The headline: what happened, in one sentence. */
  message: string;
  /** The explanation: what happened, to which file, and what to do. */
  detail: string;
  /** Button labels, and what each does, in the same order. */
  buttons: string[];
  actions: StartupAction[];
  /** The button Enter presses, and the one Escape or closing the dialog means: always Quit. */
  defaultId: number;
  cancelId: number;
  /** The file "Show the file" reveals. */
  file: string;
}

const KINDS = ['newer-version', 'locked', 'not-a-database', 'read-only', 'unreadable', 'encrypted', 'not-encrypted'] as const;
type Kind = (typeof KINDS)[number];

interface IndexOpenErrorLike {
  name: 'IndexOpenError';
  kind: Kind;
  file: string;
  message: string;
}

const HEADLINES: Record<Kind, string> = {
  'newer-version': 'The index was made by a newer version of Evidence Store',
  locked: 'The index is in use by another program',
  'not-a-database': 'The index file is not an Evidence Store index',
  'read-only': 'The index can be read but not changed',
  unreadable: 'Evidence Store cannot open its index',
  encrypted: 'The index is encrypted and its key is not available',
  'not-encrypted': 'The index is not encrypted, but a key was given',
};

/** Where revealing the file helps: the user has to do something with that file (update, move, unlock). */
const SHOW_FILE: ReadonlySet<Kind> = new Set(['newer-version', 'not-a-database', 'read-only']);

function isIndexOpenError(error: unknown): error is IndexOpenErrorLike {
  const e = error as Partial<IndexOpenErrorLike> | null;
  return (
    typeof e === 'object' && e !== null && e.name === 'IndexOpenError' && KINDS.includes(e.kind as Kind) &&
    typeof e.file === 'string' && typeof e.message === 'string'
  );
}

export function describeStartupError(error: unknown, databasePath: string): StartupErrorDialog {
  const title = 'Evidence Store cannot start';
  if (isIndexOpenError(error)) {
    const withFile = SHOW_FILE.has(error.kind);
    return {
      title,
      message: HEADLINES[error.kind],
      // The message already names the file; the path is repeated on its own line to be copied.
      detail: `${error.message}\n\nIndex file: ${error.file}`,
      buttons: withFile ? ['Quit', 'Show the file'] : ['Quit'],
      actions: withFile ? ['quit', 'show-file'] : ['quit'],
      defaultId: 0,
      cancelId: 0,
      file: error.file,
    };
  }
  // Anything else is a fault in the app, not something about the user's file: say so plainly,
  // with the technical message for whoever they report it to.
  const reason = error instanceof Error ? error.message : String(error);
  return {
    title,
    message: 'Evidence Store ran into a problem while starting',
    detail:
      `It stopped before opening its window. Your documents have not been changed. ` +
      `Try starting it again; if this keeps happening, tell your IT support and give them this message:\n\n${reason}\n\nIndex file: ${databasePath}`,
    buttons: ['Quit'],
    actions: ['quit'],
    defaultId: 0,
    cancelId: 0,
    file: databasePath,
  };
}

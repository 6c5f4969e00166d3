/**
 * Why an extract could not be read, in words a data analyst can act on. The zip and XML pieces
 * borrowed from core/extract throw ExtractErrors written for the failures list; here they become
 * sentences about an Annex A import.
 */
import { ExtractError } from '../../extract/types.ts';

/**
 * A file, or a sheet of it, that cannot be read: `message` is a whole sentence naming it, shown
 * as it is ("annexa.xlsx: List_3 after row 1204 could not be read: …").
 */
export class SourceReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceReadError';
  }
}

/** Why something cannot be read, as the end of a sentence the caller starts with its name. */
export class ReadProblem extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'ReadProblem';
  }
}

/** The reason inside an error, as the end of a sentence ("… because it is damaged: …"). */
export function plainReason(err: unknown): string {
  if (err instanceof ReadProblem || err instanceof SourceReadError) return err.message;
  if (err instanceof ExtractError) {
    switch (err.reason) {
      case 'too-large':
        return `it is too large to read safely (${err.message}). Split the extract into smaller files and import them together`;
      case 'encrypted':
        return 'it is password protected. Save a copy without the password and import that';
      default:
        return `it is damaged or not really a spreadsheet (${err.message}). Open it in Excel, save it again as .xlsx or CSV, and import that`;
    }
  }
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'it does not exist. Check the path';
  if (code === 'EACCES' || code === 'EPERM') return 'you do not have permission to open it. Check who can read it, or copy it somewhere you can';
  if (code === 'EBUSY') return 'it is open in another program. Close it there and import again';
  if (code === 'EISDIR') return 'it is a folder. Choose the files inside it';
  const message = err instanceof Error ? err.message : String(err);
  return `reading it failed unexpectedly (${message}). Report this if it keeps happening`;
}

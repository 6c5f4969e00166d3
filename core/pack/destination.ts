/**
 * Where a pack is written, and how it replaces the one before without ever leaving the
 * destination half-written: the new pack is built in a hidden folder beside the destination
 * (same drive, so renames are instant), and only once it has verified does it take the
 * destination's place. The previous pack is moved aside first and deleted last; if the process
 * dies between the two renames, the next export (or a look at the folder) finds the previous pack
 * beside it under `.<name>.previous-…` and puts it back.
 *
 * Nothing is ever written outside the destination and these hidden folders beside it, and a
 * folder that holds anything but a previous pack is refused, never replaced.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { PACK_FILES, PACK_SCHEMA } from '../../shared/pack.ts';
import { ApiFailure } from '../api/errors.ts';

export interface Destination {
  /** The pack's folder, absolute. */
  path: string;
  /** Whether a previous pack is there now (to be replaced, and its unchanged files reused). */
  previous: boolean;
}

const WORKING = '.export-';
const PREVIOUS = '.previous-';

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/** Whether the folder holds a pack this app wrote (its pack.json says so). */
export async function isPack(folder: string): Promise<boolean> {
  try {
    const meta = JSON.parse(await readFile(join(folder, PACK_FILES.meta), 'utf8')) as { schema?: unknown };
    return meta.schema === PACK_SCHEMA;
  } catch {
    return false;
  }
}

/**
 * Checks the destination can take a pack, and tidies what an export killed midway left beside it.
 * Refusals name the field, so the Export area can show them beside the folder box.
 */
export async function prepareDestination(raw: string): Promise<Destination> {
  const path = resolve(raw.trim());
  const parent = dirname(path);
  if (parent === path) throw new ApiFailure('invalid-argument', 'Choose a folder for the pack, not the top of a drive.', 'destination');
  try {
    if (!(await stat(parent)).isDirectory()) throw new ApiFailure('invalid-argument', `${parent} is not a folder.`, 'destination');
  } catch (error) {
    if (error instanceof ApiFailure) throw error;
    throw new ApiFailure(
      'invalid-argument',
      code(error) === 'ENOENT'
        ? `The folder ${parent} does not exist (or the drive is not connected). The pack's own folder is created, but the one it goes in must exist.`
        : `The folder ${parent} cannot be reached: ${(error as Error).message}`,
      'destination',
    );
  }
  await recoverInterrupted(path);
  let previous = false;
  try {
    const s = await stat(path);
    if (!s.isDirectory()) throw new ApiFailure('invalid-argument', `${path} is a file, not a folder. Choose a folder for the pack.`, 'destination');
    const entries = await readdir(path);
    if (entries.length > 0) {
      if (!(await isPack(path))) {
        throw new ApiFailure(
          'invalid-argument',
          `${path} already holds other files. Choose a new or empty folder, or the folder of a pack exported before (which is replaced once the new one is verified).`,
          'destination',
        );
      }
      previous = true;
    }
  } catch (error) {
    if (error instanceof ApiFailure) throw error;
    if (code(error) !== 'ENOENT') throw new ApiFailure('invalid-argument', `${path} cannot be read: ${(error as Error).message}`, 'destination');
  }
  return { path, previous };
}

/** Hidden folders beside the destination that belong to it: `.<name>.export-…` and `.<name>.previous-…`. */
async function siblings(path: string): Promise<{ working: string[]; previous: string[] }> {
  const prefix = `.${basename(path)}`;
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  const mine = names.filter((n) => n.startsWith(prefix));
  return {
    working: mine.filter((n) => n.startsWith(prefix + WORKING)).map((n) => join(dirname(path), n)),
    previous: mine.filter((n) => n.startsWith(prefix + PREVIOUS)).map((n) => join(dirname(path), n)),
  };
}

/**
 * After a process died mid-export: a working folder is thrown away; a previous pack moved aside
 * goes back if the destination is empty, or is deleted if the new pack did take its place.
 */
export async function recoverInterrupted(path: string): Promise<void> {
  const { working, previous } = await siblings(path);
  for (const w of working) await rm(w, { recursive: true, force: true });
  for (const p of previous.sort().reverse()) {
    const taken = await stat(path).then(
      () => true,
      () => false,
    );
    if (taken) await rm(p, { recursive: true, force: true });
    else await rename(p, path);
  }
}

/** A fresh hidden working folder beside the destination. */
export async function workingFolder(path: string): Promise<string> {
  const folder = join(dirname(path), `.${basename(path)}${WORKING}${randomBytes(4).toString('hex')}`);
  await mkdir(folder);
  return folder;
}

/** Puts the verified pack in the destination's place; the previous pack goes only once it is there. */
export async function swapIntoPlace(working: string, path: string): Promise<void> {
  let aside: string | null = null;
  try {
    await stat(path);
    aside = join(dirname(path), `.${basename(path)}${PREVIOUS}${randomBytes(4).toString('hex')}`);
  } catch {
    // Nothing there yet: the working folder simply becomes the pack.
  }
  if (aside) {
    try {
      await rename(path, aside);
    } catch (error) {
      throw new ApiFailure(
        'unavailable',
        ['EBUSY', 'EPERM', 'EACCES'].includes(code(error) ?? '')
          ? `The pack at ${path} is in use (a file from it may be open, in Excel perhaps), so it cannot be replaced. Close it and export again.`
          : `The pack at ${path} could not be replaced: ${(error as Error).message}`,
        'destination',
      );
    }
  }
  try {
    await rename(working, path);
  } catch (error) {
    if (aside) await rename(aside, path).catch(() => undefined);
    throw new ApiFailure('unavailable', `The new pack could not be put in place at ${path}: ${(error as Error).message}`, 'destination');
  }
  if (aside) await rm(aside, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
}

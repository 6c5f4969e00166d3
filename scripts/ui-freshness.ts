/**
 * Whether the built UI (dist/renderer/) is older than what it is built from, so `npm start` rebuilds
 * it after a `git pull` instead of serving yesterday's UI, and skips the build when nothing changed.
 *
 * Modification times are enough: git gives every file it writes the time of the checkout, and a
 * file deleted from a folder changes that folder's time, so folders are compared too.
 */
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** What the UI build reads (relative to the project root). */
export const UI_SOURCES = ['renderer', 'shared', 'vite.config.ts', 'package-lock.json'] as const;

/** The file whose time stands for the whole build: vite writes it with every build. */
export const UI_BUILD_MARKER = join('dist', 'renderer', 'index.html');

export interface SourceTime {
  path: string;
  mtimeMs: number;
}

/**
 * Why the UI must be rebuilt, in words for the console, or null when the build is up to date.
 * `builtAtMs` is the build marker's time (null: never built). Stops at the first newer source, so
 * `sources` may be a lazy walk.
 */
export function uiRebuildReason(builtAtMs: number | null, sources: Iterable<SourceTime>): string | null {
  if (builtAtMs === null) return 'the app UI has not been built yet';
  for (const source of sources) {
    if (source.mtimeMs > builtAtMs) return `${source.path} has changed since the app UI was built`;
  }
  return null;
}

/** The times of every file and folder under the UI's sources, lazily; missing sources are skipped. */
export function* uiSourceTimes(root: string, sources: readonly string[] = UI_SOURCES): Generator<SourceTime> {
  for (const source of sources) yield* walk(root, join(root, source));
}

function* walk(root: string, path: string): Generator<SourceTime> {
  let info;
  try {
    // lstat: a link is never followed, so a link loop cannot make the walk endless.
    info = lstatSync(path);
  } catch {
    return;
  }
  yield { path: relative(root, path), mtimeMs: info.mtimeMs };
  if (!info.isDirectory()) return;
  let entries: string[];
  try {
    entries = readdirSync(path);
  } catch {
    return;
  }
  for (const entry of entries) yield* walk(root, join(path, entry));
}

/** The build marker's time, or null when there is no build. */
export function uiBuiltAt(root: string): number | null {
  try {
    return statSync(join(root, UI_BUILD_MARKER)).mtimeMs;
  } catch {
    return null;
  }
}

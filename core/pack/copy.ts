/**
 * Copying the evidence files into the working folder, each checked against the content the index
 * knows it by, a few at a time (a network drive is faster with several requests in flight).
 *
 * A file is copied by the operating system (copy_file_range, CopyFileW: server-side on an SMB
 * share) and the copy is then hashed; that hash must be the content the index read. If it is not,
 * the original is hashed too: when they agree the file changed since it was indexed and the pack
 * holds what is there now (and says so); when they do not, the copy is made again once.
 *
 * When the destination holds a previous pack, a file whose content is already there (same
 * SHA-256, checked by hashing the old copy) is hard-linked from it rather than copied: an update of
 * a pack copies only what changed. The previous pack is untouched, so an export that fails still
 * leaves it as it was.
 */
import { copyFile, link, mkdir, stat, utimes } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import { hashFile } from './manifest.ts';
import type { PackSource } from './plan.ts';

export interface CopiedFile {
  /** Inside the pack. */
  path: string;
  sha256: string;
  bytes: number;
  /** Kept from the previous pack rather than copied. */
  reused: boolean;
  /** The original no longer holds the content the index read (it changed since it was scanned). */
  changedSinceIndexed: boolean;
}

export interface CopyOptions {
  working: string;
  /** The previous pack's folder and what its manifest lists, both ways, when there is one. */
  previous: { folder: string; shaByPath: Map<string, string>; pathBySha: Map<string, string> } | null;
  signal: AbortSignal;
  /** Bytes of this file just done. */
  onBytes: (bytes: number) => void;
  concurrency?: number;
}

export class CopyError extends Error {}

function toFs(root: string, inside: string): string {
  return join(root, ...inside.split('/'));
}

async function reuse(source: PackSource, options: CopyOptions, target: string): Promise<{ sha256: string; bytes: number } | null> {
  const previous = options.previous;
  if (!previous) return null;
  const wanted = source.from.sha256;
  // The same content anywhere in the previous pack will do (a file can move between judgements).
  const inside = previous.shaByPath.get(source.to) === wanted ? source.to : previous.pathBySha.get(wanted);
  if (!inside) return null;
  const old = toFs(previous.folder, inside);
  try {
    const held = await hashFile(old);
    if (held.sha256 !== wanted) return null;
    try {
      await link(old, target);
    } catch {
      // Not every share allows hard links: a copy from the old pack is still a copy of checked bytes.
      await copyFile(old, target);
      if ((await hashFile(target)).sha256 !== wanted) return null;
    }
    return held;
  } catch {
    return null;
  }
}

function cannotCopy(from: string, error: unknown): CopyError {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT'
      ? 'it is no longer there (scan the library again, then export)'
      : code === 'EBUSY' || code === 'EPERM' || code === 'EACCES'
        ? 'it is locked or not readable (close it if it is open, then export again)'
        : (error as Error).message;
  return new CopyError(`${from} could not be copied: ${why}.`);
}

async function copyOne(source: PackSource, options: CopyOptions, folders: Set<string>): Promise<CopiedFile> {
  const target = toFs(options.working, source.to);
  // Each folder is made once, not once per file in it.
  if (!folders.has(dirname(target))) {
    await mkdir(dirname(target), { recursive: true });
    folders.add(dirname(target));
  }
  const from = source.from.path;
  // The original must still be there; and only when it is as the index read it (size and time) is
  // the index's hash its content, so a copy of that content may be reused.
  const now = await stat(from).catch((error: unknown) => {
    throw cannotCopy(from, error);
  });
  if (now.size === source.from.size && Math.floor(now.mtimeMs) === source.from.mtimeMs) {
    const reused = await reuse(source, options, target);
    if (reused) return { path: source.to, ...reused, reused: true, changedSinceIndexed: false };
  }
  for (let attempt = 1; ; attempt++) {
    try {
      await copyFile(from, target);
    } catch (error) {
      throw cannotCopy(from, error);
    }
    const copy = await hashFile(target);
    if (copy.sha256 === source.from.sha256) {
      await keepModifiedTime(now, target);
      return { path: source.to, ...copy, reused: false, changedSinceIndexed: false };
    }
    const original = await hashFile(from);
    if (original.sha256 === copy.sha256) {
      await keepModifiedTime(now, target);
      return { path: source.to, ...copy, reused: false, changedSinceIndexed: true };
    }
    // The copy differs from the original as it is now: it changed while being copied, or the copy is bad.
    if (attempt === 2) throw new CopyError(`${from} changed while it was being copied. Wait until nobody is saving it, then export again.`);
  }
}

/** The copy shows the original's modified date, as a person browsing the pack expects. */
async function keepModifiedTime(original: Stats, to: string): Promise<void> {
  try {
    await utimes(to, original.atime, original.mtime);
  } catch {
    // A date is a courtesy; the content is what matters.
  }
}

export async function copyEvidence(sources: PackSource[], options: CopyOptions): Promise<CopiedFile[]> {
  const out: CopiedFile[] = new Array<CopiedFile>(sources.length);
  const folders = new Set<string>();
  let next = 0;
  const worker = async () => {
    while (next < sources.length) {
      options.signal.throwIfAborted();
      const i = next++;
      out[i] = await copyOne(sources[i], options, folders);
      options.onBytes(out[i].bytes);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, sources.length) }, worker));
  return out;
}

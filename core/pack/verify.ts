/**
 * Checking a pack against its manifest: every file listed is read again and its SHA-256 compared,
 * and every file in the folder the manifest does not list is named.
 *
 * Only files found by walking the pack's folder are read, and the walk never follows a link, so a
 * manifest (which anyone can edit) or a link planted in the pack cannot make verify read anything
 * outside it.
 */
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PACK_FILES, type PackVerifyResult } from '../../shared/pack.ts';
import { byteOrder, hashFile, parseManifest, type ManifestEntry } from './manifest.ts';
import { foldName } from './names.ts';

export interface VerifyProgress {
  /** Bytes read of `total`. */
  done: number;
  total: number;
  /** Files read so far. */
  files: number;
}

export interface VerifyOptions {
  signal?: AbortSignal;
  onProgress?: (progress: VerifyProgress) => void;
  /** Files read at once: a few, so a network drive's latency overlaps (default 3). */
  concurrency?: number;
  /**
   * Hashes already taken from the files on disk (by path inside the pack), which need not be read
   * again: an export hashes each copy as soon as it is written, so verifying the pack it is about
   * to put in place reads only what it wrote from memory. The walk still checks every file is there.
   */
  hashed?: ReadonlyMap<string, string>;
}

/** What verify found, with the manifest's own problems (lines it could not read or would not trust). */
export type VerifyResult = PackVerifyResult & { problems: string[] };

/**
 * Litter the operating system leaves in a folder someone merely opened (Explorer's thumbnails and
 * folder settings, the Finder's `.DS_Store` and `._` files, Office's `~$` lock file while the
 * workbook is open on the share). Not reported as extra: they are not evidence and nobody put them
 * there. A pack's own files never have such names; one the manifest lists is checked like any other.
 */
const LITTER = /^(thumbs\.db|ehthumbs\.db|desktop\.ini|\.ds_store|\._.*|~\$.*)$/iu;

type Found = { kind: 'file'; size: number } | { kind: 'not-a-file' };

const DEFAULT_CONCURRENCY = 3;

function errorCode(error: unknown): string {
  return error && typeof error === 'object' && 'code' in error ? String(error.code) : '';
}

/** What is in the pack's folder, by path inside it with `/`: files and anything else that is not a folder. */
async function walkPack(dir: string, signal: AbortSignal | undefined): Promise<Map<string, Found>> {
  const found = new Map<string, Found>();
  const stack: string[] = [''];
  while (stack.length > 0) {
    signal?.throwIfAborted();
    const relative = stack.pop()!;
    let names: string[];
    try {
      names = await readdir(relative === '' ? dir : join(dir, relative));
    } catch (error) {
      throw new Error(`Could not read the folder "${relative}" inside the pack (${errorCode(error) || String(error)}), so the pack cannot be checked.`, { cause: error });
    }
    for (const name of names) {
      const path = relative === '' ? name : `${relative}/${name}`;
      let info;
      try {
        info = await lstat(join(dir, path));
      } catch (error) {
        if (errorCode(error) === 'ENOENT') continue; // gone since the listing
        throw new Error(`Could not read "${path}" inside the pack (${errorCode(error) || String(error)}), so the pack cannot be checked.`, { cause: error });
      }
      if (info.isDirectory()) stack.push(path);
      // A link (or junction, device, pipe) is never followed or read: it is not a file of the pack.
      else found.set(path, info.isFile() ? { kind: 'file', size: info.size } : { kind: 'not-a-file' });
    }
  }
  return found;
}

/**
 * Checks the pack in `dir` against its `manifest-sha256.txt`. Paths in the answer are inside the
 * pack, with `/`, in `byteOrder`:
 *
 * - `missing`: listed, but nothing of that name is in the folder (a folder in its place counts as
 *   missing, and what is in it as extra);
 * - `changed`: listed, and its content is not what was written; also a link or other non-file where
 *   the file was, and a file whose name now differs only by case (copied through a tool that
 *   changed it), reported once under the manifest's name rather than as missing and extra;
 * - `extra`: in the folder, not listed (the manifest itself and OS litter aside).
 *
 * A name differing only in Unicode form (macOS file systems store decomposed names) is the same
 * name. `ok` is true only when all three are empty and the manifest had no problems. Throws, saying
 * what to do, when `dir` is not a pack's folder; aborts with `signal`'s reason.
 */
export async function verifyPack(dir: string, options: VerifyOptions = {}): Promise<VerifyResult> {
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  // The folder itself may be reached through a link (a shortcut on the share); inside it nothing is followed.
  const info = await stat(dir).catch((error: unknown) => {
    if (errorCode(error) === 'ENOENT') throw new Error(`${dir} does not exist. Choose the folder the export made (it holds index.html and ${PACK_FILES.manifest}).`);
    throw error;
  });
  if (!info.isDirectory()) throw new Error(`${dir} is not a folder. Choose the pack's folder: the one holding ${PACK_FILES.manifest}.`);

  const manifestPath = join(dir, PACK_FILES.manifest);
  const manifestInfo = await lstat(manifestPath).catch((error: unknown) => {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return null;
    throw error;
  });
  if (!manifestInfo) {
    throw new Error(`${dir} is not an Evidence Store pack: it has no ${PACK_FILES.manifest}. Choose the folder the export made (it holds index.html and ${PACK_FILES.manifest}).`);
  }
  if (!manifestInfo.isFile()) throw new Error(`${PACK_FILES.manifest} in ${dir} is not a file, so the pack cannot be checked. Export the pack again.`);
  const { entries, problems } = parseManifest(await readFile(manifestPath, { encoding: 'utf8', signal }));

  const found = await walkPack(dir, signal);
  // The manifest is not listed in itself. On a case-insensitive disk it may have been read under another case.
  if (!found.delete(PACK_FILES.manifest)) {
    for (const path of found.keys()) if (!path.includes('/') && foldName(path) === foldName(PACK_FILES.manifest)) found.delete(path);
  }

  const missing: string[] = [];
  const changed: string[] = [];
  const toHash: { entry: ManifestEntry; path: string; size: number; renamed: boolean }[] = [];
  const unmatched: ManifestEntry[] = [];
  for (const entry of entries) {
    if (entry.path === PACK_FILES.manifest) {
      problems.push(`The manifest lists itself, which cannot be checked.`);
      continue;
    }
    const there = found.get(entry.path);
    if (!there) {
      unmatched.push(entry);
      continue;
    }
    found.delete(entry.path);
    if (there.kind === 'file') toHash.push({ entry, path: entry.path, size: there.size, renamed: false });
    else changed.push(entry.path);
  }

  // Names written one way and found another: the same file once in another Unicode form (not a
  // change) or case (a change), reported once, never as missing and extra both.
  if (unmatched.length > 0) {
    const byNfc = new Map<string, string>();
    const byFold = new Map<string, string[]>();
    for (const path of found.keys()) {
      byNfc.set(path.normalize('NFC'), path);
      const key = foldName(path);
      byFold.set(key, [...(byFold.get(key) ?? []), path]);
    }
    for (const entry of unmatched) {
      let path = byNfc.get(entry.path.normalize('NFC'));
      let renamed = false;
      if (path === undefined || !found.has(path)) {
        const candidates = (byFold.get(foldName(entry.path)) ?? []).filter((p) => found.has(p));
        path = candidates.length === 1 ? candidates[0] : undefined;
        renamed = true;
      }
      if (path === undefined) {
        missing.push(entry.path);
        continue;
      }
      const there = found.get(path)!;
      found.delete(path);
      if (there.kind === 'file') toHash.push({ entry, path, size: there.size, renamed });
      else changed.push(entry.path);
    }
  }

  const extra = [...found.keys()].filter((path) => !LITTER.test(path.slice(path.lastIndexOf('/') + 1)));

  // Read the files, a few at a time; the first failure (or an abort) stops the others.
  const total = toHash.reduce((sum, job) => sum + job.size, 0);
  let done = 0;
  let files = 0;
  onProgress?.({ done, total, files });
  const stop = new AbortController();
  const stopSignal = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
  let next = 0;
  const failures: { error: unknown; path: string }[] = [];
  const worker = async (): Promise<void> => {
    while (next < toHash.length && failures.length === 0) {
      const job = toHash[next];
      next += 1;
      try {
        const known = job.renamed ? undefined : options.hashed?.get(job.path);
        if (known !== undefined) {
          if (known !== job.entry.sha256) changed.push(job.entry.path);
          done += job.size;
          files += 1;
          onProgress?.({ done, total, files });
          continue;
        }
        const { sha256 } = await hashFile(join(dir, job.path), {
          signal: stopSignal,
          noFollow: true,
          onBytes: (bytes) => {
            done += bytes;
            onProgress?.({ done, total, files });
          },
        });
        if (job.renamed || sha256 !== job.entry.sha256) changed.push(job.entry.path);
      } catch (error) {
        const code = errorCode(error);
        // Gone since the walk: missing. A link put in its place since the walk (ELOOP): changed.
        if (code === 'ENOENT') missing.push(job.entry.path);
        else if (code === 'ELOOP') changed.push(job.entry.path);
        else {
          failures.push({ error, path: job.path });
          stop.abort();
        }
      }
      files += 1;
    }
  };
  const concurrency = Math.max(1, Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, 8));
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(1, toHash.length)) }, worker));
  signal?.throwIfAborted();
  if (failures.length > 0) {
    // The first failure; the others are the abort it caused.
    const { error, path } = failures[0];
    throw new Error(`Could not read "${path}" inside the pack (${errorCode(error) || String(error)}), so the pack cannot be checked.`, { cause: error });
  }
  onProgress?.({ done, total, files });

  missing.sort(byteOrder);
  changed.sort(byteOrder);
  extra.sort(byteOrder);
  return {
    ok: missing.length === 0 && changed.length === 0 && extra.length === 0 && problems.length === 0,
    files: entries.filter((entry) => entry.path !== PACK_FILES.manifest).length,
    missing,
    changed,
    extra,
    problems,
  };
}

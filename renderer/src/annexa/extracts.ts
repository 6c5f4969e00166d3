/**
 * The extracts chosen for an import, and how each reaches the app. A file the desktop app can see
 * on disk goes as its path (nothing is copied); a file in browser mode, where a page is never told
 * where a file lives, is handed over as bytes with annexa.stage first. A typed path works in both.
 *
 * An import consumes what was staged, so the same extracts are staged again for every import
 * (re-importing after fixing the mapping): the File objects are kept for that, in memory only.
 */
import type { AnnexaFileRef } from '../../../shared/annexa/api.ts';
import { baseName } from '../shared/format.ts';

export type Extract =
  | { kind: 'upload'; id: string; name: string; size: number; file: File }
  | { kind: 'path'; id: string; name: string; size: number | null; path: string };

/** Extracts from files the user picked or dropped; `pathOf` is the shell's path for a file (desktop), or null (browser). */
export function extractsFromFiles(files: readonly File[], pathOf: (file: File) => string | null): Extract[] {
  return files.map((file) => {
    const path = pathOf(file);
    if (path) return { kind: 'path', id: `path:${path}`, name: file.name || baseName(path), size: file.size, path };
    return { kind: 'upload', id: `upload:${file.name}:${file.size}:${file.lastModified}`, name: file.name, size: file.size, file };
  });
}

export function extractFromPath(path: string): Extract {
  const p = path.trim().replace(/^"(.*)"$/u, '$1');
  return { kind: 'path', id: `path:${p}`, name: baseName(p), size: null, path: p };
}

/** Adds extracts to a list, once each (the same file picked twice is one extract). */
export function addExtracts(current: readonly Extract[], incoming: readonly Extract[]): Extract[] {
  const seen = new Set(current.map((e) => e.id));
  const next = [...current];
  for (const e of incoming) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    next.push(e);
  }
  return next;
}

/** A file's bytes as base64, for annexa.stage. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const native = (bytes as Uint8Array & { toBase64?: () => string }).toBase64;
  return typeof native === 'function' ? native.call(bytes) : chunkedBase64(bytes);
}

/** Base64 where Uint8Array has no toBase64 (older Chromium): in chunks, never one huge string of bytes. */
export function chunkedBase64(bytes: Uint8Array): string {
  // A multiple of 3 bytes per chunk, so the chunks' base64 joins into the whole file's.
  const CHUNK = 3 * 8192;
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) parts.push(btoa(String.fromCharCode(...bytes.subarray(i, i + CHUNK))));
  return parts.join('');
}

/** The largest file annexa.stage takes: its base64 may be 150,000,000 characters (4 for every 3 bytes). */
export const MAX_UPLOAD_BYTES = (150_000_000 / 4) * 3;

/** Why a file could not be read in the page, in words: a folder dropped as a file, a file changed or moved since it was picked. */
export function unreadableUpload(name: string): string {
  return `${name} could not be read from this computer. If it is a folder, add the files in it instead; if the file was changed or moved since you added it, remove it from the list and add it again.`;
}

/**
 * The files as annexa.import takes them: paths as they are, uploads staged now. `stage` is
 * annexa.stage; `onStep` says which file is being handed over.
 */
export async function toFileRefs(
  extracts: readonly Extract[],
  stage: (name: string, base64: string) => Promise<string>,
  onStep: (step: { name: string; index: number; of: number }) => void = () => {},
): Promise<AnnexaFileRef[]> {
  const refs: AnnexaFileRef[] = [];
  const uploads = extracts.filter((e) => e.kind === 'upload').length;
  let index = 0;
  for (const e of extracts) {
    if (e.kind === 'path') {
      refs.push({ path: e.path });
      continue;
    }
    onStep({ name: e.name, index: ++index, of: uploads });
    if (e.size > MAX_UPLOAD_BYTES) {
      throw new Error(`${e.name} is too large to hand over from a web page (over 110 MB). Type its path instead, so the app reads it from the disk.`);
    }
    let base64: string;
    try {
      base64 = await fileToBase64(e.file);
    } catch {
      throw new Error(unreadableUpload(e.name));
    }
    refs.push({ staged: await stage(e.name, base64) });
  }
  return refs;
}

/**
 * The pack's checksum manifest, `manifest-sha256.txt`, exactly as GNU `sha256sum` writes it, so
 * anyone can check a pack without the app (`sha256sum -c manifest-sha256.txt` in the pack's folder,
 * or any tool that reads that format), and the app can read one written or re-saved elsewhere.
 *
 * A line is `<64 lowercase hex><space><space><path>\n` (`<hex><space>*<path>` in binary mode, also
 * read). A path holding `\`, a line feed or a carriage return is written as coreutils 9 does: the
 * line starts with `\` and those characters are written `\\`, `\n`, `\r`. Pack names never hold
 * them (see names.ts), but a manifest from elsewhere may.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

export interface ManifestEntry {
  /** The path inside the pack, with `/`. */
  path: string;
  /** 64 lowercase hex digits. */
  sha256: string;
}

/** How much of a file is read at a time: large, so a network drive gets few, big reads. */
const CHUNK = 1 << 20;
/** Files up to this size are read in one go. */
const SMALL = 8 << 20;

export interface HashOptions {
  signal?: AbortSignal;
  /** Called with each chunk's size as it is read, for progress. */
  onBytes?: (bytes: number) => void;
  /** Refuse a symbolic link in the last part of the path rather than read what it points at (ELOOP where the OS can tell). */
  noFollow?: boolean;
}

/** SHA-256 and size of a file: read whole up to 8 MiB, in 1 MiB chunks beyond (never a large file whole in memory). */
export async function hashFile(path: string, options: HashOptions = {}): Promise<{ sha256: string; bytes: number }> {
  options.signal?.throwIfAborted();
  // O_NOFOLLOW does not exist on Windows (undefined there): links are then left to the caller's lstat.
  const flags = constants.O_RDONLY | (options.noFollow ? (constants.O_NOFOLLOW ?? 0) : 0);
  const handle = await open(path, flags);
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    // Most evidence is small: one read costs far fewer system calls than a stream (measured: 500
    // files of 230 KB hash in about half the time), and a few MiB in memory is nothing.
    const { size } = await handle.stat();
    if (size <= SMALL) {
      const whole = await handle.readFile({ signal: options.signal });
      hash.update(whole);
      options.onBytes?.(whole.length);
      return { sha256: hash.digest('hex'), bytes: whole.length };
    }
    const stream = handle.createReadStream({ highWaterMark: CHUNK, signal: options.signal, autoClose: false });
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      hash.update(buffer);
      bytes += buffer.length;
      options.onBytes?.(buffer.length);
    }
  } finally {
    await handle.close();
  }
  return { sha256: hash.digest('hex'), bytes };
}

/**
 * The order of a manifest's lines and of verify's lists: by the bytes of the UTF-8 path, as
 * `LC_ALL=C sort` orders them, the same on every machine and in every locale (JavaScript's own
 * string order differs from it for characters beyond U+FFFF).
 */
export function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

const HEX64 = /^[0-9a-f]{64}$/u;

/** The manifest's text for `entries`, sorted by `byteOrder`. Paths are inside the pack, with `/`. */
export function formatManifest(entries: readonly ManifestEntry[]): string {
  const sorted = [...entries].sort((a, b) => byteOrder(a.path, b.path));
  let text = '';
  for (let i = 0; i < sorted.length; i += 1) {
    const { path, sha256 } = sorted[i];
    const hex = sha256.toLowerCase();
    if (!HEX64.test(hex)) throw new Error(`Not a SHA-256 for ${path}: ${sha256}`);
    if (path === '') throw new Error('A manifest entry needs a path.');
    if (i > 0 && sorted[i - 1].path === path) throw new Error(`${path} is in the manifest twice.`);
    if (/[\\\n\r]/u.test(path)) {
      text += `\\${hex}  ${path.replace(/\\/gu, '\\\\').replace(/\n/gu, '\\n').replace(/\r/gu, '\\r')}\n`;
    } else {
      text += `${hex}  ${path}\n`;
    }
  }
  return text;
}

/** Undoes sha256sum's escapes; null when the name holds an escape sha256sum never writes. */
function unescapeName(name: string): string | null {
  let out = '';
  for (let i = 0; i < name.length; i += 1) {
    const c = name[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = name[i + 1];
    if (next === '\\') out += '\\';
    else if (next === 'n') out += '\n';
    else if (next === 'r') out += '\r';
    else return null;
    i += 1;
  }
  return out;
}

/**
 * Why a path must not be checked, or null when it is a plain path inside the pack. Verify only
 * ever reads inside the pack, so `/etc/passwd`, `C:\…`, `\\server\…` and `../…` are refused, on
 * Linux and on Windows alike (where `\` also separates folders). Non-canonical paths (`./a`,
 * `a//b`) are refused too: the app never writes them, and they would not match the folder's files.
 */
export function unsafePathReason(path: string): string | null {
  if (path === '') return 'an empty path';
  if (path.includes('\0')) return 'a path with a NUL character';
  if (/^[/\\]/u.test(path) || /^[A-Za-z]:/u.test(path)) return 'an absolute path';
  const segments = path.split(/[/\\]/u);
  if (segments.includes('..')) return 'a path going outside the pack (..)';
  if (segments.some((s) => s === '' || s === '.')) return 'a path with an empty or "." part';
  return null;
}

const LINE = /^([0-9a-fA-F]{64}) ([ *])(.+)$/su;

/**
 * Reads a manifest written by `formatManifest`, by `sha256sum` (text or binary mode), or either
 * of them opened and saved again on Windows: CRLF line ends, a byte-order mark and blank lines are
 * fine. Every other line that is not an entry, every unsafe path and every path listed twice is a
 * problem (its line number and why), and only the entries that can be trusted are returned.
 */
export function parseManifest(text: string): { entries: ManifestEntry[]; problems: string[] } {
  const entries: ManifestEntry[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const lines = text.replace(/^\uFEFF/u, '').split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const number = i + 1;
    const line = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i];
    if (line.trim() === '') continue;
    const escaped = line.startsWith('\\');
    const match = LINE.exec(escaped ? line.slice(1) : line);
    if (!match) {
      problems.push(`Line ${number} is not "<sha256>  <path>": ${JSON.stringify(line.slice(0, 120))}`);
      continue;
    }
    const path = escaped ? unescapeName(match[3]) : match[3];
    if (path === null) {
      problems.push(`Line ${number} has an escape sha256sum does not write: ${JSON.stringify(match[3].slice(0, 120))}`);
      continue;
    }
    const unsafe = unsafePathReason(path);
    if (unsafe) {
      problems.push(`Line ${number} lists ${unsafe}, which is not checked: ${JSON.stringify(path.slice(0, 120))}`);
      continue;
    }
    if (seen.has(path)) {
      problems.push(`Line ${number} lists ${path} again.`);
      continue;
    }
    seen.add(path);
    entries.push({ path, sha256: match[1].toLowerCase() });
  }
  return { entries, problems };
}

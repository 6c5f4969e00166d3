/**
 * Inflating one zip entry a chunk at a time, so a 100 MB worksheet or content.xml is parsed as
 * it inflates instead of being held whole (bytes, then a string twice its size) in memory.
 *
 * The central directory is read here rather than through fflate's `Unzip`, which walks local
 * headers and cannot size entries written with data descriptors. The same zip-bomb rules as
 * `readZipEntries` apply: the declared size and ratio are checked before inflating, and
 * inflation stops as soon as the real output passes the declared size.
 */
import { Inflate } from 'fflate';
import { ExtractError } from './types.ts';
import type { ExtractLimits } from './types.ts';
import { createXmlStream } from './xml.ts';
import type { XmlHandlers } from './xml.ts';
import { RATIO_THRESHOLD_BYTES } from './zip.ts';

export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
/** Compressed input is fed in slices up to this big, so a stop request takes effect quickly. */
const SLICE = 64 * 1024;
/** The first slices are smaller: reading just the start of a part inflates little of it. */
const FIRST_SLICE = 2 * 1024;

function corrupt(message: string): ExtractError {
  return new ExtractError('corrupt', `not a readable zip archive: ${message}`);
}

/** Sizes and offset from a Zip64 extended-information extra field, for fields saturated at 0xFFFFFFFF. */
function applyZip64(view: DataView, at: number, end: number, entry: ZipEntryInfo): void {
  while (at + 4 <= end) {
    const id = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    if (id === ZIP64_EXTRA) {
      let p = at + 4;
      const next = () => {
        const value = Number(view.getBigUint64(p, true));
        p += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + length;
  }
}

/** Every entry of the central directory, by name. */
export function readZipDirectory(bytes: Uint8Array): Map<string, ZipEntryInfo> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('no end of central directory');
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && view.getUint32(eocd - 20, true) === 0x07064b50) {
    const z64 = Number(view.getBigUint64(eocd - 12, true));
    if (z64 + 56 > bytes.length || view.getUint32(z64, true) !== 0x06064b50) throw corrupt('bad Zip64 directory');
    count = Number(view.getBigUint64(z64 + 32, true));
    offset = Number(view.getBigUint64(z64 + 48, true));
  }
  const entries = new Map<string, ZipEntryInfo>();
  const decoder = new TextDecoder('utf-8');
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw corrupt('damaged central directory');
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const entry: ZipEntryInfo = {
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    };
    applyZip64(view, at + 46 + nameLength, at + 46 + nameLength + extraLength, entry);
    entries.set(entry.name, entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Inflate `entry` a slice at a time, on demand: a generator of output chunks, so a caller can stop
 * between them (the Annex A importer hands rows out one at a time). The first slices are small,
 * so reading just the start of a part (a sheet's header rows) inflates little of it.
 */
export function* inflateEntry(bytes: Uint8Array, entry: ZipEntryInfo, limits: ExtractLimits): Generator<Uint8Array> {
  const ratio = entry.compressedSize > 0 ? entry.size / entry.compressedSize : Infinity;
  if (entry.size > RATIO_THRESHOLD_BYTES && ratio > limits.maxZipRatio) {
    throw new ExtractError(
      'too-large',
      `zip bomb: ${entry.name} claims ${entry.size} bytes from ${entry.compressedSize} (ratio ${Math.round(ratio)}:1, limit ${limits.maxZipRatio}:1)`,
    );
  }
  if (entry.size > limits.maxUnzippedBytes) {
    throw new ExtractError('too-large', `zip bomb: ${entry.name} inflates to more than ${limits.maxUnzippedBytes} bytes`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL) throw corrupt(`no local header for ${entry.name}`);
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw corrupt(`${entry.name} is truncated`);
  const data = bytes.subarray(start, end);

  if (entry.method === 0) {
    for (let i = 0, step = FIRST_SLICE; i < data.length; i += step, step = Math.min(SLICE, step * 2)) yield data.subarray(i, Math.min(data.length, i + step));
    return;
  }
  if (entry.method !== 8) throw corrupt(`${entry.name} uses compression method ${entry.method}`);
  let out: Uint8Array[] = [];
  let produced = 0;
  const inflate = new Inflate((chunk) => {
    produced += chunk.length;
    // The declared size was checked above; an entry that inflates past it is lying.
    if (produced > entry.size) throw new ExtractError('too-large', `zip bomb: ${entry.name} inflates past its declared ${entry.size} bytes`);
    out.push(chunk);
  });
  for (let i = 0, step = FIRST_SLICE; i < data.length || i === 0; i += step, step = Math.min(SLICE, step * 2)) {
    try {
      inflate.push(data.subarray(i, Math.min(data.length, i + step)), i + step >= data.length);
    } catch (err) {
      // fflate's own errors carry a numeric code; ours (the size check) go on as they are.
      if (err instanceof Error && typeof (err as { code?: unknown }).code === 'number') throw corrupt(`${entry.name}: ${err.message}`);
      throw err;
    }
    const ready = out;
    out = [];
    yield* ready;
  }
}

/**
 * Inflate `entry`, handing each chunk of output to `onChunk`. Errors thrown by `onChunk`
 * (a parse error, a spent text budget) stop inflation and propagate unchanged.
 */
export function streamZipEntry(bytes: Uint8Array, entry: ZipEntryInfo, limits: ExtractLimits, onChunk: (chunk: Uint8Array) => void): void {
  for (const chunk of inflateEntry(bytes, entry, limits)) onChunk(chunk);
}

/** Parse one XML entry as it inflates. Returns false when the package has no such entry. */
export function parseZipXml(
  bytes: Uint8Array,
  directory: Map<string, ZipEntryInfo>,
  path: string,
  limits: ExtractLimits,
  handlers: XmlHandlers,
): boolean {
  const entry = directory.get(path);
  if (!entry) return false;
  const xml = createXmlStream(path, handlers);
  streamZipEntry(bytes, entry, limits, (chunk) => xml.write(chunk));
  xml.close();
  return true;
}

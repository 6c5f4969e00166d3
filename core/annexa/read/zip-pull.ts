/**
 * One zip entry inflated a slice at a time, on demand: a generator of output chunks.
 *
 * core/extract/zip-stream.ts `streamZipEntry` pushes every chunk into a callback until the entry
 * ends, which suits text extraction; an import needs to hand rows out one at a time and stop
 * between them, so here the caller pulls. The zip-bomb rules are the same ones (declared size and
 * ratio checked before inflating, real output never past the declared size); the central
 * directory comes from zip-stream.ts. If zip-stream.ts grows a pull form, this file goes.
 */
import { Inflate } from 'fflate';
import { ExtractError } from '../../extract/types.ts';
import type { ExtractLimits } from '../../extract/types.ts';
import { RATIO_THRESHOLD_BYTES } from '../../extract/zip.ts';
import type { ZipEntryInfo } from '../../extract/zip-stream.ts';

const LOCAL = 0x04034b50;
/**
 * Compressed bytes fed per step: with XML's usual 10-20:1 ratio, about a megabyte of rows. The
 * first steps are smaller, so finding a sheet's header (its first rows) inflates little of it.
 */
const SLICE = 64 * 1024;
const FIRST_SLICE = 2 * 1024;

function corrupt(message: string): ExtractError {
  return new ExtractError('corrupt', `not a readable zip archive: ${message}`);
}

export function* inflateEntry(bytes: Uint8Array, entry: ZipEntryInfo, limits: ExtractLimits): Generator<Uint8Array> {
  const ratio = entry.compressedSize > 0 ? entry.size / entry.compressedSize : Infinity;
  if (entry.size > RATIO_THRESHOLD_BYTES && ratio > limits.maxZipRatio) {
    throw new ExtractError('too-large', `zip bomb: ${entry.name} claims ${entry.size} bytes from ${entry.compressedSize}`);
  }
  if (entry.size > limits.maxUnzippedBytes) {
    throw new ExtractError('too-large', `${entry.name} inflates to more than ${limits.maxUnzippedBytes} bytes`);
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

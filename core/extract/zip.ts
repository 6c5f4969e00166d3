/**
 * Reading selected entries of a zip container (DOCX today; XLSX, PPTX and ODF next) without
 * letting a zip bomb take the process down.
 */
import { unzipSync } from 'fflate';
import { ExtractError } from './types.ts';
import type { ExtractLimits } from './types.ts';

/** The ratio limit only applies to entries this big: tiny XML parts compress absurdly well. */
export const RATIO_THRESHOLD_BYTES = 1024 * 1024;

function corrupt(err: unknown): ExtractError {
  const message = err instanceof Error ? err.message : String(err);
  return new ExtractError('corrupt', `not a readable zip archive: ${message}`);
}

/** Names of all entries, from the central directory only (nothing is inflated). */
export function listZipEntries(bytes: Uint8Array): string[] {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter(file) {
        names.push(file.name);
        return false;
      },
    });
  } catch (err) {
    throw corrupt(err);
  }
  return names;
}

/**
 * Inflate the entries `wanted` accepts. Sizes are checked from the central directory BEFORE
 * anything is inflated; fflate then inflates into a buffer of exactly the declared size, so an
 * entry that lies about its size cannot grow past it, and the real total is checked again after.
 */
export function readZipEntries(
  bytes: Uint8Array,
  limits: ExtractLimits,
  wanted: (name: string) => boolean,
): Map<string, Uint8Array> {
  let declaredTotal = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter(file) {
        if (!wanted(file.name)) return false;
        const ratio = file.size > 0 ? file.originalSize / file.size : Infinity;
        if (file.originalSize > RATIO_THRESHOLD_BYTES && ratio > limits.maxZipRatio) {
          throw new ExtractError(
            'too-large',
            `zip bomb: ${file.name} claims ${file.originalSize} bytes from ${file.size} (ratio ${Math.round(ratio)}:1, limit ${limits.maxZipRatio}:1)`,
          );
        }
        declaredTotal += file.originalSize;
        if (declaredTotal > limits.maxUnzippedBytes) {
          throw new ExtractError(
            'too-large',
            `zip bomb: entries inflate to more than ${limits.maxUnzippedBytes} bytes (at ${file.name})`,
          );
        }
        return true;
      },
    });
  } catch (err) {
    if (err instanceof ExtractError) throw err;
    throw corrupt(err);
  }
  const entries = new Map<string, Uint8Array>();
  let actualTotal = 0;
  for (const [name, data] of Object.entries(files)) {
    actualTotal += data.length;
    if (actualTotal > limits.maxUnzippedBytes) {
      throw new ExtractError('too-large', `zip bomb: entries inflated past ${limits.maxUnzippedBytes} bytes`);
    }
    entries.set(name, data);
  }
  return entries;
}

/** What a zip really holds, judged by the parts inside it rather than the file name. */
export function zipContentFormat(names: readonly string[]): string | null {
  const has = (prefix: string) => names.some((n) => n.startsWith(prefix));
  if (names.includes('word/document.xml') || has('word/')) return 'docx';
  if (has('xl/')) return 'xlsx';
  if (has('ppt/')) return 'pptx';
  if (names.includes('content.xml') || names.includes('mimetype')) return 'odf';
  return null;
}

const ODF_MIME: Record<string, string> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.text-template': 'odt',
  'application/vnd.oasis.opendocument.text-master': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.spreadsheet-template': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
  'application/vnd.oasis.opendocument.presentation-template': 'odp',
};

/** odt/ods/odp from an OpenDocument package's `mimetype` entry; null when absent or another kind. */
export function odfMimeFormat(bytes: Uint8Array): string | null {
  try {
    const files = unzipSync(bytes, { filter: (file) => file.name === 'mimetype' && file.originalSize < 256 });
    const mime = files.mimetype ? new TextDecoder().decode(files.mimetype).trim() : '';
    return ODF_MIME[mime] ?? null;
  } catch {
    return null;
  }
}

/**
 * The site's fixed files: the stylesheet and script written for it (kept as real files in
 * ./assets/, so they are linted and read as what they are) and lunr's browser build from its
 * package. Read once per process.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This folder's assets/ (from the .ts sources or tsc's output beside them). */
const ASSETS = join(dirname(fileURLToPath(import.meta.url)), 'assets');

export interface SiteAssets {
  css: Uint8Array;
  script: Uint8Array;
  lunr: Uint8Array;
}

let assets: Promise<SiteAssets> | null = null;

/** The bytes of `pack.css`, `pack.js` and `lunr.min.js`. */
export function siteAssets(): Promise<SiteAssets> {
  assets ??= (async () => {
    const [css, script, lunr] = await Promise.all([
      readFile(join(ASSETS, 'pack.css')),
      readFile(join(ASSETS, 'pack.js')),
      readFile(createRequire(import.meta.url).resolve('lunr/lunr.min.js')),
    ]);
    return { css, script, lunr };
  })();
  // A failed read is not remembered: the next pack tries again.
  assets.catch(() => {
    assets = null;
  });
  return assets;
}

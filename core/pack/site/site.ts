/**
 * The pack's website: `index.html` and what it loads from `assets/`. Rendering the listing is quick;
 * building the search index is the CPU work (seconds for thousands of items), so the export runs
 * this in a worker (`buildPackSiteInWorker`, ./build-in-worker.ts).
 */
import type { PackContent } from '../model.ts';
import { siteAssets } from './assets.ts';
import { outlinePack } from './outline.ts';
import { SITE_ASSETS, renderIndexHtml } from './render-html.ts';
import { buildSearchIndex, renderSearchIndexJs, searchData } from './search-index.ts';
import { PACK_FILES } from '../../../shared/pack.ts';

export interface SiteFile {
  /** The path inside the pack, with `/`. */
  path: string;
  bytes: Uint8Array;
}

/** The site's files, as paths inside the pack (with '/') and their bytes. */
export async function packSiteFiles(content: PackContent): Promise<SiteFile[]> {
  const assets = await siteAssets();
  const outline = outlinePack(content);
  const encoder = new TextEncoder();
  const index = buildSearchIndex(content, outline);
  return [
    { path: PACK_FILES.index, bytes: encoder.encode(renderIndexHtml(content, outline)) },
    { path: SITE_ASSETS.css, bytes: assets.css },
    { path: SITE_ASSETS.script, bytes: assets.script },
    { path: SITE_ASSETS.lunr, bytes: assets.lunr },
    { path: SITE_ASSETS.index, bytes: encoder.encode(renderSearchIndexJs(searchData(content, outline, index))) },
  ];
}

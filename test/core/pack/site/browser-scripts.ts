/**
 * The pack's browser scripts run in Node as a page would run them: lunr.min.js (the copy the pack
 * ships), then search-index.js, then assets/pack.js, each a classic script in one fresh global
 * (`window` being that global, no `document`). What pack.js exposes as `window.EvidencePack` is
 * then the real search code of the page, testable without a browser.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext, runInContext } from 'node:vm';

/** What the tests use of lunr as the page has it. */
export interface PageLunr {
  version: string;
  Index: { load(serialised: unknown): PageIndex };
}
export interface PageIndex {
  fields: string[];
  query(fn: (query: unknown) => void): { ref: string; score: number }[];
}
export interface Clause {
  term: string;
  fields: string[];
  presence: number;
  boost: number;
  editDistance?: number;
}
/** window.EvidencePack (assets/pack.js). */
export interface PackScriptApi {
  decodeIndex(compact: unknown): unknown;
  queryClauses(lunr: PageLunr, fields: string[], text: string): Clause[];
  search(lunr: PageLunr, index: PageIndex, text: string): { ref: string; score: number }[];
  loadIndex(lunr: PageLunr, data: unknown): PageIndex | null;
  fold(text: string): string;
  BREAK: RegExp;
}

const ASSETS = join(dirname(fileURLToPath(import.meta.url)), '../../../../core/pack/site/assets');
export const PACK_SCRIPT_PATH = join(ASSETS, 'pack.js');
export const PACK_CSS_PATH = join(ASSETS, 'pack.css');
export const LUNR_MIN_PATH = createRequire(import.meta.url).resolve('lunr/lunr.min.js');

export interface Page {
  lunr: PageLunr;
  pack: PackScriptApi;
  /** window.evidencePackData, when search-index.js was given. */
  data: unknown;
}

/** A fresh global with lunr.min.js, the given search-index.js (if any) and pack.js run in it. */
export function runPackScripts(searchIndexJs?: string): Page {
  const window: Record<string, unknown> = {};
  window.window = window;
  const context = createContext(window);
  runInContext(readFileSync(LUNR_MIN_PATH, 'utf8'), context, { filename: 'lunr.min.js' });
  if (searchIndexJs !== undefined) runInContext(searchIndexJs, context, { filename: 'search-index.js' });
  runInContext(readFileSync(PACK_SCRIPT_PATH, 'utf8'), context, { filename: 'pack.js' });
  return { lunr: window.lunr as PageLunr, pack: window.EvidencePack as PackScriptApi, data: window.evidencePackData };
}

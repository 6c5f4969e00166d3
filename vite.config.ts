/**
 * Builds the renderer (the UI) into dist/renderer/, which both shells load: Electron from disk,
 * browser mode from its loopback server. `base: './'` keeps every URL relative so either works.
 */
import { cp } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const pdfjsDir = fileURLToPath(new URL('./node_modules/pdfjs-dist/', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer/', import.meta.url));

/**
 * pdf.js fetches character maps and the standard fonts at run time; the strict CSP forbids a CDN,
 * so they ship next to the UI (`cMapUrl: './cmaps/'`, `standardFontDataUrl: './standard_fonts/'`).
 */
function pdfjsAssets(): Plugin {
  return {
    name: 'evidence-pdfjs-assets',
    apply: 'build',
    async writeBundle() {
      await cp(pdfjsDir + 'cmaps', outDir + 'cmaps', { recursive: true });
      await cp(pdfjsDir + 'standard_fonts', outDir + 'standard_fonts', { recursive: true });
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), pdfjsAssets()],
  build: {
    outDir,
    emptyOutDir: true,
    // Electron 45 and current Chromium: no need to down-level modern syntax for old browsers.
    target: 'es2022',
    // Inlined assets would become data: URLs; keep every asset a file the CSP allows ('self').
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2500,
  },
});

/**
 * Draws the app's icon in every size the installers need, from assets/icon.svg, with the Chromium
 * the end-to-end tests use (playwright-core + /usr/bin/chromium; no image library):
 *
 * - assets/icon.png (1024 px): electron-builder makes the Windows .ico and the macOS .icns from it;
 * - assets/icons/<n>x<n>.png: the Linux sizes (AppImage, deb);
 * - renderer/public/favicon.png (32 px) and favicon.svg: the page's icon (browser mode's tab).
 *
 * Run after changing the SVG: `node scripts/make-icons.ts` (CHROMIUM=/path/to/chromium to use another).
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../', import.meta.url));
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const svg = readFileSync(`${root}assets/icon.svg`, 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  // Nothing may leave the machine: the SVG is inline and has no external references.
  await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
  const draw = async (size: number, file: string) => {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    writeFileSync(file, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
  };
  mkdirSync(`${root}assets/icons`, { recursive: true });
  for (const size of LINUX_SIZES) await draw(size, `${root}assets/icons/${size}x${size}.png`);
  copyFileSync(`${root}assets/icons/1024x1024.png`, `${root}assets/icon.png`);
  mkdirSync(`${root}renderer/public`, { recursive: true });
  await draw(32, `${root}renderer/public/favicon.png`);
  copyFileSync(`${root}assets/icon.svg`, `${root}renderer/public/favicon.svg`);
  console.log(`Icons written: assets/icon.png, assets/icons/{${LINUX_SIZES.join(',')}}, renderer/public/favicon.{png,svg}`);
} finally {
  await browser.close();
}

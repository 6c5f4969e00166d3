/**
 * Real-browser journeys against the real app in browser mode (test/e2e/). Each run starts its own
 * `evidence-store serve` on a free port with a fresh index (see test/e2e/app-fixture.ts); the UI
 * must be built first, which `npm run test:e2e` does.
 */
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/** The system Chromium (never a downloaded one: this machine cannot fetch browsers). */
function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/google-chrome'];
  return candidates.find((p): p is string => Boolean(p && existsSync(p)));
}

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/',
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  use: {
    browserName: 'chromium',
    viewport: { width: 1400, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});

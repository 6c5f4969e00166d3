import { defineConfig } from 'vitest/config';

// Unit and integration tests: everything under test/ except the real-browser journeys (Playwright)
// and the corpus checks (they need ../shared/corpus, which a fresh clone does not have).
export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'test/corpus/**', 'node_modules/**'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Helpers undo what they made (temp folders, databases, cores) when a test or file ends; the
    // guard fails the run if any temp folder is left behind anyway.
    setupFiles: ['test/setup/file-cleanup.ts'],
    globalSetup: ['test/setup/leak-guard.ts'],
  },
});

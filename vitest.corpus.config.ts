import { defineConfig } from 'vitest/config';

// `npm run test:corpus`: extraction and search over ../shared/corpus, checked against MANIFEST.csv.
export default defineConfig({
  test: {
    include: ['test/corpus/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});

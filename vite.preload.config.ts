import { defineConfig } from 'vite';

// The preload runs in Electron's sandbox, where require() cannot load our own files: bundle it
// into one CommonJS file with only `electron` left external.
export default defineConfig({
  build: {
    outDir: 'dist/electron/preload',
    emptyOutDir: true,
    minify: false,
    lib: { entry: 'electron/preload/preload.ts', formats: ['cjs'], fileName: () => 'preload.cjs' },
    rollupOptions: { external: ['electron'] },
  },
});

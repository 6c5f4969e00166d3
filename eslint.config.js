// Lint, and the layer rules that keep the architecture from rotting (see docs/architecture.md).
// Each layer lists what it may not import; a wrong-way import fails `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** A `no-restricted-imports` rule from [regex, reason] pairs; the reason is shown to whoever breaks it. */
const forbid = (rules) => ({
  'no-restricted-imports': ['error', { patterns: rules.map(([regex, message]) => ({ regex, message })) }],
});

// Module specifiers, matched as written in the import.
const ELECTRON = ['^electron(/.*)?$', 'Only electron/main and electron/preload may import electron.'];
const CORE = ['^\\.\\.?/(.*/)?core/', 'Only the shells (electron/, cli/) and tests may import the core.'];
const RENDERER = ['^\\.\\.?/(.*/)?renderer/', 'Nothing imports the renderer; it is a separate bundle.'];
const SHELLS = ['^\\.\\.?/(.*/)?(electron|cli)/', 'The core and shared code never depend on a shell.'];
const NODE_ONLY = [
  '^(node:.*|fs|path|os|child_process|worker_threads|better-sqlite3)$',
  'The renderer runs in a sandboxed page: it talks to the app only through the API contract in shared/.',
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', 'test-results/', 'playwright-report/', 'cli/bin.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['shared/**'], rules: forbid([ELECTRON, CORE, RENDERER, SHELLS, NODE_ONLY]) },
  { files: ['core/**'], rules: forbid([ELECTRON, RENDERER, SHELLS]) },
  { files: ['renderer/**'], rules: forbid([ELECTRON, CORE, SHELLS, NODE_ONLY]) },
  { files: ['cli/**', 'electron/server/**', 'scripts/**', 'bench/**'], rules: forbid([ELECTRON, RENDERER]) },
  { files: ['electron/main/**', 'electron/preload/**'], rules: forbid([RENDERER]) },
  { files: ['electron/preload/**'], rules: forbid([CORE, RENDERER]) },
);

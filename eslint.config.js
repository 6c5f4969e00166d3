// Lint, and the layer rules that keep the architecture from rotting (see docs/architecture.md).
// Each layer lists what it may not import; a wrong-way import fails `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Patterns for a `no-restricted-imports` rule, with the reason shown to whoever breaks it. */
const forbid = (groups) => ({
  'no-restricted-imports': ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }],
});

const ELECTRON = [['electron', 'electron/*'], 'Only electron/main and electron/preload may import electron.'];
const CORE = [['**/core/**', '**/core'], 'Only the shells (electron/, cli/) and tests may import the core.'];
const RENDERER = [['**/renderer/**'], 'Nothing imports the renderer; it is a separate bundle.'];
const SHELLS = [['**/electron/**', '**/cli/**'], 'The core and shared code never depend on a shell.'];
const NODE_BUILTINS = [
  ['node:*', 'better-sqlite3', 'fs', 'path', 'child_process'],
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
  { files: ['shared/**'], rules: forbid([ELECTRON, CORE, RENDERER, SHELLS, NODE_BUILTINS]) },
  { files: ['core/**'], rules: forbid([ELECTRON, RENDERER, SHELLS]) },
  { files: ['renderer/**'], rules: forbid([ELECTRON, CORE, SHELLS, NODE_BUILTINS]) },
  { files: ['cli/**', 'electron/server/**', 'scripts/**', 'bench/**'], rules: forbid([ELECTRON, RENDERER]) },
  { files: ['electron/main/**', 'electron/preload/**'], rules: forbid([RENDERER]) },
  { files: ['electron/preload/**'], rules: forbid([CORE, RENDERER]) },
);

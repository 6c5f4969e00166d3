// Lint, and the layer rules that keep the architecture from rotting (see docs/architecture.md).
// Each layer lists what it may not import; a wrong-way import fails `npm test`, and
// test/lint/layers.test.ts proves each rule catches one.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import layers, { NODE_BUILTIN } from './eslint/layers.js';

/** The layer rule from [regex over the import's target, reason] pairs; the reason is shown to whoever breaks it. */
const forbid = (...rules) => ({ 'layers/imports': ['error', rules] });

// Targets: `path:<file in this repository>` or `pkg:<package or built-in>` (see eslint/layers.js).
const ELECTRON = ['^pkg:electron(/.*)?$', 'Only electron/main and electron/preload may import electron.'];
const CORE = ['^path:core/', 'Only the shells (electron/, cli/) and tests may import the core.'];
const CORE_INSIDES = [
  '^path:core/(?!core\\.ts$|paths\\.ts$|api/)',
  'A shell uses the core through openCore (core/core.ts) and the API (core/api/), never its store, search or scan modules directly.',
];
const RENDERER = ['^path:renderer/', 'Nothing imports the renderer; it is a separate bundle.'];
const SHELLS = ['^path:(electron|cli)/', 'The core and shared code never depend on a shell.'];
const DESKTOP_ONLY = ['^path:electron/(main|preload)/', 'Only the desktop app is built on electron/main and electron/preload.'];
const NODE_ONLY = [NODE_BUILTIN, 'This code also runs in a sandboxed page: it talks to the app only through the API contract in shared/.'];
const SQLITE = ['^pkg:better-sqlite3(-multiple-ciphers)?$', 'Only core/store and the core modules that own tables open or query the database.'];

/** SQL belongs in core/store and core/evidence; handlers and shells call their functions. */
const NO_SQL = {
  'no-restricted-syntax': [
    'error',
    {
      selector: "CallExpression[callee.property.name=/^(prepare|pragma|transaction|loadExtension)$/], CallExpression[callee.object.name='db'][callee.property.name='exec']",
      message: 'No SQL here: call a function of core/store or core/evidence (the API handlers and shells never query the database).',
    },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', 'test-results/', 'playwright-report/', 'cli/bin.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { layers },
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['shared/**'], rules: forbid(ELECTRON, CORE, RENDERER, SHELLS, NODE_ONLY, SQLITE) },
  { files: ['core/**'], rules: forbid(ELECTRON, RENDERER, SHELLS) },
  { files: ['core/api/**'], rules: { ...forbid(ELECTRON, RENDERER, SHELLS, SQLITE), ...NO_SQL } },
  { files: ['renderer/**'], rules: forbid(ELECTRON, CORE, SHELLS, NODE_ONLY, SQLITE) },
  { files: ['cli/**', 'electron/server/**'], rules: { ...forbid(ELECTRON, RENDERER, DESKTOP_ONLY, CORE_INSIDES, SQLITE), ...NO_SQL } },
  { files: ['electron/main/**'], rules: { ...forbid(RENDERER, CORE_INSIDES, SQLITE), ...NO_SQL } },
  { files: ['electron/preload/**'], rules: forbid(CORE, RENDERER, SQLITE) },
  { files: ['scripts/**', 'bench/**'], rules: forbid(ELECTRON, RENDERER) },
  // A pack's browser script (core/pack/site/assets/): opened from file:// and \\server\share paths, where
  // modules do not load, so a classic script with the browser's globals, Node's off. Written as ES2017
  // (no `catch {}`, hence the unused `_error`s allowed).
  {
    files: ['core/pack/site/assets/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { ...Object.fromEntries(Object.keys(globals.node).map((name) => [name, 'off'])), ...globals.browser },
    },
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }] },
  },
);

/**
 * ESLint (flat config), run first by `npm test`. Besides typescript-eslint's recommended rules, it holds the
 * boundaries the design relies on (docs/design.md):
 *   - src/core is pure: it imports only itself, zod, decimal.js and its JSON data, so every rule runs in plain
 *     Node under jest and the same engine serves the CLI, the task pane and the preview;
 *   - no import cycles under src/;
 *   - source files stay under 500 lines (blank lines and comments not counted);
 *   - only the Office.js host (src/hosts/office), the ribbon command and the pane's entry touch the Office and
 *     Excel globals: the pane's components go through a WorkbookHost, which is what lets the preview and the
 *     tests run them over the fake Excel API.
 */
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

const root = import.meta.dirname;
const TS = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

/** Rules of typescript-eslint's recommended set, for TypeScript files only (the .js scripts are CommonJS). */
const tsRecommended = tseslint.configs.recommended.map((c) => (c.rules ? { ...c, files: c.files ?? TS } : c));

export default defineConfig(
  {
    ignores: [
      'lib/',
      'dist/',
      'dist-preview/',
      'coverage/',
      'out/',
      'scratch/',
      '.tmp/',
      'bench/.cache/',
      'test/e2e/screenshots/',
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },

  js.configs.recommended,
  ...tsRecommended,
  {
    files: TS,
    rules: {
      // `_name` marks an argument kept for its position (visitor methods, callbacks) or a value left out on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Plain Node scripts, CommonJS.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { 'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }] },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },

  // Imports: resolved like TypeScript resolves them (extensionless relative paths, .json data).
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.d.ts', '.js', '.json'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.d.ts', '.js', '.json'], conditionNames: ['types', 'import', 'require', 'default'] }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'max-lines': ['error', { max: 500, skipBlankLines: true, skipComments: true }],
    },
  },

  // The pure core: no hosts, UI, Node built-ins, file or Office libraries.
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\.|zod$|zod/|decimal\\.js$)',
              message: 'src/core is pure: it may import only src/core, zod, decimal.js and its JSON data (no Node built-ins, file, UI or Office libraries).',
            },
          ],
        },
      ],
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: root,
          zones: [
            {
              target: './src/core',
              from: '.',
              except: ['./src/core', './templates/indicators.json', './node_modules/zod', './node_modules/decimal.js'],
              message: 'src/core is pure: it may import only src/core, zod, decimal.js and templates/indicators.json.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', '__dirname', '__filename', 'window', 'document', 'Office', 'Excel'].map((name) => ({
          name,
          message: 'src/core is pure: hosts give it what it needs (a snapshot, a profile, a library).',
        })),
      ],
    },
  },

  // Only the Office.js host touches Excel; the ribbon command and the pane's entry also use Office (Office.onReady).
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/hosts/office/**', 'src/ribbon/**', 'src/core/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'Excel', message: 'Only src/hosts/office talks to Excel; the pane works through its WorkbookHost.' },
        {
          name: 'Office',
          message: 'Only src/hosts/office, src/ribbon and src/taskpane/index.tsx use the Office global; pass what is needed down.',
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name=/^(window|globalThis|self)$/][property.name=/^(Excel|Office)$/]",
          message: 'Only src/hosts/office (and src/ribbon, src/taskpane/index.tsx for Office) reach the Office.js globals.',
        },
      ],
    },
  },
  {
    files: ['src/taskpane/index.tsx'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'Excel', message: 'Only src/hosts/office talks to Excel; the pane works through its WorkbookHost.' },
      ],
    },
  },
);

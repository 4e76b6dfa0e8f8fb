import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Globals a pure module may use: the language's own, and the few platform ones that hold no
 * page, document or browser state.
 */
const PURE_PLATFORM = new Set(['console', 'setTimeout', 'clearTimeout', 'queueMicrotask', 'structuredClone', 'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'performance', 'atob', 'btoa']);
const impureGlobals = [
  ...Object.keys(globals.browser).filter((name) => !(name in globals.builtin) && !PURE_PLATFORM.has(name)),
  'browser',
  'chrome',
];

export default tseslint.config(
  { ignores: ['.output/', '.output-*/', '.wxt/', 'node_modules/', 'tests/e2e/.bundles/', '.tmp/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['components/**', 'entrypoints/**', 'tests/e2e/pages/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Pure text logic: strings in, plain data out. No DOM, no browser or extension API, no
    // database, no React; types from elsewhere are fine.
    files: ['utils/report/**', 'utils/search/**', 'utils/sync/format.ts', 'utils/sync/merge.ts'],
    rules: {
      'no-restricted-globals': ['error', ...impureGlobals.map((name) => ({ name, message: 'A pure module uses no DOM or browser API.' }))],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['wxt', 'wxt/*', '#i18n', '#imports', 'dexie', 'dexie-*', 'react', 'react-*', 'dompurify', 'mammoth', '**/editors/**', '**/db/database', '**/components/**', '**/entrypoints/**'],
              allowTypeImports: true,
              message: 'A pure module imports no DOM, browser, database or UI code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**', 'tests/e2e/*.mjs', '*.config.*'],
    languageOptions: { globals: globals.node },
  },
  {
    // Node scripts whose callbacks to `page.evaluate` run in the browser.
    files: ['tests/bench/*.mjs', 'tests/firefox/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Playwright fixtures take their dependencies as a destructured (often empty) object.
    files: ['tests/e2e/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['tests/e2e/pages/**'],
    languageOptions: { globals: globals.browser },
  },
);

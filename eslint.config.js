import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
    files: ['scripts/**', 'tests/e2e/*.mjs', '*.config.*'],
    languageOptions: { globals: globals.node },
  },
  {
    // Node scripts whose callbacks to `page.evaluate` run in the browser.
    files: ['tests/bench/*.mjs'],
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

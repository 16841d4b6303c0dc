import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Extension code and pages of the conformance scenarios and fixtures run in browser contexts.
    files: ['conformance/**/*.js', 'test/fixtures/**/*.js', 'examples/**/extension/**/*.js', 'bench/chromium/**/*.js', 'scripts/surface-probe/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { ...globals.browser, ...globals.serviceworker, chrome: 'readonly', browser: 'readonly' },
    },
    // A file may still name its globals in a /* global */ comment.
    rules: { 'no-redeclare': ['error', { builtinGlobals: false }] },
  },
  {
    files: ['**/*.mjs', 'bin/**', 'scripts/**/*.ts'],
    languageOptions: { globals: globals.node },
  },
);

// Lint for the whole repository: `npm run lint` (part of `npm test`). Formatting is Prettier's
// (.prettierrc.json, `npm run format`); these rules are about correctness and about the house
// rules of STYLE.md: a file holds one concept (≤ 400 lines), a function fits a screen (≤ 60 lines),
// no nested ternaries, names that say what they hold.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const SOURCES = ['**/*.{ts,tsx,js,mjs}'];
const TESTS = ['**/*.test.ts', '**/test/**', 'bench/**', 'scripts/**', '**/*.stories.ts', '.storybook/**'];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'storybook-static/**',
      'coverage/**',
      'packages/core-sdk/test/generated/**',
      'packages/mock-server/public/mockServiceWorker.js',
      'examples/*/dist/**',
    ],
  },
  { files: SOURCES, extends: [js.configs.recommended, ...tseslint.configs.recommended] },
  {
    files: ['packages/widgets/src/**/*.ts'],
    extends: [lit.configs['flat/recommended'], wc.configs['flat/recommended']],
  },
  {
    files: SOURCES,
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Lines of code: comments (the house writes why, and the ARIA rule above each key branch) do not count.
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true, IIFEs: true }],
      'no-nested-ternary': 'error',
      'id-denylist': ['error', 'memo', 'update1', 'said', 'Kept'],
      // `q` is the API's own query parameter (GET /recipients?q=, GET /documents?q=), so it may be
      // a property name; a local variable or parameter called `q` says nothing of what it holds.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'VariableDeclarator > Identifier.id[name="q"], :function > Identifier.params[name="q"]',
          message: 'Name what it holds (query, text, search), not q.',
        },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  // A test's `describe`/`it` callbacks are as long as the behaviour they walk through; the file limit holds.
  // chai's `expect(x).to.be.true` is an expression statement by design.
  {
    files: TESTS,
    rules: { 'max-lines-per-function': 'off', '@typescript-eslint/no-unused-expressions': 'off' },
  },
  prettier,
);

// @ts-check
/**
 * ESLint for the whole repository: the UI (src/), its Storybook (.storybook/), the API contract
 * (common/), the platform (server/), the end-to-end tests (e2e/) and the scripts (scripts/).
 * `npm run lint` runs it with `--max-warnings=0`; module boundaries are described in
 * sheriff.config.ts and in the `no-restricted-imports` rules below. Formatting is Prettier's job.
 */
import eslint from '@eslint/js';
import sheriff from '@softarc/eslint-plugin-sheriff';
import angular from 'angular-eslint';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The UI's component and directive selectors start with this prefix (angular.json `prefix`). */
const selectorPrefix = 'mp';

/** The contract is reached through its path aliases, never by a relative path into common/. */
const commonSources = {
  regex: String.raw`^\.\.?/(.*/)?common/`,
  message: 'Import the contract through its path alias (@osb/api, @osb/json-schema), not by a relative path.',
};

/** The UI and the end-to-end tests reach the platform only over HTTP, never through its sources. */
const serverSources = {
  regex: String.raw`(^|/)server/`,
  message: 'The UI and the end-to-end tests never import the platform (server/); the shared contract is @osb/api.',
};

/** Why the UI imports no zone API. */
const zoneless =
  "The app is zoneless: use signals, markForCheck or the test fixture's whenStable instead of zone APIs.";

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    'dist/',
    'out-tsc/',
    '.angular/',
    'storybook-static/',
    'test-results/',
    'playwright-report/',
    'coverage/',
    'data/',
    // Files that break the module boundaries on purpose, linted only by scripts/lint.test.mjs.
    'scripts/lint-fixtures/',
  ]),

  {
    name: 'osb/all',
    files: ['**/*.{js,mjs,ts}'],
    extends: [eslint.configs.recommended],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  {
    name: 'osb/typescript',
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommended, tseslint.configs.stylistic],
    rules: {
      // `_name` marks a parameter or binding that is there for its position only.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },

  {
    name: 'osb/server-tests',
    files: ['server/test/**/*.ts'],
    rules: {
      // The tests read the platform's and brokers' JSON answers untyped and assert on them field by field.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },

  {
    name: 'osb/node',
    files: ['server/**', 'e2e/**', 'scripts/**', '.storybook/main.ts', '*.{js,mjs,ts}'],
    languageOptions: { globals: globals.node },
  },

  {
    name: 'osb/browser',
    files: ['src/**'],
    languageOptions: { globals: globals.browser },
  },

  {
    name: 'osb/angular',
    files: ['src/**/*.ts'],
    extends: [angular.configs.tsRecommended],
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: selectorPrefix, style: 'kebab-case' }],
      '@angular-eslint/directive-selector': [
        'error',
        { type: 'attribute', prefix: selectorPrefix, style: 'camelCase' },
      ],
    },
  },

  {
    name: 'osb/angular-templates',
    files: ['src/**/*.html'],
    extends: [angular.configs.templateRecommended, angular.configs.templateAccessibility],
  },

  {
    name: 'osb/boundaries',
    files: ['src/**/*.ts', 'common/**/*.ts', 'e2e/**/*.ts', '.storybook/**/*.ts'],
    extends: [sheriff.configs.all],
  },

  {
    name: 'osb/boundaries/e2e-and-storybook',
    files: ['e2e/**/*.ts', '.storybook/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [commonSources, serverSources] }],
    },
  },

  {
    name: 'osb/boundaries/ui',
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [commonSources, serverSources],
          // The app runs without zone.js (provideZonelessChangeDetection): no zone APIs.
          paths: [
            { name: 'zone.js', message: zoneless },
            { name: 'zone.js/testing', message: zoneless },
            { name: '@angular/core', importNames: ['NgZone', 'provideZoneChangeDetection'], message: zoneless },
            {
              name: '@angular/core/testing',
              importNames: ['fakeAsync', 'tick', 'flush', 'flushMicrotasks', 'waitForAsync'],
              message: zoneless,
            },
          ],
        },
      ],
    },
  },

  {
    name: 'osb/boundaries/server',
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            commonSources,
            {
              regex: String.raw`(^|/)(src/app|src/testing|e2e)/`,
              message: 'The platform never imports the UI (src/) or the end-to-end tests (e2e/).',
            },
          ],
        },
      ],
    },
  },
);

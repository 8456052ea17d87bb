import { type SheriffConfig, sameTag } from '@softarc/sheriff-core';

/**
 * The module boundaries of everything under the root tsconfig.json (the UI in src/, the API
 * contract in common/, the end-to-end tests in e2e/, Storybook), checked by ESLint's
 * `@softarc/sheriff/*` rules. The server has a tsconfig.json of its own and is checked by the
 * `no-restricted-imports` rules in eslint.config.js.
 *
 * A folder with an `index.ts` (a feature, an area of the contract) is reached through that
 * file only; the other modules expose every file except those under `internal/`.
 */
export const config: SheriffConfig = {
  enableBarrelLess: true,
  modules: {
    'common/<area>': 'contract',
    server: 'server',
    e2e: 'e2e',
    fixtures: 'fixtures',
    '.storybook': 'storybook',
    // The app's composition: main.ts, app.ts, its routes and providers.
    src: 'ui:app',
    'src/app/core': 'ui:core',
    'src/app/core/i18n': 'ui:i18n',
    'src/app/shared/<part>': 'ui:shared',
    'src/app/features/<feature>': ['ui:feature', 'feature:<feature>'],
    'src/testing': 'ui:testing',
  },
  depRules: {
    // Configuration files at the top (playwright.config.ts, vitest.config.ts, …).
    root: ['root', 'ui:app', 'e2e', 'storybook'],
    // The contract depends on nothing of the project but itself.
    contract: sameTag,
    'ui:app': ['ui:app', 'ui:core', 'ui:i18n', 'ui:shared', 'ui:feature', 'contract'],
    'ui:core': ['ui:core', 'ui:i18n', 'ui:shared', 'ui:testing', 'contract'],
    // Choosing and loading the language; every layer may word its messages with it (`plural`).
    'ui:i18n': ['ui:i18n', 'ui:core', 'ui:testing', 'contract'],
    'ui:shared': ['ui:shared', 'ui:i18n', 'ui:testing', 'fixtures', 'contract'],
    // Test fixtures and providers for the specs and stories of every layer.
    'ui:testing': ['ui:testing', 'ui:core', 'ui:i18n', 'ui:shared', 'fixtures', 'contract'],
    'ui:feature': ['ui:feature', 'ui:core', 'ui:i18n', 'ui:shared', 'ui:testing', 'fixtures', 'contract'],
    // A feature uses another one only where listed here, through its index.ts; the list has no cycle.
    'feature:*': ['ui:core', 'ui:i18n', 'ui:shared', 'ui:testing', 'fixtures', 'contract'],
    'feature:service-instances': ['feature:bindings', 'feature:sharing', 'feature:activity'],
    // The order wizard's optional last step orders a binding with the instance.
    'feature:provisioning': ['feature:bindings'],
    e2e: ['e2e', 'contract'],
    storybook: ['storybook', 'ui:shared', 'ui:core', 'ui:i18n'],
    fixtures: [],
    server: ['server', 'contract'],
  },
};

import { defineMain } from '@storybook/angular-vite/node';

import { angularBuildOptions } from './angular-build-options.ts';

// `storybook dev|build` runs without the Angular builders, which would otherwise pass the app's
// build options to the framework; this is the channel the framework reads them from.
process.env['STORYBOOK_ANGULAR_BUILDER_OPTIONS_JSON'] ??= JSON.stringify(angularBuildOptions);

/** Storybook for the marketplace UI: every `*.stories.ts` under src/. */
export default defineMain({
  stories: ['../src/**/*.stories.ts'],
  addons: ['@storybook/addon-vitest'],
  // The translations, fetched when the toolbar switches the language (as the app fetches them).
  staticDirs: [{ from: '../src/locale', to: '/i18n' }],
  framework: {
    name: '@storybook/angular-vite',
    options: {
      tsconfig: '.storybook/tsconfig.json',
      // Component docs come from Compodoc, which this project does not use.
      compodoc: false,
    },
  },
  core: { disableTelemetry: true },
});

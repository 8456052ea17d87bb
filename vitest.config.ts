/**
 * Vitest projects run outside `ng test` (which has its own configuration in angular.json):
 * `storybook` runs every story, with its `play` function, as a test in headless Chromium.
 */
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { storybookAngularVitest } from '@storybook/angular-vite/vitest';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

import { angularBuildOptions } from './.storybook/angular-build-options.ts';
import { chromiumArgs, chromiumExecutable } from './scripts/chromium.mjs';

/** Debian's Chromium with the flags that keep it off the network. */
const chromium = playwright({
  launchOptions: { executablePath: chromiumExecutable, args: chromiumArgs },
});

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [storybookAngularVitest(angularBuildOptions), storybookTest({ configDir: '.storybook' })],
        // Dependencies that only some stories import, bundled before the run: found in the middle
        // of a run on a cold cache, Vite would reload the page and fail the stories that were running.
        optimizeDeps: { include: ['@angular/core/rxjs-interop', '@angular/material/progress-bar'] },
        test: {
          name: 'storybook',
          browser: {
            enabled: true,
            headless: true,
            provider: chromium,
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});

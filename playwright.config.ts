/**
 * End-to-end tests: Playwright in Debian's Chromium against the whole platform, which the global
 * setup in e2e/support/ builds and starts on free ports.
 */
import { defineConfig, devices } from '@playwright/test';

import { chromiumArgs, chromiumExecutable } from './scripts/chromium.mjs';

const ci = !!process.env['CI'];

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  globalSetup: './e2e/support/global-setup.ts',
  forbidOnly: ci,
  retries: ci ? 1 : 0,
  workers: 1,
  // Generous waits: the machines this runs on are small and shared, and the first page view
  // fetches every broker's catalog.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    // Set by the global setup; Playwright loads this file again in each worker, after the setup.
    baseURL: process.env['E2E_BASE_URL'],
    // The browser's language decides the UI's on a first visit; journeys in German set their own.
    locale: 'en-US',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath: chromiumExecutable, args: chromiumArgs },
      },
    },
  ],
});

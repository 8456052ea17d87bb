import { bootstrapApplication } from '@angular/platform-browser';

import { App } from './app/app';
import { appConfig } from './app/app.config';
import { applyPrimaryColor } from './app/core/config/theme-color';
import { loadUiConfig } from './app/core/config/ui-config';
import { renderStartupError } from './app/core/config/startup-error-page';

/** Fetches the runtime configuration, then starts the app; shows a plain error page if either fails. */
async function start(): Promise<void> {
  const config = await loadUiConfig(document.baseURI);
  document.title = config.theme.productName;
  applyPrimaryColor(document.documentElement, config.theme.primaryColor);
  await bootstrapApplication(App, appConfig(config));
}

start().catch((error: unknown) => {
  console.error(error);
  const message =
    error instanceof Error && error.message
      ? error.message
      : $localize`:@@startupUnknownError:An unexpected error stopped the marketplace from starting.`;
  renderStartupError(document, message);
});

/** Providers that unit tests of the UI's components share. */
import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import type { EnvironmentProviders, Provider } from '@angular/core';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';

import { UI_CONFIG } from '../app/core/config/ui-config';
import { provideAppIcons } from '../app/shared/ui/icons/app-icons';
import { testUiConfig } from './ui-config-fixture';

/** The app's icons, and Angular Material without animations (dialogs open and close at once). */
export function provideUiTesting(): (Provider | EnvironmentProviders)[] {
  return [provideAppIcons(), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }];
}

/**
 * What a component that calls the platform needs besides `provideUiTesting()`: `HttpClient`
 * answered by Angular's `HttpTestingController`, and the configuration with the API at `/api`.
 */
export function providePlatformApiTesting(): (Provider | EnvironmentProviders)[] {
  return [
    provideHttpClient(),
    provideHttpClientTesting(),
    { provide: UI_CONFIG, useValue: testUiConfig },
    ...provideUiTesting(),
  ];
}

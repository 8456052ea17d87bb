/** Providers that unit tests of the UI's components share. */
import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import type { EnvironmentProviders, Provider, Type } from '@angular/core';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import type { RouterTestingHarness } from '@angular/router/testing';

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

/**
 * What a page test needs: the page at its route, with route and query parameters bound to its
 * inputs as in the app, and the platform API of `providePlatformApiTesting()`.
 */
export function provideRoutedPageTesting(path: string, page: Type<unknown>): (Provider | EnvironmentProviders)[] {
  return [provideRouter([{ path, component: page }], withComponentInputBinding()), ...providePlatformApiTesting()];
}

/** Waits for a routed page's requests and effects, renders, and waits for what the render started. */
export async function settleRoutedPage(router: RouterTestingHarness): Promise<void> {
  await router.fixture.whenStable();
  router.detectChanges();
  await router.fixture.whenStable();
}

/**
 * Renders a routed page and lets due timers (and what they start) run, three rounds; `eachRound`
 * runs after every round, for example to answer requests as the page makes them.
 */
export async function turnRoutedPage(router: RouterTestingHarness, eachRound?: () => void): Promise<void> {
  for (let round = 0; round < 3; round++) {
    router.detectChanges();
    await new Promise((resolve) => setTimeout(resolve));
    eachRound?.();
  }
  router.detectChanges();
}

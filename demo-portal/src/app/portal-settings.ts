import { InjectionToken } from '@angular/core';

/** The portal's sign-in settings, served by the platform as `/portal/config.json`. */
export interface PortalSettings {
  issuer: string;
  clientId: string;
  scope: string;
}

/** The portal's settings, for injection. */
export const PORTAL_SETTINGS = new InjectionToken<PortalSettings>('PORTAL_SETTINGS');

/** Fetches the portal's settings. */
export async function loadPortalSettings(): Promise<PortalSettings> {
  const response = await fetch(new URL('config.json', document.baseURI), { cache: 'no-cache' });
  if (!response.ok) {
    throw new Error(`The portal settings could not be loaded (HTTP ${response.status})`);
  }
  return (await response.json()) as PortalSettings;
}

import { bootstrapApplication } from '@angular/platform-browser';

import { Portal } from './app/portal';
import { portalConfig } from './app/portal.config';
import { loadPortalSettings } from './app/portal-settings';

/** Signs in at the portal's OpenID provider, then starts the portal. */
loadPortalSettings()
  .then((settings) => bootstrapApplication(Portal, portalConfig(settings)))
  .catch((error: unknown) => {
    console.error(error);
    document.body.textContent = 'The portal could not start.';
  });

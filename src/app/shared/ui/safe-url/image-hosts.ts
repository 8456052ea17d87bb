import { InjectionToken } from '@angular/core';

/**
 * Hosts that broker images (service icons, images in markdown) may load from, besides the UI's
 * own origin and `data:` images; see `allowedImageUrl`. The platform's `catalog.imageHosts`
 * setting; none unless provided.
 */
export const IMAGE_HOSTS = new InjectionToken<readonly string[]>('IMAGE_HOSTS', {
  providedIn: 'root',
  factory: () => [],
});

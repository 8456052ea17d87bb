import { httpResource } from '@angular/common/http';
import { Injectable, effect, inject, untracked } from '@angular/core';

import type { CatalogResponse, ServiceOffering } from '@osb/api';
import { UI_CONFIG } from '../config/ui-config';
import type { ApiResource } from './api-types';
import { apiUrl } from './api-url';
import { CatalogStore, type SharedResource } from './catalog-store';

/**
 * Read access to the platform API. The `*Resource` methods must run in an injection context
 * (a component's field initialisers); a request function that returns `undefined` keeps the
 * resource idle.
 */
@Injectable({ providedIn: 'root' })
export class MarketplaceApi {
  private readonly config = inject(UI_CONFIG);
  private readonly catalog = inject(CatalogStore);

  /**
   * The shared catalog listing (service summaries, the locations and the brokers' health),
   * revalidated once `enabled` is true.
   */
  catalogResource(enabled: () => boolean = () => true): SharedResource<CatalogResponse | undefined> {
    effect(() => {
      if (enabled()) {
        untracked(() => this.catalog.reload());
      }
    });
    return this.catalog;
  }

  /** `GET /catalog/services/:serviceId` (the service in full, with its plans' schemas) for the current id, idle while it is undefined. */
  serviceResource(serviceId: () => string | undefined): ApiResource<ServiceOffering> {
    return httpResource<ServiceOffering>(() => {
      const id = serviceId();
      return id === undefined ? undefined : this.url('catalog', 'services', id);
    });
  }

  private url(...segments: string[]): string {
    return apiUrl(this.config.apiBaseUrl, ...segments);
  }
}

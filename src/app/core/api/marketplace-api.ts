import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import type {
  CatalogResponse,
  MeResponse,
  ServiceOffering,
} from '@osb/api';
import { UI_CONFIG } from '../config/ui-config';
import type { ApiResource } from './api-types';
import { apiUrl } from './api-url';

/**
 * Read access to the platform API. The `*Resource` methods must run in an injection context
 * (a component's field initialisers); a request function that returns `undefined` keeps the
 * resource idle.
 */
@Injectable({ providedIn: 'root' })
export class MarketplaceApi {
  private readonly http = inject(HttpClient);
  private readonly config = inject(UI_CONFIG);

  /** `GET /me`: the signed-in user and their projects. */
  getMe(): Observable<MeResponse> {
    return this.http.get<MeResponse>(this.url('me'));
  }

  /** `GET /catalog`: every service, the locations and the brokers' health, once `enabled` is true. */
  catalogResource(enabled: () => boolean = () => true): ApiResource<CatalogResponse> {
    return httpResource<CatalogResponse>(() => (enabled() ? this.url('catalog') : undefined));
  }

  /** `GET /catalog/services/:serviceId` for the current id, idle while it is undefined. */
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

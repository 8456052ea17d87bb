import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';

import type { ServiceInstanceShare, ServiceInstanceShareDetails } from '@osb/api';
import type { ApiResource, InstanceRef } from '../../core/api/api-types';
import { apiUrl } from '../../core/api/api-url';
import { UI_CONFIG } from '../../core/config/ui-config';

/**
 * The shares of a service instance. Asked as the owner project, every share; asked as a target
 * project, only its own. The `*Resource` methods must run in an injection context.
 */
@Injectable({ providedIn: 'root' })
export class SharingApi {
  private readonly http = inject(HttpClient);
  private readonly config = inject(UI_CONFIG);

  /** The instance's shares as `ref().projectId` sees them, idle while `ref()` is undefined. */
  sharesResource(ref: () => InstanceRef | undefined): ApiResource<ServiceInstanceShare[]> {
    return httpResource<ServiceInstanceShare[]>(() => {
      const current = ref();
      return current && this.url(current);
    });
  }

  /** Shares the instance with another project of the same workspace. */
  share(ref: InstanceRef, targetProjectId: string): Observable<ServiceInstanceShare> {
    return this.http.post<ServiceInstanceShare>(this.url(ref), { targetProjectId });
  }

  /** A share and the target project's bindings that ending it deletes. */
  details(ref: InstanceRef, targetProjectId: string): Observable<ServiceInstanceShareDetails> {
    return this.http.get<ServiceInstanceShareDetails>(this.url(ref, targetProjectId));
  }

  /** Ends a share; the platform deletes the target's bindings first. */
  end(ref: InstanceRef, targetProjectId: string): Observable<void> {
    return this.http.delete<null>(this.url(ref, targetProjectId)).pipe(map(() => undefined));
  }

  private url(ref: InstanceRef, ...segments: string[]): string {
    return apiUrl(
      this.config.apiBaseUrl,
      'projects',
      ref.projectId,
      'service-instances',
      ref.instanceId,
      'shares',
      ...segments,
    );
  }
}

import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';

import type {
  BindingTenantChoice,
  BrokerComparison,
  CreateServiceBindingRequest,
  ExpiringServiceBindings,
  ServiceBinding,
  ServiceBindingWithCredentials,
} from '@osb/api';
import type { ApiResource, InstanceRef } from '../../core/api/api-types';
import { apiUrl } from '../../core/api/api-url';
import { UI_CONFIG } from '../../core/config/ui-config';

/**
 * The bindings a project holds on a service instance: reads as resources (signals), writes and
 * credential reads through `HttpClient`. Credentials are never cached by this service: callers
 * keep them in component memory only. The `*Resource` methods must run in an injection context.
 */
@Injectable({ providedIn: 'root' })
export class BindingsApi {
  private readonly http = inject(HttpClient);
  private readonly config = inject(UI_CONFIG);

  /** The project's bindings on the instance (without credentials), idle while `ref()` is undefined. */
  bindingsResource(ref: () => InstanceRef | undefined): ApiResource<ServiceBinding[]> {
    return httpResource<ServiceBinding[]>(() => {
      const current = ref();
      return current && this.url(current, 'bindings');
    });
  }

  /** The project's bindings on one instance, once. */
  list(ref: InstanceRef): Observable<ServiceBinding[]> {
    return this.http.get<ServiceBinding[]>(this.url(ref, 'bindings'));
  }

  /** The project's bindings on all its instances that expire within the warning period, in one request. */
  listExpiring(projectId: string): Observable<ExpiringServiceBindings> {
    return this.http.get<ExpiringServiceBindings>(
      apiUrl(this.config.apiBaseUrl, 'projects', projectId, 'expiring-bindings'),
    );
  }

  /** The project's tenants a tenant binding of the instance may name, and which are bound already. */
  tenantChoices(ref: InstanceRef): Observable<BindingTenantChoice[]> {
    return this.http.get<BindingTenantChoice[]>(this.url(ref, 'binding-tenants'));
  }

  /** Orders a binding: the answer carries the credentials when the broker bound synchronously. */
  create(ref: InstanceRef, request: CreateServiceBindingRequest): Observable<ServiceBindingWithCredentials> {
    return this.http.post<ServiceBindingWithCredentials>(this.url(ref, 'bindings'), request);
  }

  /** One binding with its stored credentials (none for a sensitive service). */
  get(ref: InstanceRef, bindingId: string): Observable<ServiceBindingWithCredentials> {
    return this.http.get<ServiceBindingWithCredentials>(this.url(ref, 'bindings', bindingId));
  }

  /** Rotates a binding's credentials: creates its successor (with its credentials, for a sensitive service the only time). */
  rotate(ref: InstanceRef, bindingId: string): Observable<ServiceBindingWithCredentials> {
    return this.http.post<ServiceBindingWithCredentials>(this.url(ref, 'bindings', bindingId, 'rotate'), {});
  }

  /** What the broker reports of the binding now, compared with the record (credential values left out). */
  compareWithBroker(ref: InstanceRef, bindingId: string): Observable<BrokerComparison> {
    return this.http.get<BrokerComparison>(this.url(ref, 'bindings', bindingId, 'broker-view'));
  }

  /** Deletes a binding: gives it while the broker deletes it, or null once it is gone. */
  delete(ref: InstanceRef, bindingId: string): Observable<ServiceBinding | null> {
    return this.http
      .delete<ServiceBinding | null>(this.url(ref, 'bindings', bindingId), { observe: 'response' })
      .pipe(map((response) => (response.status === 202 ? response.body : null)));
  }

  private url(ref: InstanceRef, ...segments: string[]): string {
    return apiUrl(this.config.apiBaseUrl, 'projects', ref.projectId, 'service-instances', ref.instanceId, ...segments);
  }
}

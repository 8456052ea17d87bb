import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';

import type {
  BrokerComparison,
  CreateServiceInstanceRequest,
  InstanceServiceCounts,
  ServiceInstance,
  ServiceInstanceDeletionImpact,
  ServiceInstanceListQuery,
  UpdateServiceInstanceRequest,
} from '@osb/api';
import { UI_CONFIG } from '../config/ui-config';
import type { ApiResource } from './api-types';
import { apiUrl } from './api-url';

/**
 * The service instances of a project: reads as resources (signals), writes through `HttpClient`.
 * Writes answer the instance as the platform stored it; its `lastOperation` says whether the
 * broker is still working on it. The `*Resource` methods must run in an injection context.
 */
@Injectable({ providedIn: 'root' })
export class ServiceInstancesApi {
  private readonly http = inject(HttpClient);
  private readonly config = inject(UI_CONFIG);

  /**
   * `GET /projects/:projectId/service-instances`: one page of the instances the project sees,
   * searched, filtered and sorted by the platform (its `X-Total-Count` header says how many
   * match), idle while the id is undefined.
   */
  instancesResource(
    projectId: () => string | undefined,
    query: () => ServiceInstanceListQuery,
  ): ApiResource<ServiceInstance[]> {
    return httpResource<ServiceInstance[]>(() => {
      const id = projectId();
      if (id === undefined) {
        return undefined;
      }
      const params = Object.fromEntries(Object.entries(query()).filter(([, value]) => value !== undefined));
      return { url: this.url(id), params };
    });
  }

  /** `GET /projects/:projectId/instance-services`: the services of the project's instances with how many each. */
  instanceServicesResource(projectId: () => string | undefined): ApiResource<InstanceServiceCounts> {
    return httpResource<InstanceServiceCounts>(() => {
      const id = projectId();
      return id === undefined ? undefined : apiUrl(this.config.apiBaseUrl, 'projects', id, 'instance-services');
    });
  }

  /** `GET /projects/:projectId/service-instances/:instanceId`, idle while either id is undefined. */
  instanceResource(
    projectId: () => string | undefined,
    instanceId: () => string | undefined,
  ): ApiResource<ServiceInstance> {
    return httpResource<ServiceInstance>(() => {
      const project = projectId();
      const instance = instanceId();
      return project === undefined || instance === undefined ? undefined : this.url(project, instance);
    });
  }

  /** Orders a service instance; the answer may still be provisioning. */
  create(projectId: string, request: CreateServiceInstanceRequest): Observable<ServiceInstance> {
    return this.http.post<ServiceInstance>(this.url(projectId), request);
  }

  /** Renames an instance, changes its plan or parameters (send only the changed parameters). */
  update(projectId: string, instanceId: string, request: UpdateServiceInstanceRequest): Observable<ServiceInstance> {
    return this.http.patch<ServiceInstance>(this.url(projectId, instanceId), request);
  }

  /** What deprovisioning one of the project's own instances takes away: every project's bindings and its shares. */
  deletionImpact(projectId: string, instanceId: string): Observable<ServiceInstanceDeletionImpact> {
    return this.http.get<ServiceInstanceDeletionImpact>(this.url(projectId, instanceId, 'deletion-impact'));
  }

  /** Applies the maintenance upgrade the broker offers (`upgradeAvailable`); the answer may still be updating. */
  upgrade(projectId: string, instanceId: string): Observable<ServiceInstance> {
    return this.http.post<ServiceInstance>(this.url(projectId, instanceId, 'upgrade'), {});
  }

  /** What the broker reports of the instance now, compared with the platform's record. */
  compareWithBroker(projectId: string, instanceId: string): Observable<BrokerComparison> {
    return this.http.get<BrokerComparison>(this.url(projectId, instanceId, 'broker-view'));
  }

  /** Deletes an instance: gives the instance while the broker deletes it, or null once it is gone. */
  delete(projectId: string, instanceId: string): Observable<ServiceInstance | null> {
    return this.http
      .delete<ServiceInstance | null>(this.url(projectId, instanceId), { observe: 'response' })
      .pipe(map((response) => (response.status === 202 ? response.body : null)));
  }

  private url(projectId: string, ...segments: string[]): string {
    return apiUrl(this.config.apiBaseUrl, 'projects', projectId, 'service-instances', ...segments);
  }
}

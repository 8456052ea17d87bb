import { httpResource } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';

import type { ProjectCosts } from '@osb/api';
import type { ApiResource } from '@app/core/api/api-types';
import { apiUrl } from '@app/core/api/api-url';
import { UI_CONFIG } from '@app/core/config/ui-config';

/** A project's costs as the platform computes them. The `*Resource` methods must run in an injection context. */
@Injectable({ providedIn: 'root' })
export class CostsApi {
  private readonly config = inject(UI_CONFIG);

  /** `GET /projects/:projectId/costs`, idle while the id is undefined. */
  costsResource(projectId: () => string | undefined): ApiResource<ProjectCosts> {
    return httpResource<ProjectCosts>(() => {
      const id = projectId();
      return id === undefined ? undefined : apiUrl(this.config.apiBaseUrl, 'projects', id, 'costs');
    });
  }
}

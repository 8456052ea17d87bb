import { httpResource } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';

import type { ActivityPage, ActivityQuery } from '@osb/api';
import type { ApiResource } from '@app/core/api/api-types';
import { apiUrl } from '@app/core/api/api-url';
import { UI_CONFIG } from '@app/core/config/ui-config';

/** A project's activity. The `*Resource` methods must run in an injection context. */
@Injectable({ providedIn: 'root' })
export class ActivityApi {
  private readonly config = inject(UI_CONFIG);

  /** `GET /projects/:projectId/activity` with the query's filters and page, idle while the id is undefined. */
  activityResource(projectId: () => string | undefined, query: () => ActivityQuery): ApiResource<ActivityPage> {
    return httpResource<ActivityPage>(() => {
      const id = projectId();
      if (id === undefined) return undefined;
      const params = Object.fromEntries(Object.entries(query()).filter(([, value]) => value !== undefined)) as Record<
        string,
        string | number
      >;
      return { url: apiUrl(this.config.apiBaseUrl, 'projects', id, 'activity'), params };
    });
  }
}

import type { HttpResourceRef } from '@angular/common/http';

/**
 * A value loaded from the platform API, with its loading and error state as signals.
 * (Backed by Angular's experimental `httpResource`; only the API services create them.)
 */
export type ApiResource<T> = HttpResourceRef<T | undefined>;

/** Which instance of which project a request is about. */
export interface InstanceRef {
  /** The project asking (the owner, or a project the instance is shared with). */
  readonly projectId: string;
  /** The service instance. */
  readonly instanceId: string;
}

import { InjectionToken, effect, inject } from '@angular/core';

import type { ApiResource } from './api-types';

/** How long to wait between two reads of an instance whose operation is running. */
export const OPERATION_POLL_INTERVAL_MS = new InjectionToken<number>('OPERATION_POLL_INTERVAL_MS', {
  factory: () => 2000,
});

/**
 * Loads a resource again every few seconds while `running(value)` holds, so that an operation's
 * progress shows without a reload. It stops once the operation is done or the resource failed,
 * and when the caller is destroyed (the page is left), which clears the pending timer. Must run
 * in an injection context.
 */
export function reloadWhileRunning<T>(resource: ApiResource<T>, running: (value: T) => boolean): void {
  const interval = inject(OPERATION_POLL_INTERVAL_MS);
  effect((onCleanup) => {
    if (!resource.hasValue() || resource.isLoading() || !running(resource.value() as T)) {
      return;
    }
    const timer = setTimeout(() => resource.reload(), interval);
    onCleanup(() => clearTimeout(timer));
  });
}

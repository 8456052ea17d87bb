import { Injector, effect, untracked } from '@angular/core';

import type { ApiResource } from './api-types';

/**
 * Loads a resource again after a change that its current value may lack. Angular's `reload()`
 * does nothing while a load is on its way, and that load may have been answered before the
 * change; so while one is on its way, the resource is loaded again once it has finished.
 */
export function reloadAfterChange(resource: ApiResource<unknown>, injector: Injector): void {
  if (!untracked(resource.isLoading)) {
    resource.reload();
    return;
  }
  const waiting = effect(
    () => {
      if (resource.isLoading()) {
        return;
      }
      waiting.destroy();
      untracked(() => resource.reload());
    },
    { injector, manualCleanup: true },
  );
}

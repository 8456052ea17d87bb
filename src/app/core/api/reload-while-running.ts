import { InjectionToken, computed, effect, inject, signal } from '@angular/core';

import type { ApiResource } from './api-types';
import { LiveChanges } from './live-changes';

/** How long to wait between two reads of an instance whose operation is running. */
export const OPERATION_POLL_INTERVAL_MS = new InjectionToken<number>('OPERATION_POLL_INTERVAL_MS', {
  factory: () => 2000,
});

/** While the platform's change stream is live, reads happen on its news and only rarely on a timer (this many intervals). */
const LIVE_POLL_FACTOR = 15;

/** Changes arriving within this time cause one read. */
const CHANGE_BATCH_MS = 200;

/**
 * Loads a resource again while `running(value)` holds, so that an operation's progress shows
 * without a reload. With the project given, it listens to the platform's change stream and
 * reads again when the project's instances or bindings change (polling only rarely, as a safety
 * net); when the stream is unavailable it reads every few seconds. It stops once the operation
 * is done or the resource failed, and when the caller is destroyed (the page is left), which
 * ends the stream and clears the pending timer. Must run in an injection context.
 */
export function reloadWhileRunning<T>(
  resource: ApiResource<T>,
  running: (value: T) => boolean,
  projectId?: () => string,
): void {
  const interval = inject(OPERATION_POLL_INTERVAL_MS);
  const live = inject(LiveChanges);
  const streaming = signal(false);
  const isRunning = computed(() => resource.hasValue() && running(resource.value() as T));

  if (projectId) {
    effect((onCleanup) => {
      if (!isRunning()) {
        return;
      }
      let batch: ReturnType<typeof setTimeout> | undefined;
      const subscription = live.changes(projectId()).subscribe({
        next: (event) => {
          streaming.set(event.type !== 'closed');
          if (event.type === 'change' && batch === undefined) {
            batch = setTimeout(() => {
              batch = undefined;
              resource.reload();
            }, CHANGE_BATCH_MS);
          }
        },
        error: () => streaming.set(false),
      });
      onCleanup(() => {
        clearTimeout(batch);
        subscription.unsubscribe();
        streaming.set(false);
      });
    });
  }

  effect((onCleanup) => {
    if (resource.isLoading() || !isRunning()) {
      return;
    }
    const timer = setTimeout(() => resource.reload(), streaming() ? interval * LIVE_POLL_FACTOR : interval);
    onCleanup(() => clearTimeout(timer));
  });
}

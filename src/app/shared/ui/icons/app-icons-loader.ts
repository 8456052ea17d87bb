import { EnvironmentInjector, Injectable, inject, runInInjectionContext, signal } from '@angular/core';

/**
 * Loads Material's icon registry with the app's icons when a page or menu first needs them, so
 * that the start of the app (the frame, the sign-in) does without both. Pages get them through
 * {@link withAppIcons}; the frame waits for {@link AppIconsLoader.loaded} before it shows menus.
 */
@Injectable({ providedIn: 'root' })
export class AppIconsLoader {
  private readonly injector = inject(EnvironmentInjector);
  private readonly loadedState = signal(false);
  private loading: Promise<void> | undefined;

  /** Whether the icons are registered. */
  readonly loaded = this.loadedState.asReadonly();

  /** Loads and registers the icons, once; a failed load is tried again on the next call. */
  load(): Promise<void> {
    this.loading ??= import('./app-icons').then(
      ({ registerAppIcons }) => {
        runInInjectionContext(this.injector, registerAppIcons);
        this.loadedState.set(true);
      },
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }
}

/**
 * Wraps a route's `loadComponent` or `loadChildren` so that the app's icons are registered, in
 * parallel with the page's code, before the page shows its `<mat-icon>`s.
 */
export function withAppIcons<T>(load: () => Promise<T>): () => Promise<T> {
  return () => {
    const icons = inject(AppIconsLoader).load();
    return Promise.all([load(), icons]).then(([loaded]) => loaded);
  };
}

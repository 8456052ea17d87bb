import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import type { MeResponse, Project } from '@osb/api';
import { UI_CONFIG } from '../config/ui-config';
import { apiUrl } from './api-url';

/**
 * The signed-in user and the projects they may use, loaded once from `GET /me` and shared by the
 * guards, the project switcher and the pages. It asks the API itself rather than through
 * `MarketplaceApi`, whose catalog resources the app's start does not need.
 */
@Injectable({ providedIn: 'root' })
export class CurrentUser {
  private readonly http = inject(HttpClient);
  private readonly config = inject(UI_CONFIG);
  private readonly me = signal<MeResponse | undefined>(undefined);
  private readonly loadError = signal<string | null>(null);
  private pending: Promise<MeResponse> | null = null;

  /** The user, once loaded. */
  readonly user = computed(() => this.me()?.user);
  /** The user's projects, in the platform's order (empty until loaded). */
  readonly projects = computed<readonly Project[]>(() => this.me()?.projects ?? []);
  /** Why loading failed, if it did. */
  readonly error = this.loadError.asReadonly();

  /** Loads `/me` on first use; later calls share the same answer. A failed load can be retried. */
  load(): Promise<MeResponse> {
    this.pending ??= firstValueFrom(this.http.get<MeResponse>(apiUrl(this.config.apiBaseUrl, 'me'))).then(
      (me) => {
        this.me.set(me);
        this.loadError.set(null);
        return me;
      },
      async (error: unknown) => {
        this.pending = null;
        // The error messages are loaded when one is needed, keeping them out of the initial JavaScript.
        const { apiErrorMessage } = await import('./api-error');
        this.loadError.set(apiErrorMessage(error));
        throw error;
      },
    );
    return this.pending;
  }

  /** The user's project with this id, if they are a member. */
  project(projectId: string | undefined): Project | undefined {
    return this.projects().find((project) => project.id === projectId);
  }
}

import { HttpClient, HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { Injectable, type Signal, computed, inject, signal } from '@angular/core';
import type { Subscription } from 'rxjs';

import type { CatalogResponse } from '@osb/api';
import { UI_CONFIG } from '../config/ui-config';
import { apiUrl } from './api-url';

/** What the store knows: the last listing, its entity tag, and why the last load failed. */
interface CatalogState {
  readonly value?: CatalogResponse;
  readonly etag?: string;
  readonly error?: unknown;
  readonly loading: boolean;
}

/** A value shared by pages, read like an Angular resource. */
export interface SharedResource<T> {
  /** The value, once loaded. */
  readonly value: Signal<T>;
  /** Whether the first load is on its way. */
  readonly isLoading: Signal<boolean>;
  /** Why the value could not be loaded. */
  readonly error: Signal<unknown>;
  /** Whether a value is held. */
  hasValue(): this is SharedResource<Exclude<T, undefined>>;
  /** Loads the value again (or checks that it is current). */
  reload(): void;
}

/**
 * The catalog listing (`GET /catalog`) shared by every page: downloaded once, then revalidated
 * with its ETag whenever a page asks for it, so an unchanged catalog costs a 304 and no parsing.
 * Reads like a resource: `value()`, `hasValue()`, `isLoading()`, `error()` and `reload()`.
 */
@Injectable({ providedIn: 'root' })
export class CatalogStore implements SharedResource<CatalogResponse | undefined> {
  private readonly http = inject(HttpClient);
  private readonly config = inject(UI_CONFIG);
  private readonly state = signal<CatalogState>({ loading: false });
  private request: Subscription | undefined;

  /** The listing, once loaded (kept while it is revalidated). */
  readonly value = computed(() => this.state().value);
  /** Whether the first download is on its way (revalidating a held listing does not count). */
  readonly isLoading = computed(() => this.state().loading);
  /** Why the listing could not be loaded, when there is none to show. */
  readonly error = computed(() => this.state().error);

  /** Whether a listing is held. */
  hasValue(): this is SharedResource<CatalogResponse> {
    return this.state().value !== undefined;
  }

  /** Loads the listing, or asks the platform whether the held one is current; joins a request under way. */
  reload(): void {
    if (this.request && !this.request.closed) {
      return;
    }
    const { value, etag } = this.state();
    this.state.set({ value, etag, loading: value === undefined });
    const headers = etag ? new HttpHeaders({ 'If-None-Match': etag }) : undefined;
    this.request = this.http
      .get<CatalogResponse>(apiUrl(this.config.apiBaseUrl, 'catalog'), { observe: 'response', headers })
      .subscribe({
        next: (response) =>
          this.state.set({
            value: response.body ?? undefined,
            etag: response.headers.get('ETag') ?? undefined,
            loading: false,
          }),
        error: (error: unknown) => {
          const unchanged = error instanceof HttpErrorResponse && error.status === 304;
          // A held listing stays on screen when revalidating it fails.
          this.state.set({ value, etag, loading: false, ...(unchanged || value ? {} : { error }) });
        },
      });
  }
}

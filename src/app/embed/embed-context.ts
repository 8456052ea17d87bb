import { Injectable, signal } from '@angular/core';

/** Returns a promise of the host's current access token for the platform API. */
export type AccessTokenProvider = () => Promise<string | null | undefined> | string | null | undefined;

/** The detail of the `osb-navigate` event: the page's address in the host and its title. */
export interface NavigateDetail {
  /** The browser path of the page, below the element's base path. */
  path: string;
  /** The page's title, for breadcrumbs and the document title. */
  title: string;
}

/** The detail of the `osb-operation-finished` event. */
export interface OperationFinishedDetail {
  kind: 'instance' | 'binding';
  id: string;
  /** The instance's name, if known. */
  name?: string;
  /** The operation: `create`, `update`, `delete` (or `expire` for bindings). */
  operation: string;
  /** How it ended. */
  state: 'succeeded' | 'failed';
}

/** The events the element sends to its host, by their DOM event names. */
export interface HostEvents {
  'osb-navigate': NavigateDetail;
  'osb-operation-finished': OperationFinishedDetail;
  'osb-auth-required': { status: number };
}

/**
 * What the host page handed the `<osb-marketplace>` element (its attributes and properties), and
 * the way back to the host (its events). One per application; the element fills it in.
 */
@Injectable({ providedIn: 'root' })
export class EmbedContext {
  /** The platform API's base URL. */
  readonly apiUrl = signal(new URL('/api', import.meta.url).href);
  /** The project whose marketplace is shown. */
  readonly projectId = signal<string | null>(null);
  /** The URL path prefix below which the element's pages live, without a trailing slash. */
  readonly basePath = signal('');
  /** The host's token provider. */
  readonly tokenProvider = signal<AccessTokenProvider | null>(null);
  /** The element's shadow root, where overlays (dialogs, menus) are placed. */
  readonly overlayHost = signal<HTMLElement | null>(null);

  private emitter: (<K extends keyof HostEvents>(type: K, detail: HostEvents[K]) => void) | null = null;

  /** Connects the events to the element that dispatches them. */
  connectEvents(emitter: <K extends keyof HostEvents>(type: K, detail: HostEvents[K]) => void): void {
    this.emitter = emitter;
  }

  /** Sends an event to the host (dropped while no element is connected). */
  emit<K extends keyof HostEvents>(type: K, detail: HostEvents[K]): void {
    this.emitter?.(type, detail);
  }
}

/** Normalises a base path: a leading slash, no trailing slash (`/` becomes ''). */
export function normaliseBasePath(path: string | null | undefined): string {
  const trimmed = (path ?? '').trim().replace(/\/+$/, '');
  return trimmed === '' ? '' : trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

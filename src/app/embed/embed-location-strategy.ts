import { LocationChangeListener, LocationStrategy } from '@angular/common';
import { DOCUMENT, Injectable, inject } from '@angular/core';

import { EmbedContext } from './embed-context';

/**
 * Maps the element's routes to addresses below the host's base path, without the project (the
 * host chooses it): `/projects/p1/marketplace/services/s1` is shown as `<base>/services/s1` and
 * `/projects/p1/instances/i1` as `<base>/instances/i1`. Pages are pushed to the browser history,
 * so deep links, reload, back and forward work; addresses outside the base path belong to the
 * host and are ignored, so the host's router is left alone.
 */
@Injectable()
export class EmbedLocationStrategy extends LocationStrategy {
  private readonly context = inject(EmbedContext);
  private readonly window = inject(DOCUMENT).defaultView!;
  /** The last route shown, kept while the browser is at an address of the host. */
  private lastPath = '/';
  /** The last address the element itself put in the history. */
  private lastAddress = '';

  override path(): string {
    const { pathname, search, hash } = this.window.location;
    const route = routeOf(pathname, this.context.basePath(), this.context.projectId());
    if (route !== null) {
      this.lastPath = `${route}${search}${hash}`;
    }
    return this.lastPath;
  }

  override prepareExternalUrl(internal: string): string {
    return addressOf(internal, this.context.basePath(), this.context.projectId());
  }

  override getState(): unknown {
    return this.window.history.state;
  }

  override pushState(state: unknown, title: string, url: string, queryParams: string): void {
    this.lastAddress = this.prepareExternalUrl(url + normaliseQuery(queryParams));
    this.window.history.pushState(state, title, this.lastAddress);
  }

  override replaceState(state: unknown, title: string, url: string, queryParams: string): void {
    this.lastAddress = this.prepareExternalUrl(url + normaliseQuery(queryParams));
    this.window.history.replaceState(state, title, this.lastAddress);
  }

  override forward(): void {
    this.window.history.forward();
  }

  override back(): void {
    this.window.history.back();
  }

  override historyGo(relativePosition = 0): void {
    this.window.history.go(relativePosition);
  }

  /**
   * Reports back and forward below the base path, and addresses the host's router pushed there
   * (a link of the host to one of the element's pages), which browsers with the Navigation API
   * announce as a change of the current entry.
   */
  override onPopState(fn: LocationChangeListener): () => void {
    // Both events may announce one traversal: the address is reported once.
    const report = () => {
      const address = this.currentAddress();
      if (
        address !== this.lastAddress &&
        routeOf(this.window.location.pathname, this.context.basePath(), this.context.projectId()) !== null
      ) {
        this.lastAddress = address;
        fn({ type: 'popstate', state: this.window.history.state });
      }
    };
    const navigation = (this.window as { navigation?: EventTarget }).navigation;
    this.window.addEventListener('popstate', report);
    navigation?.addEventListener('currententrychange', report);
    return () => {
      this.window.removeEventListener('popstate', report);
      navigation?.removeEventListener('currententrychange', report);
    };
  }

  /** The browser's path, query and fragment. */
  private currentAddress(): string {
    const { pathname, search, hash } = this.window.location;
    return `${pathname}${search}${hash}`;
  }

  override getBaseHref(): string {
    return this.context.basePath() || '/';
  }
}

/** The route for a browser path below `basePath`, or `null` for paths of the host. */
export function routeOf(pathname: string, basePath: string, projectId: string | null): string | null {
  if (!projectId || !(pathname === basePath || pathname.startsWith(`${basePath}/`))) {
    return null;
  }
  const rest = pathname.slice(basePath.length).replace(/\/+$/, '');
  const project = `/projects/${encodeURIComponent(projectId)}`;
  return rest === '/instances' || rest.startsWith('/instances/')
    ? `${project}${rest}`
    : `${project}/marketplace${rest}`;
}

/** The browser address for a route (with query and fragment); the reverse of `routeOf`. */
export function addressOf(route: string, basePath: string, projectId: string | null): string {
  const project = projectId ? `/projects/${encodeURIComponent(projectId)}` : null;
  const [path, suffix] = splitSuffix(route);
  let rest = path;
  if (project && (path === project || path.startsWith(`${project}/`))) {
    rest = path.slice(project.length);
    if (rest === '/marketplace' || rest.startsWith('/marketplace/')) {
      rest = rest.slice('/marketplace'.length);
    }
  }
  return `${basePath}${rest || '/'}${suffix}`;
}

function splitSuffix(url: string): [string, string] {
  const index = url.search(/[?#]/);
  return index === -1 ? [url, ''] : [url.slice(0, index), url.slice(index)];
}

function normaliseQuery(query: string): string {
  return query && !query.startsWith('?') ? `?${query}` : query;
}

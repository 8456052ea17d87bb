import { HttpErrorResponse, HttpInterceptorFn, HttpResponse } from '@angular/common/http';
import { InjectionToken, inject } from '@angular/core';
import { tap } from 'rxjs';

import { EmbedContext, OperationFinishedDetail } from './embed-context';

/** What an API answer says about a resource's last operation. */
interface OperationView {
  id: string;
  name?: string;
  lastOperation: { type: string; state: string };
}

/**
 * Watches the API's answers for instances and bindings whose operation was running and has
 * ended (or whose deletion removed them), and reports each as an `osb-operation-finished` event.
 * The pages keep polling while an operation runs, so no extra requests are made.
 */
export class OperationWatcher {
  /** Running operations by resource URL. */
  private readonly running = new Map<string, { kind: OperationFinishedDetail['kind']; view: OperationView }>();

  /** Reads an API answer for `url`; returns the operations that ended since the last answers. */
  observe(url: string, body: unknown): OperationFinishedDetail[] {
    const collection = url.split(/[?#]/, 1)[0]!.replace(/\/+$/, '');
    const kind = /\/bindings(\/|$)/.test(collection) ? 'binding' : 'instance';
    if (!/\/service-instances(\/|$)/.test(collection)) {
      return [];
    }
    const finished: OperationFinishedDetail[] = [];
    const views = (Array.isArray(body) ? body : [body]).filter(isOperationView);
    const resourceUrls = new Set<string>();
    for (const view of views) {
      const resourceUrl = collection.endsWith(`/${view.id}`) ? collection : `${collection}/${view.id}`;
      resourceUrls.add(resourceUrl);
      const before = this.running.get(resourceUrl);
      if (view.lastOperation.state === 'in progress') {
        this.running.set(resourceUrl, { kind, view });
      } else if (before) {
        this.running.delete(resourceUrl);
        finished.push(detail(kind, view, view.lastOperation.state === 'failed' ? 'failed' : 'succeeded'));
      }
    }
    if (Array.isArray(body)) {
      // A running deletion that left the list has ended.
      for (const [resourceUrl, entry] of this.running) {
        if (
          resourceUrl.startsWith(`${collection}/`) &&
          !resourceUrl.slice(collection.length + 1).includes('/') &&
          !resourceUrls.has(resourceUrl)
        ) {
          this.gone(resourceUrl, entry, finished);
        }
      }
    }
    return finished;
  }

  /** Reads a 404 (or 410) for `url`: a running deletion of that resource has ended. */
  observeGone(url: string): OperationFinishedDetail[] {
    const resourceUrl = url.split(/[?#]/, 1)[0]!.replace(/\/+$/, '');
    const entry = this.running.get(resourceUrl);
    const finished: OperationFinishedDetail[] = [];
    if (entry) {
      this.gone(resourceUrl, entry, finished);
    }
    return finished;
  }

  private gone(
    resourceUrl: string,
    entry: { kind: OperationFinishedDetail['kind']; view: OperationView },
    into: OperationFinishedDetail[],
  ) {
    this.running.delete(resourceUrl);
    if (entry.view.lastOperation.type === 'delete' || entry.view.lastOperation.type === 'expire') {
      into.push(detail(entry.kind, entry.view, 'succeeded'));
    }
  }
}

function detail(
  kind: OperationFinishedDetail['kind'],
  view: OperationView,
  state: 'succeeded' | 'failed',
): OperationFinishedDetail {
  return { kind, id: view.id, ...(view.name ? { name: view.name } : {}), operation: view.lastOperation.type, state };
}

function isOperationView(value: unknown): value is OperationView {
  const view = value as Partial<OperationView> | null;
  return (
    typeof view?.id === 'string' &&
    typeof view.lastOperation?.type === 'string' &&
    typeof view.lastOperation.state === 'string'
  );
}

/** Reports ended operations seen in the API's answers to the host. */
export const operationEventsInterceptor: HttpInterceptorFn = (request, next) => {
  const context = inject(EmbedContext);
  const watcher = inject(OPERATION_WATCHER);
  const report = (finished: OperationFinishedDetail[]) =>
    finished.forEach((event) => context.emit('osb-operation-finished', event));
  return next(request).pipe(
    tap({
      next: (event) => {
        if (event instanceof HttpResponse) {
          report(watcher.observe(request.urlWithParams, event.body));
        }
      },
      error: (error: unknown) => {
        if (error instanceof HttpErrorResponse && (error.status === 404 || error.status === 410)) {
          report(watcher.observeGone(request.urlWithParams));
        }
      },
    }),
  );
};

/** The application's one watcher. */
const OPERATION_WATCHER = new InjectionToken<OperationWatcher>('OPERATION_WATCHER', {
  providedIn: 'root',
  factory: () => new OperationWatcher(),
});

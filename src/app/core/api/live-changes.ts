import { Injectable, Injector, inject } from '@angular/core';
import type { ResourceChangeEvent } from '@osb/api';
import { Observable, retry, share, timer } from 'rxjs';

import { Auth } from '../auth/auth';
import { UI_CONFIG } from '../config/ui-config';
import { apiUrl } from './api-url';

/** What the platform's change stream says: it is live, it broke, or something of the project changed. */
export type LiveChangeEvent = { type: 'open' } | { type: 'closed' } | ({ type: 'change' } & ResourceChangeEvent);

/** How long to wait before connecting again after the stream broke. */
const RECONNECT_DELAY_MS = 5000;

/**
 * The platform's stream of changes to a project's instances and bindings (Server-Sent Events,
 * read with `fetch` so that it carries the access token in a header, never in the URL). One
 * connection per project is shared by every subscriber; after it breaks, subscribers get
 * `closed` and it connects again a few seconds later.
 */
@Injectable({ providedIn: 'root' })
export class LiveChanges {
  private readonly injector = inject(Injector);
  private readonly streams = new Map<string, Observable<LiveChangeEvent>>();

  /** The project's change events, from `open` on. */
  changes(projectId: string): Observable<LiveChangeEvent> {
    let stream = this.streams.get(projectId);
    if (!stream) {
      stream = this.connect(projectId).pipe(
        retry({ delay: () => timer(RECONNECT_DELAY_MS) }),
        share({ resetOnRefCountZero: true }),
      );
      this.streams.set(projectId, stream);
    }
    return stream;
  }

  private connect(projectId: string): Observable<LiveChangeEvent> {
    return new Observable<LiveChangeEvent>((subscriber) => {
      const controller = new AbortController();
      const fail = (error: unknown) => {
        if (controller.signal.aborted) return;
        subscriber.next({ type: 'closed' });
        subscriber.error(error);
      };
      this.read(projectId, controller.signal, (event) => subscriber.next(event)).then(
        () => fail(new Error('The change stream ended')),
        fail,
      );
      return () => controller.abort();
    });
  }

  /** Reads the stream until it ends, passing on every event. */
  private async read(projectId: string, signal: AbortSignal, emit: (event: LiveChangeEvent) => void): Promise<void> {
    if (typeof fetch !== 'function' || typeof TextDecoder !== 'function') {
      throw new Error('Streaming is not available');
    }
    const config = this.injector.get(UI_CONFIG);
    const token = this.injector.get(Auth).accessToken();
    const response = await fetch(apiUrl(config.apiBaseUrl, 'projects', projectId, 'changes'), {
      headers: { Accept: 'text/event-stream', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      signal,
    });
    if (!response.ok || !response.body) {
      throw new Error(`The change stream answered ${response.status}`);
    }
    emit({ type: 'open' });
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        return;
      }
      buffer += decoder.decode(value, { stream: true });
      const blocks = buffer.split(/\r?\n\r?\n/);
      buffer = blocks.pop() ?? '';
      for (const block of blocks) {
        const event = parseChangeEvent(block);
        if (event) {
          emit(event);
        }
      }
    }
  }
}

/** One Server-Sent Events block as a change, or undefined for comments and other events. */
export function parseChangeEvent(block: string): LiveChangeEvent | undefined {
  const lines = block.split(/\r?\n/);
  const field = (name: string) =>
    lines
      .filter((line) => line.startsWith(`${name}:`))
      .map((line) => line.slice(name.length + 1).replace(/^ /, ''))
      .join('\n');
  if (field('event') !== 'change') {
    return undefined;
  }
  try {
    const data = JSON.parse(field('data')) as { [key in keyof ResourceChangeEvent]?: unknown };
    if ((data.kind !== 'instance' && data.kind !== 'binding') || typeof data.instanceId !== 'string') {
      return undefined;
    }
    return {
      type: 'change',
      kind: data.kind,
      instanceId: data.instanceId,
      ...(typeof data.bindingId === 'string' ? { bindingId: data.bindingId } : {}),
    };
  } catch {
    return undefined;
  }
}

import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import { vi } from 'vitest';

import { LiveChanges, type LiveChangeEvent } from './live-changes';
import type { ApiResource } from './api-types';
import { OPERATION_POLL_INTERVAL_MS, reloadWhileRunning } from './reload-while-running';

describe('reloading while an operation runs', () => {
  let stream: Subject<LiveChangeEvent>;
  let subscribedProjects: string[];

  /** A resource whose value says whether an operation runs; `reload` counts. */
  function fakeResource(running: boolean) {
    const value = signal({ running });
    const reload = vi.fn(() => true);
    const resource = {
      hasValue: () => true,
      value,
      isLoading: () => false,
      reload,
    } as unknown as ApiResource<{ running: boolean }>;
    return { resource, value, reload };
  }

  function start(running: boolean, projectId?: string) {
    const fake = fakeResource(running);
    TestBed.runInInjectionContext(() =>
      reloadWhileRunning(fake.resource, (value) => value!.running, projectId ? () => projectId : undefined),
    );
    TestBed.tick();
    return fake;
  }

  beforeEach(() => {
    vi.useFakeTimers();
    stream = new Subject<LiveChangeEvent>();
    subscribedProjects = [];
    TestBed.configureTestingModule({
      providers: [
        { provide: OPERATION_POLL_INTERVAL_MS, useValue: 1000 },
        {
          provide: LiveChanges,
          useValue: {
            changes: (projectId: string) => {
              subscribedProjects.push(projectId);
              return stream;
            },
          },
        },
      ],
    });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('polls every interval without a project', () => {
    const { reload } = start(true);
    vi.advanceTimersByTime(1000);
    expect(reload).toHaveBeenCalledTimes(1);
    expect(subscribedProjects).toEqual([]);
  });

  it('reads again on the project’s changes while the stream is live, and polls only rarely', () => {
    const { reload } = start(true, 'payments');
    expect(subscribedProjects).toEqual(['payments']);
    stream.next({ type: 'open' });
    TestBed.tick();
    vi.advanceTimersByTime(5000);
    expect(reload).not.toHaveBeenCalled();

    stream.next({ type: 'change', kind: 'instance', instanceId: 'i-1' });
    stream.next({ type: 'change', kind: 'binding', instanceId: 'i-1', bindingId: 'b-1' });
    vi.advanceTimersByTime(300);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('falls back to polling every interval when the stream breaks', () => {
    const { reload } = start(true, 'payments');
    stream.next({ type: 'open' });
    TestBed.tick();
    stream.next({ type: 'closed' });
    TestBed.tick();
    vi.advanceTimersByTime(1000);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('neither listens nor polls when nothing runs', () => {
    const { reload } = start(false, 'payments');
    vi.advanceTimersByTime(60_000);
    expect(reload).not.toHaveBeenCalled();
    expect(subscribedProjects).toEqual([]);
  });
});

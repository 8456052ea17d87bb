import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import type { MeResponse } from '@osb/api';
import { testUiConfig } from '@testing/ui-config-fixture';
import { UI_CONFIG } from '../config/ui-config';
import { CurrentUser } from './current-user';

describe('CurrentUser', () => {
  const me = {
    user: { id: 'alice', displayName: 'Alice Adams', email: 'alice@example.com' },
    projects: [{ id: 'p1', displayName: 'Project one', workspaceId: 'w1' }],
  } as unknown as MeResponse;
  /** The API's address, which the embedded element may change while it runs. */
  let apiBaseUrl: string;

  beforeEach(() => {
    apiBaseUrl = '/api';
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: UI_CONFIG,
          useValue: {
            ...testUiConfig,
            get apiBaseUrl() {
              return apiBaseUrl;
            },
          },
        },
      ],
    });
  });

  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('loads /me once from the API where it is now, and shares the answer', async () => {
    const user = TestBed.inject(CurrentUser);
    apiBaseUrl = 'https://platform.example/api/';
    const first = user.load();
    const second = user.load();
    TestBed.inject(HttpTestingController).expectOne('https://platform.example/api/me').flush(me);

    await expect(first).resolves.toEqual(me);
    await expect(second).resolves.toEqual(me);
    expect(user.user()?.displayName).toBe('Alice Adams');
    expect(user.project('p1')?.displayName).toBe('Project one');
    expect(user.project('p2')).toBeUndefined();
  });

  it('says why loading failed, and loads again when asked', async () => {
    const user = TestBed.inject(CurrentUser);
    const backend = TestBed.inject(HttpTestingController);
    const failed = user.load();
    backend.expectOne('/api/me').flush(null, { status: 503, statusText: 'Service Unavailable' });
    await expect(failed).rejects.toBeTruthy();
    expect(user.error()).toBeTruthy();
    expect(user.projects()).toEqual([]);

    const retried = user.load();
    backend.expectOne('/api/me').flush(me);
    await expect(retried).resolves.toEqual(me);
    expect(user.error()).toBeNull();
    expect(user.projects()).toHaveLength(1);
  });
});

import { Component } from '@angular/core';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { NEVER } from 'rxjs';

import type { ActivityPage } from '@osb/api';
import { LiveChanges } from '@app/core/api/live-changes';
import { testCatalog } from '@testing/catalog-fixtures';
import { providePlatformApiTesting } from '@testing/test-providers';
import { ActivityTimeline } from './activity-timeline';

@Component({
  imports: [ActivityTimeline],
  template: `<mp-activity-timeline projectId="p1" instanceId="i-1" />`,
})
class Host {}

describe('ActivityTimeline', () => {
  let http: HttpTestingController;

  const page: ActivityPage = {
    entries: [
      {
        id: '2',
        at: new Date(Date.now() - 5 * 60_000).toISOString(),
        kind: 'deprovisioned',
        outcome: 'failed',
        actor: { id: 'alice', displayName: 'Alice Adams' },
        instanceId: 'i-1',
        instanceName: 'orders-db',
        details: { failureReason: 'broker-error', brokerMessage: 'Backups running' },
      },
      {
        id: '1',
        at: new Date(Date.now() - 10 * 60_000).toISOString(),
        kind: 'ordered',
        outcome: 'succeeded',
        actor: { id: 'alice', displayName: 'Alice Adams' },
        instanceId: 'i-1',
        instanceName: 'orders-db',
        details: { serviceId: 'postgres', planId: 'plan-small' },
      },
    ],
    total: 2,
  };

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [...providePlatformApiTesting(), { provide: LiveChanges, useValue: { changes: () => NEVER } }],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('asks for the instance’s activity and shows each entry in words, newest first, with failures explained', async () => {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    await new Promise((resolve) => setTimeout(resolve));
    http.match('/api/catalog').forEach((request) => request.flush(testCatalog()));
    const request = http.expectOne((candidate) => candidate.url === '/api/projects/p1/activity');
    expect(request.request.params.get('instanceId')).toBe('i-1');
    expect(request.request.params.get('limit')).toBe('50');
    expect(request.request.params.has('kind')).toBe(false);
    request.flush(page);
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    const items = [...(fixture.nativeElement as HTMLElement).querySelectorAll('li')];
    expect(items.map((item) => item.querySelector('.mp-activity-timeline__sentence')?.textContent)).toEqual([
      'Alice Adams deprovisioned “orders-db”',
      'Alice Adams ordered “orders-db” (PostgreSQL, Small)',
    ]);
    expect(items[0].textContent).toContain('Failed');
    expect(items[0].textContent).toContain('The service broker says: “Backups running”');
    expect(items[0].textContent).toContain('5 minutes ago');
  });
});

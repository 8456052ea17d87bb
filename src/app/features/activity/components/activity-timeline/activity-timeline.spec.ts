import { Component } from '@angular/core';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatSelectHarness } from '@angular/material/select/testing';
import { NEVER, Subject, type Observable } from 'rxjs';

import type { ActivityPage } from '@osb/api';
import { LiveChanges, type LiveChangeEvent } from '@app/core/api/live-changes';
import { testActivityEntry } from '@testing/activity-fixtures';
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
      testActivityEntry({
        id: '2',
        at: new Date(Date.now() - 5 * 60_000).toISOString(),
        kind: 'deprovisioned',
        outcome: 'failed',
        instanceName: 'orders-db',
        details: { failureReason: 'broker-error', brokerMessage: 'Backups running' },
      }),
      testActivityEntry({ at: new Date(Date.now() - 10 * 60_000).toISOString(), instanceName: 'orders-db' }),
    ],
    total: 2,
  };

  /** The platform's change stream as the timeline sees it (none unless a test sets one). */
  let liveChanges: Observable<LiveChangeEvent>;

  beforeEach(() => {
    liveChanges = NEVER;
    TestBed.configureTestingModule({
      providers: [...providePlatformApiTesting(), { provide: LiveChanges, useValue: { changes: () => liveChanges } }],
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

  it('reads the activity again after a change that came while it was being read', async () => {
    const changes = new Subject<LiveChangeEvent>();
    liveChanges = changes;
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    await new Promise((resolve) => setTimeout(resolve));
    http.match('/api/catalog').forEach((request) => request.flush(testCatalog()));
    const isActivity = (candidate: { url: string }) => candidate.url === '/api/projects/p1/activity';
    const first = http.expectOne(isActivity);
    // The change (an entry written) comes while the first read is on its way, which may lack the entry.
    changes.next({ type: 'change', kind: 'instance', instanceId: 'i-1' });
    await new Promise((resolve) => setTimeout(resolve, 350));
    first.flush({ entries: [], total: 0 });
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne(isActivity).flush(page);
  });

  it(
    'asks again for the first page of entries with the kind or outcome picked in its filter',
    { timeout: 30_000 },
    async () => {
      const fixture = TestBed.createComponent(Host);
      fixture.detectChanges();
      await new Promise((resolve) => setTimeout(resolve));
      http.match('/api/catalog').forEach((request) => request.flush(testCatalog()));
      // Harness actions wait for pending requests: answer the timeline's as they come, noting their filters.
      const asked: { kind: string | null; outcome: string | null; offset: string | null }[] = [];
      const answering = setInterval(() => {
        for (const request of http.match((candidate) => candidate.url === '/api/projects/p1/activity')) {
          const { params } = request.request;
          asked.push({ kind: params.get('kind'), outcome: params.get('outcome'), offset: params.get('offset') });
          request.flush(page);
        }
      }, 5);
      try {
        const loader = TestbedHarnessEnvironment.loader(fixture);
        const outcome = await loader.getHarness(
          MatSelectHarness.with({ selector: '[data-testid="activity-outcome-filter"]' }),
        );
        await outcome.open();
        expect(await Promise.all((await outcome.getOptions()).map((option) => option.getText()))).toEqual([
          'All',
          'Started',
          'Succeeded',
          'Failed',
        ]);
        await outcome.clickOptions({ text: 'Failed' });
        const kind = await loader.getHarness(
          MatSelectHarness.with({ selector: '[data-testid="activity-kind-filter"]' }),
        );
        await kind.open();
        await kind.clickOptions({ text: 'Deprovisioned' });
        await fixture.whenStable();
      } finally {
        clearInterval(answering);
      }
      expect(asked).toEqual([
        { kind: null, outcome: null, offset: '0' },
        { kind: null, outcome: 'failed', offset: '0' },
        { kind: 'deprovisioned', outcome: 'failed', offset: '0' },
      ]);
    },
  );
});

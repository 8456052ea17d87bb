import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import type { ServiceInstance } from '@osb/api';
import { testInstance } from '@testing/instance-fixtures';
import { providePlatformApiTesting } from '@testing/test-providers';
import { InstanceUpgrades } from './instance-upgrades';

const INSTANCES_URL = '/api/projects/p1/service-instances';

describe('InstanceUpgrades', () => {
  let http: HttpTestingController;

  const offered = { version: '7.4.0', description: 'Redis 7.4' };
  const own = testInstance({ id: 'i-own', name: 'cache', upgradeAvailable: offered });
  const other = testInstance({ id: 'i-other', name: 'sessions', upgradeAvailable: offered });
  const shared = testInstance({
    id: 'i-shared',
    name: 'shared-cache',
    upgradeAvailable: offered,
    sharedFrom: { projectId: 'p2', displayName: 'Payments' },
  });
  const current = testInstance({ id: 'i-current', name: 'up-to-date' });

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), ...providePlatformApiTesting()] });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render(instances: ServiceInstance[]) {
    const fixture = TestBed.createComponent(InstanceUpgrades);
    fixture.componentRef.setInput('projectId', 'p1');
    fixture.componentRef.setInput('instances', instances);
    let started = 0;
    fixture.componentInstance.started.subscribe(() => started++);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const button = (text: string) =>
      [...element.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim().startsWith(text));
    return { fixture, element, button, started: () => started };
  }

  it('shows nothing when no listed instance has an upgrade', async () => {
    const { element } = await render([current]);
    expect(element.textContent?.trim()).toBe('');
  });

  it('lists the upgradable instances and upgrades the chosen ones, never a shared one', async () => {
    const { fixture, element, button, started } = await render([own, other, shared, current]);
    expect(element.textContent).toContain('3 instances have an upgrade available');
    button('Show them')!.click();
    await fixture.whenStable();

    const boxes = [...element.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(boxes.map((box) => box.disabled)).toEqual([false, false, true]);
    expect(element.textContent).toContain('Shared by Payments: only that project can upgrade it.');

    button('Choose all')!.click();
    await fixture.whenStable();
    expect(button('Upgrade chosen')!.textContent).toContain('(2)');
    button('Upgrade chosen')!.click();
    await fixture.whenStable();

    http.expectOne({ method: 'POST', url: `${INSTANCES_URL}/i-own/upgrade` }).flush(own);
    http
      .expectOne({ method: 'POST', url: `${INSTANCES_URL}/i-other/upgrade` })
      .flush(
        { code: 'instanceBusy', params: { operation: 'update' }, message: 'busy' },
        { status: 409, statusText: 'Conflict' },
      );
    await fixture.whenStable();

    expect(started()).toBe(1);
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('“sessions” was not upgraded');
    expect(element.textContent).toContain('Upgrades started: 1 of 2.');
  });
});

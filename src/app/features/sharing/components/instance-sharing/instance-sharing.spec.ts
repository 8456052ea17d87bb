import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { testService } from '@testing/catalog-fixtures';
import { testInstance } from '@testing/instance-fixtures';
import { providePlatformApiTesting } from '@testing/test-providers';
import { InstanceSharing } from './instance-sharing';

const SHARES_URL = '/api/projects/p1/service-instances/i1/shares';

@Component({
  imports: [InstanceSharing],
  template: `<mp-instance-sharing projectId="p1" [instance]="instance" [service]="service" />`,
})
class Host {
  readonly instance = testInstance({ id: 'i1' });
  readonly service = testService({ shareable: true });
}

describe('InstanceSharing', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [...providePlatformApiTesting()] });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  /** Renders, lets the resource take its answer, and renders again. */
  async function settle(fixture: { detectChanges(): void }): Promise<void> {
    fixture.detectChanges();
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
  }

  it('says why the shares could not be loaded, and loads them again on “Try again”', async () => {
    const fixture = TestBed.createComponent(Host);
    await settle(fixture);
    http.expectOne(SHARES_URL).flush({ message: 'The store is down.' }, { status: 503, statusText: 'Unavailable' });
    await settle(fixture);
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('[role="alert"]')?.textContent).toBe('The shares could not be loaded.');
    expect(element.textContent).toContain('The store is down.');

    [...element.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Try again')!.click();
    await settle(fixture);
    http.expectOne(SHARES_URL).flush([]);
    await settle(fixture);
    expect(element.querySelector('[role="alert"]')).toBeNull();
    expect(element.textContent).not.toContain('The store is down.');
  });
});

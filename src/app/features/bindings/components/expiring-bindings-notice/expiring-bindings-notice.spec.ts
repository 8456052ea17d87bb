import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { provideRouter } from '@angular/router';

import type { ExpiringServiceBindings } from '@osb/api';
import { testBinding } from '@testing/binding-fixtures';
import { providePlatformApiTesting } from '@testing/test-providers';
import { ExpiringBindingsNotice } from './expiring-bindings-notice';

const EXPIRING_URL = '/api/projects/p1/expiring-bindings';

/** A binding as the notice reads it: only its expiry matters. */
function binding(id: string, expiresSoon: boolean, expiredAt?: string): ExpiringServiceBindings[number] {
  return {
    ...testBinding({ id, name: `key-${id}`, instanceId: `i-${id}`, expiresSoon, ...(expiredAt ? { expiredAt } : {}) }),
    instanceName: `db-${id}`,
  };
}

describe('ExpiringBindingsNotice', () => {
  let fixture: ComponentFixture<ExpiringBindingsNotice>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [...providePlatformApiTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ExpiringBindingsNotice);
    fixture.componentRef.setInput('projectId', 'p1');
  });

  afterEach(() => http.verify());

  function text(): string {
    return (fixture.nativeElement as HTMLElement).textContent?.trim() ?? '';
  }

  it('asks the project’s expiring bindings in one request however many instances there are', () => {
    fixture.componentRef.setInput('instanceIds', ['i1', 'i2', 'i3']);
    fixture.detectChanges();
    http
      .expectOne(EXPIRING_URL)
      .flush([
        binding('b1', true),
        binding('b2', true),
        binding('b3', false),
        binding('b4', true, '2026-01-01T00:00:00Z'),
      ]);
    fixture.detectChanges();
    expect(text()).toContain('2 bindings expire soon:');
    const links = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('a'));
    expect(links.map((link) => [link.textContent?.trim(), link.getAttribute('href')])).toEqual([
      ['key-b1', '/projects/p1/instances/i-b1#binding-b1'],
      ['key-b2', '/projects/p1/instances/i-b2#binding-b2'],
    ]);
    expect(text()).toContain('on db-b1');
    const items = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('li'));
    expect(items[0].textContent?.trim()).toMatch(/^key-b1 on db-b1 \(/);
  });

  it('asks nothing while no listed instance has expiring bindings, and shows nothing', () => {
    fixture.componentRef.setInput('instanceIds', []);
    fixture.detectChanges();
    http.expectNone(EXPIRING_URL);
    expect(text()).toBe('');
  });

  it('shows nothing when the bindings cannot be read', () => {
    fixture.componentRef.setInput('instanceIds', ['i1']);
    fixture.detectChanges();
    http.expectOne(EXPIRING_URL).flush({ message: 'down' }, { status: 503, statusText: 'Service Unavailable' });
    fixture.detectChanges();
    expect(text()).toBe('');
  });
});

import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { provideAppIcons } from '../icons/app-icons';
import { LoadStatus } from './load-status';

@Component({
  imports: [LoadStatus],
  template: `<mp-load-status
    [loading]="loading()"
    loadingLabel="Loading the catalog"
    [error]="error()"
    errorTitle="The catalog could not be loaded."
    (retry)="retries.set(retries() + 1)"
  />`,
})
class Host {
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  readonly retries = signal(0);
}

describe('LoadStatus', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideAppIcons()] });
  });

  function render(loading: boolean, error: string | null) {
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.loading.set(loading);
    fixture.componentInstance.error.set(error);
    fixture.detectChanges();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it('shows a labelled progress bar while loading, and nothing else', () => {
    const { element } = render(true, null);
    const bar = element.querySelector('mat-progress-bar');
    expect(bar?.getAttribute('aria-label')).toBe('Loading the catalog');
    expect(element.querySelector('[role="alert"]')).toBeNull();
    expect(element.querySelector('button')).toBeNull();
  });

  it('shows nothing once loaded', () => {
    const { element } = render(false, null);
    expect(element.textContent?.trim()).toBe('');
  });

  it('announces what failed and why, and offers to try again', () => {
    const { fixture, element } = render(false, 'Bad gateway');
    expect(element.querySelector('mat-progress-bar')).toBeNull();
    expect(element.querySelector('[role="alert"]')?.textContent).toBe('The catalog could not be loaded.');
    expect(element.textContent).toContain('Bad gateway');
    const button = element.querySelector<HTMLButtonElement>('button');
    expect(button?.textContent?.trim()).toBe('Try again');
    button?.click();
    button?.click();
    expect(fixture.componentInstance.retries()).toBe(2);
  });
});

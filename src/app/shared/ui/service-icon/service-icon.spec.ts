import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { IMAGE_HOSTS } from '../safe-url/image-hosts';
import { ServiceIcon } from './service-icon';

@Component({
  imports: [ServiceIcon],
  template: `<mp-service-icon [imageUrl]="imageUrl()" name="élan database" />`,
})
class Host {
  readonly imageUrl = signal<string | undefined>(undefined);
}

describe('ServiceIcon', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [{ provide: IMAGE_HOSTS, useValue: ['cdn.example.com'] }] });
  });

  function render(imageUrl: string | undefined): HTMLElement {
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.imageUrl.set(imageUrl);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows a safe image without alternative text (the name is shown beside it)', () => {
    const img = render('https://cdn.example.com/db.png').querySelector('img');
    expect(img?.getAttribute('src')).toBe('https://cdn.example.com/db.png');
    expect(img?.getAttribute('alt')).toBe('');
  });

  it('shows the initial without an image or with an unsafe URL', () => {
    expect(render(undefined).textContent?.trim()).toBe('É');
    const unsafe = render('javascript:alert(1)');
    expect(unsafe.querySelector('img')).toBeNull();
    expect(unsafe.textContent?.trim()).toBe('É');
  });

  it('shows the initial for an image on a host that is not allowed, and keeps data images', () => {
    const tracked = render('https://tracker.example.org/db.png?user=1');
    expect(tracked.querySelector('img')).toBeNull();
    expect(tracked.textContent?.trim()).toBe('É');
    const inline = 'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=';
    expect(render(inline).querySelector('img')?.getAttribute('src')).toBe(inline);
  });

  it('falls back to the initial when the image fails to load', () => {
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.imageUrl.set('https://cdn.example.com/missing.png');
    fixture.detectChanges();
    fixture.nativeElement.querySelector('img').dispatchEvent(new Event('error'));
    fixture.detectChanges();

    expect(fixture.nativeElement.querySelector('img')).toBeNull();
    expect(fixture.nativeElement.textContent.trim()).toBe('É');
  });
});

import { Component, EnvironmentInjector, runInInjectionContext } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatIconRegistry } from '@angular/material/icon';
import { firstValueFrom } from 'rxjs';

import { AppIconsLoader, withAppIcons } from './app-icons-loader';

@Component({ selector: 'mp-test-page', template: '' })
class TestPage {}

describe('AppIconsLoader', () => {
  it('registers the app icons with Material once, and says when they are there', async () => {
    const loader = TestBed.inject(AppIconsLoader);
    const registry = TestBed.inject(MatIconRegistry);
    await expect(firstValueFrom(registry.getNamedSvgIcon('store'))).rejects.toThrow();
    expect(loader.loaded()).toBe(false);

    const first = loader.load();
    expect(loader.load()).toBe(first);
    await first;

    expect(loader.loaded()).toBe(true);
    const icon = await firstValueFrom(registry.getNamedSvgIcon('store'));
    expect(icon.querySelector('path')?.getAttribute('d')).toMatch(/^M20 4H4v2h16V4z/);
    expect((await firstValueFrom(registry.getNamedSvgIcon('warning'))).tagName.toLowerCase()).toBe('svg');
  });

  it('loads a page together with the icons its template shows', async () => {
    const load = withAppIcons(() => Promise.resolve(TestPage));
    const injector = TestBed.inject(EnvironmentInjector);

    const page = await runInInjectionContext(injector, load);

    expect(page).toBe(TestPage);
    expect(TestBed.inject(AppIconsLoader).loaded()).toBe(true);
    await expect(firstValueFrom(TestBed.inject(MatIconRegistry).getNamedSvgIcon('logout'))).resolves.toBeTruthy();
  });
});

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { UI_CONFIG } from '../config/ui-config';
import { testCatalog } from '@testing/catalog-fixtures';
import { testUiConfig } from '@testing/ui-config-fixture';
import { CatalogStore } from './catalog-store';

describe('CatalogStore', () => {
  let store: CatalogStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: UI_CONFIG, useValue: testUiConfig }],
    });
    store = TestBed.inject(CatalogStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('loads the listing once and revalidates it with its ETag, keeping it on 304', () => {
    store.reload();
    expect(store.isLoading()).toBe(true);
    const first = http.expectOne('/api/catalog');
    expect(first.request.headers.has('If-None-Match')).toBe(false);
    first.flush(testCatalog(), { headers: { ETag: 'W/"v1"' } });
    expect(store.hasValue()).toBe(true);
    const listing = store.value();

    store.reload();
    expect(store.isLoading()).toBe(false);
    const again = http.expectOne('/api/catalog');
    expect(again.request.headers.get('If-None-Match')).toBe('W/"v1"');
    again.flush(null, { status: 304, statusText: 'Not Modified' });
    expect(store.value()).toBe(listing);
    expect(store.error()).toBeUndefined();
  });

  it('joins a request under way instead of sending another', () => {
    store.reload();
    store.reload();
    http.expectOne('/api/catalog').flush(testCatalog());
  });

  it('takes a changed listing with its new ETag', () => {
    store.reload();
    http.expectOne('/api/catalog').flush(testCatalog(), { headers: { ETag: 'W/"v1"' } });
    store.reload();
    http.expectOne('/api/catalog').flush({ ...testCatalog(), services: [] }, { headers: { ETag: 'W/"v2"' } });
    expect(store.value()?.services).toEqual([]);
    store.reload();
    expect(http.expectOne('/api/catalog').request.headers.get('If-None-Match')).toBe('W/"v2"');
  });

  it('reports a failed first load, but keeps a held listing when revalidation fails', () => {
    store.reload();
    http.expectOne('/api/catalog').flush({ message: 'Down' }, { status: 503, statusText: 'Unavailable' });
    expect(store.hasValue()).toBe(false);
    expect(store.error()).toBeDefined();

    store.reload();
    http.expectOne('/api/catalog').flush(testCatalog(), { headers: { ETag: 'W/"v1"' } });
    store.reload();
    http.expectOne('/api/catalog').flush({ message: 'Down' }, { status: 503, statusText: 'Unavailable' });
    expect(store.hasValue()).toBe(true);
    expect(store.error()).toBeUndefined();
  });
});

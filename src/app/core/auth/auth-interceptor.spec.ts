import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { testUiConfig } from '@testing/ui-config-fixture';
import { UI_CONFIG } from '../config/ui-config';
import { AccessTokenSource } from './access-token-source';
import { Auth } from './auth';
import { authInterceptor } from './auth-interceptor';
import { OidcTokenSource } from './oidc-token-source';

/** Lets the interceptor's promise of a token settle, so the request reaches the backend. */
const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  const source = {
    token: vi.fn(async () => 'access-token' as string | null),
    renewedToken: vi.fn(async () => null as string | null),
    refused: vi.fn(),
    accepted: vi.fn(),
  };

  beforeEach(() => {
    vi.clearAllMocks();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        { provide: UI_CONFIG, useValue: testUiConfig },
        { provide: AccessTokenSource, useValue: source },
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('sends the access token to the platform API', async () => {
    http.get('/api/me').subscribe();
    await settle();
    const request = backend.expectOne('/api/me');
    expect(request.request.headers.get('Authorization')).toBe('Bearer access-token');
    request.flush({});
    expect(source.accepted).toHaveBeenCalled();
  });

  it('never sends it anywhere else', () => {
    http.get('https://broker.example.com/api/me').subscribe();
    http.get('/apiary').subscribe();
    http.get('/config.json').subscribe();
    for (const url of ['https://broker.example.com/api/me', '/apiary', '/config.json']) {
      const request = backend.expectOne(url);
      expect(request.request.headers.has('Authorization')).toBe(false);
      request.flush({});
    }
    expect(source.token).not.toHaveBeenCalled();
  });

  it('tells the source when the API answers 401 and there is no renewed token', async () => {
    const failed = vi.fn();
    http.get('/api/catalog').subscribe({ error: failed });
    await settle();
    backend.expectOne('/api/catalog').flush({ message: 'Token expired' }, { status: 401, statusText: 'Unauthorized' });
    await settle();
    expect(source.refused).toHaveBeenCalledTimes(1);
    expect(failed).toHaveBeenCalled();
  });

  it('repeats the request once with a renewed token', async () => {
    source.renewedToken.mockResolvedValue('renewed-token');
    const answered = vi.fn();
    http.get('/api/catalog').subscribe(answered);
    await settle();
    backend.expectOne('/api/catalog').flush({}, { status: 401, statusText: 'Unauthorized' });
    await settle();
    const retry = backend.expectOne('/api/catalog');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer renewed-token');
    retry.flush({ services: [] });
    expect(answered).toHaveBeenCalledWith({ services: [] });
    expect(source.refused).not.toHaveBeenCalled();
  });

  it('gives up after the renewed token is refused too', async () => {
    source.renewedToken.mockResolvedValue('renewed-token');
    http.get('/api/catalog').subscribe({ error: () => undefined });
    await settle();
    backend.expectOne('/api/catalog').flush({}, { status: 401, statusText: 'Unauthorized' });
    await settle();
    backend.expectOne('/api/catalog').flush({}, { status: 401, statusText: 'Unauthorized' });
    await settle();
    expect(source.renewedToken).toHaveBeenCalledTimes(1);
    expect(source.refused).toHaveBeenCalledTimes(1);
  });

  it('leaves other errors to the caller', async () => {
    http.get('/api/catalog').subscribe({ error: () => undefined });
    await settle();
    backend.expectOne('/api/catalog').flush({ message: 'Down' }, { status: 503, statusText: 'Unavailable' });
    await settle();
    expect(source.renewedToken).not.toHaveBeenCalled();
    expect(source.refused).not.toHaveBeenCalled();
  });
});

describe('OidcTokenSource', () => {
  const auth = {
    accessToken: vi.fn(() => 'access-token'),
    signInAfterRejectedToken: vi.fn(),
    confirmTokenAccepted: vi.fn(),
  };

  beforeEach(() => {
    vi.clearAllMocks();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), OidcTokenSource, { provide: Auth, useValue: auth }],
    });
  });

  it("hands out the sign-in's token and signs in again when the API refuses it", async () => {
    const source = TestBed.inject(OidcTokenSource);
    expect(await source.token()).toBe('access-token');
    expect(await source.renewedToken()).toBeNull();
    source.refused();
    expect(auth.signInAfterRejectedToken).toHaveBeenCalledWith('/');
    source.accepted();
    expect(auth.confirmTokenAccepted).toHaveBeenCalled();
  });
});

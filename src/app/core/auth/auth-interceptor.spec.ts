import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { testUiConfig } from '../../../testing/ui-config-fixture';
import { UI_CONFIG } from '../config/ui-config';
import { Auth } from './auth';
import { authInterceptor } from './auth-interceptor';

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  const auth = {
    accessToken: vi.fn(() => 'access-token'),
    signInAfterRejectedToken: vi.fn(),
    confirmTokenAccepted: vi.fn(),
  };

  beforeEach(() => {
    vi.clearAllMocks();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        { provide: UI_CONFIG, useValue: testUiConfig },
        { provide: Auth, useValue: auth },
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('sends the access token to the platform API', () => {
    http.get('/api/me').subscribe();
    const request = backend.expectOne('/api/me');
    expect(request.request.headers.get('Authorization')).toBe('Bearer access-token');
    request.flush({});
    expect(auth.confirmTokenAccepted).toHaveBeenCalled();
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
  });

  it('signs in again when the API answers 401', () => {
    http.get('/api/catalog').subscribe({ error: () => undefined });
    backend.expectOne('/api/catalog').flush({ message: 'Token expired' }, { status: 401, statusText: 'Unauthorized' });
    expect(auth.signInAfterRejectedToken).toHaveBeenCalledWith('/');
  });

  it('leaves other errors to the caller', () => {
    http.get('/api/catalog').subscribe({ error: () => undefined });
    backend.expectOne('/api/catalog').flush({ message: 'Down' }, { status: 503, statusText: 'Unavailable' });
    expect(auth.signInAfterRejectedToken).not.toHaveBeenCalled();
  });
});

import { apiUrl, isApiUrl } from './api-url';

describe('isApiUrl', () => {
  const base = 'http://localhost:8080/';

  it('matches requests below a relative API base URL', () => {
    expect(isApiUrl('/api/me', '/api', base)).toBe(true);
    expect(isApiUrl('http://localhost:8080/api/catalog', '/api', base)).toBe(true);
    expect(isApiUrl('/api', '/api/', base)).toBe(true);
  });

  it('rejects other paths and other origins', () => {
    expect(isApiUrl('/apix/me', '/api', base)).toBe(false);
    expect(isApiUrl('/oidc/token', '/api', base)).toBe(false);
    expect(isApiUrl('https://evil.example/api/me', '/api', base)).toBe(false);
    expect(isApiUrl('//evil.example/api/me', '/api', base)).toBe(false);
  });

  it('matches an absolute API base URL on another host', () => {
    expect(isApiUrl('https://api.example.com/v1/me', 'https://api.example.com/v1', base)).toBe(true);
    expect(isApiUrl('http://api.example.com/v1/me', 'https://api.example.com/v1', base)).toBe(false);
  });
});

describe('apiUrl', () => {
  it('joins and encodes path segments', () => {
    expect(apiUrl('/api/', 'catalog', 'services', 'a b/c')).toBe('/api/catalog/services/a%20b%2Fc');
  });
});

import { TransientAuthStorage } from './auth-storage';

describe('TransientAuthStorage', () => {
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });

  it('keeps tokens out of web storage', () => {
    const storage = new TransientAuthStorage();
    storage.setItem('access_token', 'secret-token');
    storage.setItem('id_token', 'secret-id-token');

    expect(storage.getItem('access_token')).toBe('secret-token');
    expect(sessionStorage.length).toBe(0);
    expect(localStorage.length).toBe(0);
  });

  it('keeps the nonce and PKCE verifier in session storage for the redirect', () => {
    const storage = new TransientAuthStorage();
    storage.setItem('nonce', 'n-1');
    storage.setItem('PKCE_verifier', 'v-1');

    const afterReload = new TransientAuthStorage();
    expect(afterReload.getItem('nonce')).toBe('n-1');
    expect(afterReload.getItem('PKCE_verifier')).toBe('v-1');

    afterReload.removeItem('nonce');
    expect(sessionStorage.getItem('nonce')).toBeNull();
  });

  it('forgets tokens in a new instance, as after a reload', () => {
    new TransientAuthStorage().setItem('access_token', 'secret-token');
    expect(new TransientAuthStorage().getItem('access_token')).toBeNull();
  });
});

import { decodeTargetUrl } from './auth';

describe('decodeTargetUrl', () => {
  it('decodes the local URL carried in the OAuth state', () => {
    expect(decodeTargetUrl(encodeURIComponent('/projects/p1/marketplace?search=sql&tags=a'))).toBe(
      '/projects/p1/marketplace?search=sql&tags=a',
    );
  });

  it('ignores missing, malformed and non-local targets', () => {
    expect(decodeTargetUrl(undefined)).toBeNull();
    expect(decodeTargetUrl('')).toBeNull();
    expect(decodeTargetUrl('%E0%A4%A')).toBeNull();
    expect(decodeTargetUrl(encodeURIComponent('https://evil.example/'))).toBeNull();
    expect(decodeTargetUrl(encodeURIComponent('//evil.example/'))).toBeNull();
    expect(decodeTargetUrl(encodeURIComponent('/\\evil.example/'))).toBeNull();
  });
});

import { spyOnDownloads } from './testing/download-spy';
import { downloadTextFile } from '@app/shared/ui/download/download-text-file';
import { credentialFields, credentialsDotEnv, credentialsJson, safeFileName } from './credential-export';

describe('credential export', () => {
  const credentials = {
    api_url: 'https://api.dns.demo.example/v1',
    api_token: 'a"b$c`d\\e',
    name_servers: ['ns1', 'ns2'],
    port: 5432,
  };

  it('gives every field as text, non-strings as JSON', () => {
    expect(credentialFields(credentials)).toEqual([
      { key: 'api_url', value: 'https://api.dns.demo.example/v1' },
      { key: 'api_token', value: 'a"b$c`d\\e' },
      { key: 'name_servers', value: '["ns1","ns2"]' },
      { key: 'port', value: '5432' },
    ]);
  });

  it('writes the credentials as JSON that reads back the same', () => {
    expect(JSON.parse(credentialsJson(credentials))).toEqual(credentials);
  });

  it('writes a .env file with safe names and quoted, escaped values', () => {
    expect(credentialsDotEnv(credentials)).toBe(
      [
        'API_URL="https://api.dns.demo.example/v1"',
        'API_TOKEN="a\\"b\\$c\\`d\\\\e"',
        'NAME_SERVERS="[\\"ns1\\",\\"ns2\\"]"',
        'PORT="5432"',
        '',
      ].join('\n'),
    );
  });

  it('keeps a value with line breaks on one line so it cannot start another variable', () => {
    const dotEnv = credentialsDotEnv({ 'cert-pem': 'line1\nEVIL=1\r\n', '1st key': 'x', CERT_PEM: 'y', '!!': 'z' });
    expect(dotEnv.split('\n')).toEqual([
      'CERT_PEM="line1\\nEVIL=1\\r\\n"',
      '_1ST_KEY="x"',
      'CERT_PEM_2="y"',
      'CREDENTIAL="z"',
      '',
    ]);
  });

  it('writes nothing for empty credentials', () => {
    expect(credentialsDotEnv({})).toBe('');
    expect(credentialsJson({})).toBe('{}\n');
  });

  it('makes safe file names', () => {
    expect(safeFileName('../etc/passwd')).toBe('etc-passwd');
    expect(safeFileName('my app key')).toBe('my-app-key');
    expect(safeFileName('///')).toBe('binding');
  });

  it('downloads through a Blob URL that is revoked at once and leaves no link behind', async () => {
    const spy = spyOnDownloads();
    try {
      downloadTextFile(document, 'key.env', 'A="1"\n', 'text/plain');
      expect(spy.downloads).toHaveLength(1);
      expect(spy.downloads[0].fileName).toBe('key.env');
      expect(await spy.downloads[0].content).toBe('A="1"\n');
      expect(spy.liveUrls.size).toBe(0);
      expect(document.querySelector('a[download]')).toBeNull();
    } finally {
      spy.restore();
    }
  });
});

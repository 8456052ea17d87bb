import { TestBed } from '@angular/core/testing';

import { provideUiTesting } from '@testing/test-providers';
import { type DownloadSpy, spyOnDownloads } from '../../testing/download-spy';
import { CredentialsPanel } from './credentials-panel';

describe('CredentialsPanel', () => {
  const credentials = { uri: 'postgres://app:s3cr3t@db.example:5432/app', password: 's3cr3t', port: 5432 };
  let downloads: DownloadSpy;
  let clipboard: string[];

  async function render(value: Record<string, unknown> = credentials) {
    const fixture = TestBed.createComponent(CredentialsPanel);
    fixture.componentRef.setInput('credentials', value);
    fixture.componentRef.setInput('bindingName', 'orders app');
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const button = (name: string) => {
      const found = [...element.querySelectorAll('button')].find(
        (candidate) => (candidate.getAttribute('aria-label') ?? candidate.textContent?.trim()) === name,
      );
      if (!found)
        throw new Error(
          `No button named ${name} among ${[...element.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent).join('|')}`,
        );
      return found;
    };
    const click = async (name: string) => {
      button(name).click();
      await fixture.whenStable();
    };
    return { fixture, element, button, click };
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: provideUiTesting(),
    });
    downloads = spyOnDownloads();
    clipboard = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void clipboard.push(text) },
    });
  });

  afterEach(() => downloads.restore());

  it('masks every value until the user reveals that one field', async () => {
    const { element, button, click } = await render();
    expect(element.textContent).not.toContain('s3cr3t');
    expect(element.textContent).toContain('uri');
    expect(button('Show password').getAttribute('aria-pressed')).toBe('false');

    await click('Show password');
    expect(element.textContent).toContain('s3cr3t');
    expect(element.textContent).not.toContain('postgres://');
    expect(button('Hide password').getAttribute('aria-pressed')).toBe('true');

    await click('Hide password');
    expect(element.textContent).not.toContain('s3cr3t');
  });

  it('masks revealed values again when other credentials arrive', async () => {
    const { fixture, element, click } = await render();
    await click('Show password');
    fixture.componentRef.setInput('credentials', { password: 'other' });
    await fixture.whenStable();
    expect(element.textContent).not.toContain('other');
  });

  it('copies one field, and all fields as JSON, and announces it', async () => {
    const { element, click } = await render();
    await click('Copy password');
    expect(clipboard).toEqual(['s3cr3t']);
    expect(element.querySelector('[role="status"]')?.textContent).toBe('Copied password to the clipboard.');

    await click('Copy all as JSON');
    expect(JSON.parse(clipboard[1])).toEqual(credentials);
    // Copying never reveals a masked value on screen.
    expect(element.textContent).not.toContain('s3cr3t');
  });

  it('downloads JSON and a quoted .env file and revokes their URLs', async () => {
    const { click } = await render({ ...credentials, note: 'a "quoted" $HOME' });
    await click('Download JSON');
    await click('Download .env');

    expect(downloads.downloads.map((download) => download.fileName)).toEqual([
      'orders-app-credentials.json',
      'orders-app.env',
    ]);
    expect(JSON.parse(await downloads.downloads[0].content)).toEqual({ ...credentials, note: 'a "quoted" $HOME' });
    expect(await downloads.downloads[1].content).toBe(
      'URI="postgres://app:s3cr3t@db.example:5432/app"\nPASSWORD="s3cr3t"\nPORT="5432"\nNOTE="a \\"quoted\\" \\$HOME"\n',
    );
    expect(downloads.liveUrls.size).toBe(0);
  });

  it('says so when the broker returned no credentials', async () => {
    const { element } = await render({});
    expect(element.textContent).toContain('The broker returned no credentials for this binding.');
    expect(element.querySelectorAll('button')).toHaveLength(0);
  });

  it('links a revealed http(s) value but never a script URL', async () => {
    const { element, click } = await render({ console: 'https://backup.example/dash', bad: 'javascript:alert(1)' });
    await click('Show console');
    await click('Show bad');
    expect(element.querySelector('a')?.getAttribute('href')).toBe('https://backup.example/dash');
    expect(element.querySelectorAll('a')).toHaveLength(1);
  });
});

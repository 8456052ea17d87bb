import { TestBed } from '@angular/core/testing';

import type { BrokerDifference } from '@osb/api';
import { BrokerDifferences } from './broker-differences';

describe('BrokerDifferences', () => {
  async function render(differences: BrokerDifference[]): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(BrokerDifferences);
    fixture.componentRef.setInput('differences', differences);
    fixture.componentRef.setInput('planNames', { small: 'Small', large: 'Large' });
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const rows = (element: HTMLElement) =>
    [...element.querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()),
    );

  it('says when the broker reports the same', async () => {
    expect((await render([])).textContent).toContain(
      'The service broker reports the same as the marketplace recorded.',
    );
  });

  it('names plans, shows values as plain text and hides secrets', async () => {
    const element = await render([
      { field: 'plan', change: 'changed', recorded: 'small', reported: 'large' },
      { field: 'parameter', path: '/size', change: 'changed', recorded: 10, reported: { gb: 20 } },
      { field: 'parameter', path: '/note', change: 'added', reported: '<img src=x onerror=alert(1)>' },
      { field: 'parameter', path: '/adminPassword', change: 'changed', masked: true },
      { field: 'credential', path: '/token', change: 'added', masked: true },
    ]);
    expect(rows(element)).toEqual([
      ['Plan', 'Small', 'Large'],
      ['Parameter /size', '10', '{"gb":20}'],
      ['Parameter /note', 'not set', '<img src=x onerror=alert(1)>'],
      ['Parameter /adminPassword', 'set (hidden)', 'set (hidden)'],
      ['Credential /token', 'not set', 'set (hidden)'],
    ]);
    expect(element.querySelector('img')).toBeNull();
  });
});

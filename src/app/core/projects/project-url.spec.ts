import { DefaultUrlSerializer, UrlSerializer } from '@angular/router';

import { switchProjectCommands } from './project-url';

describe('switchProjectCommands', () => {
  const serializer: UrlSerializer = new DefaultUrlSerializer();

  it('keeps the section and its filters', () => {
    const url = serializer.parse('/projects/a/marketplace?search=db&location=eu');
    expect(switchProjectCommands(url, 'b')).toEqual({
      commands: ['/projects', 'b', 'marketplace'],
      queryParams: { search: 'db', location: 'eu' },
    });
  });

  it('leaves pages below the section', () => {
    const url = serializer.parse('/projects/a/marketplace/services/postgres?x=1');
    expect(switchProjectCommands(url, 'b')).toEqual({ commands: ['/projects', 'b', 'marketplace'], queryParams: {} });
  });

  it('opens the marketplace from pages outside a project', () => {
    expect(switchProjectCommands(serializer.parse('/nowhere'), 'b').commands).toEqual([
      '/projects',
      'b',
      'marketplace',
    ]);
  });
});

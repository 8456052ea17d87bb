/// <reference types="node" />
import { readFileSync } from 'node:fs';

import { NAVIGATION_ICON_PATHS } from '@app/shared/ui/icons/navigation-icon-paths';

/** index.html paints the frame's toolbar before the app starts; it must look like the frame's own. */
describe('the frame painted by index.html', () => {
  const placeholder = new DOMParser()
    .parseFromString(readFileSync('src/index.html', 'utf8'), 'text/html')
    .querySelector('mp-root > mp-shell');

  it('is the toolbar of the frame with its store icon, styled by the global shell rules', () => {
    expect(
      placeholder?.querySelector('header.mp-shell__header > .mp-shell__toolbar > .mp-shell__product'),
    ).not.toBeNull();
    const icon = placeholder?.querySelector('svg.mp-shell__icon');
    expect(icon?.getAttribute('aria-hidden')).toBe('true');
    expect(icon?.querySelector('path')?.getAttribute('d')).toBe(NAVIGATION_ICON_PATHS.store);
  });
});

import '@angular/localize/init';

import { applicationConfig, type Preview } from '@storybook/angular-vite';

import { provideAppIcons } from '../src/app/shared/ui/icons/app-icons';

/**
 * Global story setup: the app-wide providers that shared UI relies on (the bundled icons). The
 * app's global styles (the Material 3 theme in src/styles.scss) and its change detection come
 * from angular.json through angular-build-options.ts. The app needs no animations provider:
 * Angular Material 21 animates with CSS.
 */
const preview: Preview = {
  decorators: [applicationConfig({ providers: [provideAppIcons()] })],
  parameters: {
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/i } },
  },
};

export default preview;

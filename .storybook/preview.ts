import '@angular/localize/init';

import type { Preview } from '@storybook/angular-vite';

/**
 * Global story setup. The app's global styles (the Material 3 theme in src/styles.scss) and its
 * change detection come from angular.json through angular-build-options.ts.
 */
const preview: Preview = {
  parameters: {
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/i } },
  },
};

export default preview;

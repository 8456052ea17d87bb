import { InjectionToken } from '@angular/core';

import type { UiConfig } from '@osb/api';

/** Runtime settings of the UI, fetched from `config.json` before the application starts. */
export const UI_CONFIG = new InjectionToken<UiConfig>('UI_CONFIG');

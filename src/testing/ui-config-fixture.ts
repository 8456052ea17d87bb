/** Runtime configuration for unit tests. */
import type { UiConfig } from '@osb/api';

/** A configuration with the API at `/api`, as the platform serves it. */
export const testUiConfig: UiConfig = {
  apiBaseUrl: '/api',
  oidc: { issuer: 'http://localhost:8080/oidc', clientId: 'osb-marketplace-ui', scope: 'openid profile' },
  theme: { productName: 'OSB Marketplace' },
};

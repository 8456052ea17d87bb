import { Routes } from '@angular/router';

import { MarketplacePage } from './pages/marketplace-page/marketplace-page';
import { ServicePage } from './pages/service-page/service-page';

/** Routes below `projects/:projectId/marketplace`. */
export const catalogRoutes: Routes = [
  { path: '', title: $localize`:page title@@titleMarketplace:Marketplace`, component: MarketplacePage },
  { path: 'services/:serviceId', title: $localize`:page title@@titleService:Service`, component: ServicePage },
];

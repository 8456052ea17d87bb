import { Routes } from '@angular/router';

import { MarketplacePage } from './pages/marketplace-page/marketplace-page';
import { ServicePage } from './pages/service-page/service-page';

/** Routes below `projects/:projectId/marketplace`. */
export const catalogRoutes: Routes = [
  { path: '', title: $localize`:page title@@titleMarketplace:Marketplace`, component: MarketplacePage },
  { path: 'services/:serviceId', title: $localize`:page title@@titleService:Service`, component: ServicePage },
  {
    path: 'services/:serviceId/schema-preview',
    title: $localize`:page title@@titleSchemaPreview:Preview parameter forms`,
    loadComponent: () => import('./pages/schema-preview-page/schema-preview-page').then((m) => m.SchemaPreviewPage),
  },
];

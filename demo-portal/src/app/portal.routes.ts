import { Routes } from '@angular/router';

/** The portal's sections; the marketplace owns every address below /portal/marketplace. */
export const portalRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'overview' },
  {
    path: 'overview',
    title: 'Overview · meshPanel Demo',
    loadComponent: () => import('./pages/overview-page').then((m) => m.OverviewPage),
  },
  {
    path: 'marketplace',
    children: [{ path: '**', loadComponent: () => import('./pages/marketplace-page').then((m) => m.MarketplacePage) }],
  },
  {
    path: 'access',
    title: 'Access control · meshPanel Demo',
    loadComponent: () => import('./pages/access-page').then((m) => m.AccessPage),
  },
  { path: '**', redirectTo: 'overview' },
];

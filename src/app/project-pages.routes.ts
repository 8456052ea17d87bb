import { Routes } from '@angular/router';

/** The pages of one project (below `projects/:projectId`), shared by the app and the embedded element. */
export const projectPageRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'marketplace' },
  {
    path: 'marketplace/services/:serviceId/order',
    title: $localize`:page title@@titleOrder:Order a service`,
    loadComponent: () => import('./features/provisioning').then((m) => m.OrderPage),
  },
  {
    path: 'marketplace',
    loadChildren: () => import('./features/catalog').then((m) => m.catalogRoutes),
  },
  {
    path: 'instances',
    loadChildren: () => import('./features/service-instances').then((m) => m.serviceInstancesRoutes),
  },
  {
    path: 'costs',
    loadChildren: () => import('./features/costs').then((m) => m.costsRoutes),
  },
  {
    path: 'activity',
    loadChildren: () => import('./features/activity').then((m) => m.activityRoutes),
  },
];

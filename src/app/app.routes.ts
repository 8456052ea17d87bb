import { Routes } from '@angular/router';

import { authGuard } from './core/auth/auth-guard';
import { firstProjectGuard, projectMemberGuard } from './core/projects/project-guards';

/** The app's routes; every feature is loaded lazily. */
export const routes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: $localize`:page title@@titleProjects:Projects`,
    canMatch: [authGuard],
    canActivate: [firstProjectGuard],
    loadComponent: () => import('./core/projects/no-projects/no-projects').then((m) => m.NoProjects),
  },
  {
    path: 'projects/:projectId',
    canMatch: [authGuard, projectMemberGuard],
    children: [
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
    ],
  },
  {
    path: 'signed-out',
    title: $localize`:page title@@titleSignedOut:Signed out`,
    loadComponent: () => import('./core/auth/signed-out/signed-out').then((m) => m.SignedOut),
  },
  {
    path: '**',
    title: $localize`:page title@@titleNotFound:Page not found`,
    loadComponent: () => import('./core/layout/not-found/not-found').then((m) => m.NotFound),
  },
];

import { Routes } from '@angular/router';

import { authGuard } from './core/auth/auth-guard';
import { firstProjectGuard, projectMemberGuard } from './core/projects/project-guards';
import { projectPageRoutes } from './project-pages.routes';

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
    children: projectPageRoutes,
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

import { Routes } from '@angular/router';

import { authGuard, notWhileSigningIn } from './core/auth/auth-guard';
import { firstProjectGuard, projectMemberGuard } from './core/projects/project-guards';
import { projectPageRoutes } from './project-pages.routes';
import { withAppIcons } from './shared/ui/icons/app-icons-loader';

/**
 * The app's routes; every feature is loaded lazily, with the icons its pages show (the frame
 * starts loading them as soon as the user is signed in, so project pages rarely wait for them).
 */
export const routes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: $localize`:page title@@titleProjects:Projects`,
    canMatch: [authGuard],
    canActivate: [firstProjectGuard],
    loadComponent: withAppIcons(() => import('./core/projects/no-projects/no-projects').then((m) => m.NoProjects)),
  },
  {
    path: 'projects/:projectId',
    canMatch: [authGuard, projectMemberGuard],
    loadChildren: withAppIcons(() => Promise.resolve(projectPageRoutes)),
  },
  {
    path: 'signed-out',
    title: $localize`:page title@@titleSignedOut:Signed out`,
    loadComponent: withAppIcons(() => import('./core/auth/signed-out/signed-out').then((m) => m.SignedOut)),
  },
  {
    path: '**',
    title: $localize`:page title@@titleNotFound:Page not found`,
    canActivate: [notWhileSigningIn],
    loadComponent: withAppIcons(() => import('./core/layout/not-found/not-found').then((m) => m.NotFound)),
  },
];

import { Routes } from '@angular/router';

import { projectPageRoutes } from '../project-pages.routes';

/** The element's routes: the pages of the project the host chose; no start, sign-in or signed-out page. */
export const embedRoutes: Routes = [
  { path: 'projects/:projectId', children: projectPageRoutes },
  {
    path: '**',
    title: $localize`:page title@@titleNotFound:Page not found`,
    loadComponent: () => import('../core/layout/not-found/not-found').then((m) => m.NotFound),
  },
];

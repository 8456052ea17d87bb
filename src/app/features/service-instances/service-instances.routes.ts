import { Routes } from '@angular/router';

import { InstancePage } from './pages/instance-page/instance-page';
import { InstanceUpdatePage } from './pages/instance-update-page/instance-update-page';
import { InstancesPage } from './pages/instances-page/instances-page';

/** Routes below `projects/:projectId/instances`. */
export const serviceInstancesRoutes: Routes = [
  { path: '', title: $localize`:page title@@titleInstances:Service instances`, component: InstancesPage },
  { path: ':instanceId', title: $localize`:page title@@titleInstance:Service instance`, component: InstancePage },
  {
    path: ':instanceId/edit',
    title: $localize`:page title@@titleInstanceUpdate:Change service instance`,
    component: InstanceUpdatePage,
  },
];

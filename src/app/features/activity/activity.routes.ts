import { Routes } from '@angular/router';

import { ActivityPage } from './pages/activity-page/activity-page';

/** Routes below `projects/:projectId/activity`. */
export const activityRoutes: Routes = [
  { path: '', title: $localize`:page title@@titleActivity:Activity`, component: ActivityPage },
];

import { Routes } from '@angular/router';

import { CostsPage } from './pages/costs-page/costs-page';

/** Routes below `projects/:projectId/costs`. */
export const costsRoutes: Routes = [
  { path: '', title: $localize`:page title@@titleCosts:Costs`, component: CostsPage },
];

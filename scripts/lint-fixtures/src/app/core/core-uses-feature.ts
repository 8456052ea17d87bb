// expect: @softarc/sheriff/dependency-rule
// core/ serves the features and never depends on one.
import { catalogRoutes } from '../features/catalog';

export const uses = catalogRoutes;

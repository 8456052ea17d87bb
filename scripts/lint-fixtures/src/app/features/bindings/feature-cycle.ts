// expect: @softarc/sheriff/dependency-rule
// The bindings feature may not use the service instances feature: that one uses bindings.
import { serviceInstancesRoutes } from '../service-instances';

export const uses = serviceInstancesRoutes;

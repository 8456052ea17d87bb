// expect: nothing
// The service instances feature uses the bindings feature through its index.ts: allowed.
import { InstanceBindings } from '../bindings';

export const uses = InstanceBindings;

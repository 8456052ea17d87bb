// expect: @softarc/sheriff/encapsulation
// A feature reaches another feature only through its index.ts, even one it may use.
import { InstanceBindings } from '../bindings/components/instance-bindings/instance-bindings';

export const uses = InstanceBindings;

// expect: no-restricted-imports
// The contract is imported through its alias, @osb/api.
import type { ServiceInstance } from '../../common/api/index';

export type Uses = ServiceInstance;

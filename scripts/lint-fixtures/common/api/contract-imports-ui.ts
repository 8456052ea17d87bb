// expect: @softarc/sheriff/dependency-rule
// The API contract depends on nothing of the UI.
import type { InstanceRef } from '../../src/app/core/api/api-types';

export type Uses = InstanceRef;
